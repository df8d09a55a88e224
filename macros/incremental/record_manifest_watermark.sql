{#- The post-hook of a model configured with `derived_from`: appends to
    int_product_incremental_manifest the model's watermark, the earliest
    watermark of the models it reads as they are now (null when one of
    them has none, which makes the next run rebuild every visitor). A
    model whose run fails runs no post-hook and keeps its older row, so
    the next run's cutoff covers what it missed; a model run alone on
    stale inputs records their stale watermark. Without the manifest
    table it records nothing (the model then counts as missing). -#}
{% macro record_manifest_watermark() -%}
    {%- if execute -%}
        {#- Looked up even on --full-refresh, which rebuilds it first. -#}
        {%- set found = {} -%}
        {%- for node in graph.nodes.values() if node.resource_type == 'model'
            and node.package_name == 'product_warehouse' and node.name == 'int_product_incremental_manifest' -%}
            {%- do found.update({'manifest': adapter.get_relation(
                database=node.database, schema=node.schema, identifier=node.alias)}) -%}
        {%- endfor -%}
        {%- set manifest = found.get('manifest') -%}
        {%- if manifest is not none -%}
            {%- set sources = [] -%}
            {%- for name in (model.config.get('meta') or {}).get('product_warehouse_derived_from') -%}
                {#- Read after the model ran: it must run after them. -#}
                {%- if 'model.product_warehouse.' ~ name not in model.depends_on.nodes -%}
                    {{ exceptions.raise_compiler_error(
                        "product_warehouse: " ~ model.name ~ " is derived from " ~ name
                        ~ " but does not depend on it: ref it, or add a depends_on comment naming ref('"
                        ~ name ~ "')") }}
                {%- endif -%}
                {%- for node in graph.nodes.values() if node.resource_type == 'model'
                    and node.package_name == 'product_warehouse' and node.name == name -%}
                    {%- set column = (node.config.get('meta') or {}).get('product_warehouse_watermark') -%}
                    {%- do sources.append(
                        'select max(' ~ column ~ ') as watermark_at from ' ~ node.relation_name if column
                        else product_warehouse.manifest_watermark_sql(name, manifest)) -%}
                {%- else -%}
                    {{ exceptions.raise_compiler_error(
                        "product_warehouse: " ~ model.name ~ " is derived from " ~ name
                        ~ ", which is not a model of the package") }}
                {%- endfor -%}
            {%- endfor -%}
    insert into {{ manifest }} (model_name, watermark_at, invocation_id, recorded_at)
    select
        {{ product_warehouse.string_literal(model.name) }},
        case
            when count(watermark_at) = {{ sources | length }} then min(watermark_at)
        end,
        {{ product_warehouse.string_literal(invocation_id) }},
        cast({{ dbt.current_timestamp() }} as {{ dbt.type_timestamp() }})
    from (
        {{ sources | join('\n        union all\n        ') }}
    ) as derived_from
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}

{#- The package's incremental models (config meta names their
    `product_warehouse_watermark` column, or `product_warehouse_derived_from`),
    found in the graph: a dict with `watermarks` (for each existing
    table, a select of its one watermark_at row) and `missing` (names of
    those not built yet). Empty while parsing. -#}
{% macro incremental_watermarks() -%}
    {%- set found = {'watermarks': [], 'missing': []} -%}
    {%- if execute -%}
        {%- set manifest = product_warehouse.stored_model_relation(
            'int_product_incremental_manifest', 'watermark_at') -%}
        {%- for node in graph.nodes.values() | sort(attribute='unique_id') -%}
            {%- set meta = node.config.get('meta') or {} -%}
            {%- set column = meta.get('product_warehouse_watermark') -%}
            {%- set derived = meta.get('product_warehouse_derived_from') is not none -%}
            {%- if node.resource_type == 'model' and (column or derived)
                and node.config.materialized == 'incremental' -%}
                {%- set relation = product_warehouse.watermark_relation(node, column) -%}
                {%- if relation is none or (derived and manifest is none) -%}
                    {%- do found['missing'].append(node.name) -%}
                {%- elif derived -%}
                    {%- do found['watermarks'].append({'name': node.name,
                        'sql': product_warehouse.manifest_watermark_sql(node.name, manifest)}) -%}
                {%- else -%}
                    {%- do found['watermarks'].append({'name': node.name,
                        'sql': 'select max(' ~ column ~ ') as watermark_at from ' ~ relation}) -%}
                {%- endif -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(found) }}
{%- endmacro %}

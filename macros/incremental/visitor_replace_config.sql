{#- The config of an incremental model of the package: materialization,
    strategy, the watermark column int_product_incremental_run reads, and
    a pre-hook (visitor_replace_pre_hook). `reads_records`: the model
    reads the staged records themselves (not another incremental model),
    so it must run with this invocation's visitors. `replaces`: which
    stored rows a run replaces (delete_replaced_rows): 'visitors' (every
    row of this run's visitors) or 'records' (int_product_records_identified:
    the rows of this run's records that are rejected or belong to this
    run's visitors, and every row without an id). `derived_from`, instead
    of a watermark_column: the package's incremental models the model
    reads (a model derived from the warehouse models, whose rows may be
    few or none), each a direct dependency (ref or depends_on); its
    watermark is the earliest of theirs when it last succeeded, recorded
    in int_product_incremental_manifest by a post-hook
    (record_manifest_watermark, ADR 0011). -#}
{% macro visitor_replace_config(unique_key, watermark_column=none, reads_records=false, replaces='visitors', reopen_column=none, reopen_point='reopen_at', derived_from=none) -%}
    {%- if replaces not in ['visitors', 'records'] -%}
        {{ exceptions.raise_compiler_error(
            "visitor_replace_config: replaces must be 'visitors' or 'records', got '" ~ replaces ~ "'") }}
    {%- endif -%}
    {%- if reopen_column and (replaces != 'visitors' or unique_key is not string) -%}
        {{ exceptions.raise_compiler_error(
            "visitor_replace_config: reopen_column needs replaces='visitors' and a one-column unique_key") }}
    {%- endif -%}
    {%- if (watermark_column is none) == (derived_from is none) -%}
        {{ exceptions.raise_compiler_error(
            "visitor_replace_config: give either watermark_column or derived_from") }}
    {%- endif -%}
    {%- set meta = {'product_warehouse_watermark': watermark_column, 'product_warehouse_replaces': replaces} -%}
    {%- set post_hook = [] -%}
    {%- if derived_from is not none -%}
        {%- do meta.update({'product_warehouse_derived_from': derived_from}) -%}
        {%- do post_hook.append("{{ product_warehouse.record_manifest_watermark() }}") -%}
    {%- endif -%}
    {%- if reopen_column -%}
        {%- do meta.update({'product_warehouse_reopen': {
            'column': reopen_column, 'point': reopen_point, 'key': unique_key}}) -%}
    {%- endif -%}
    {{ return({
        'materialized': 'incremental',
        'unique_key': unique_key,
        'incremental_strategy': product_warehouse.incremental_strategy(),
        'meta': meta,
        'pre_hook': ["{{ product_warehouse.visitor_replace_pre_hook("
            ~ (reads_records | string | lower) ~ ", '" ~ replaces ~ "') }}"],
        'post_hook': post_hook,
    }) }}
{%- endmacro %}

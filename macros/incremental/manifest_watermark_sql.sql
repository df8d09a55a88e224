{#- A select of one row, the watermark_at that the latest row of the
    `manifest` table (int_product_incremental_manifest) records for model
    `name` (the earliest, should two rows share a recorded_at); null
    without one. -#}
{% macro manifest_watermark_sql(name, manifest) -%}
    {%- set quoted = product_warehouse.string_literal(name) -%}
    {{ return('select min(watermark_at) as watermark_at from ' ~ manifest
        ~ ' where model_name = ' ~ quoted ~ ' and recorded_at = (select max(recorded_at) from '
        ~ manifest ~ ' where model_name = ' ~ quoted ~ ')') }}
{%- endmacro %}

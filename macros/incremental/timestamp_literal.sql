{#- A timestamp literal from a 'YYYY-MM-DD[ HH:MM:SS]' string var. -#}
{% macro timestamp_literal(value) -%}
    cast({{ product_warehouse.string_literal(value | string) }} as {{ dbt.type_timestamp() }})
{%- endmacro %}

{#- Fixture tables live in schemas named after the case (segment,
    rudderstack, ...) so the package finds them with its default
    product_warehouse_source_schema, exactly as a user's loader writes them. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ custom_schema_name | trim if custom_schema_name else target.schema }}
{%- endmacro %}

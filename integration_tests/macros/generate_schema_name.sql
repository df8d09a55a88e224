{#- Fixture tables live in schemas named after the case (segment,
    rudderstack, ...) so the package finds them with its default
    product_warehouse_source_schema, exactly as a user's loader writes them.
    Every other node of a fixture case is built in a schema of that case's
    own (<target schema>_<case>), so the test suite builds each case once
    per engine and its tests read it in any order. product_warehouse_test_case
    none (the incremental tests, scratch builds) keeps the target schema. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name -%}
        {{ custom_schema_name | trim }}
    {%- else -%}
        {{ case_schema() }}
    {%- endif -%}
{%- endmacro %}

{% macro case_schema() -%}
    {%- set case = var('product_warehouse_test_case', 'none') | string -%}
    {%- if case in ['none', ''] -%}
        {{ target.schema }}
    {%- else -%}
        {{ target.schema }}_{{ case }}
    {%- endif -%}
{%- endmacro %}

{#- The values as a comma-separated list of safely quoted string literals,
    for `in (...)`: string_list(['a', "it's"]) -> 'a', 'it''s'. -#}
{% macro string_list(values) -%}
    {%- set literals = [] -%}
    {%- for value in values -%}
        {%- do literals.append(product_warehouse.string_literal(value)) -%}
    {%- endfor -%}
    {{ literals | join(', ') }}
{%- endmacro %}

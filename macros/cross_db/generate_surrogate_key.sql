{#-
    md5 hex of the fields joined with '-', nulls as '_null_'. Built from
    dbt.hash and dbt.concat, which give the same hex string on every
    supported engine, so a key is the same everywhere for the same input.
-#}
{% macro generate_surrogate_key(field_list) -%}
    {%- if field_list is string or field_list | length == 0 -%}
        {{ exceptions.raise_compiler_error(
            "product_warehouse.generate_surrogate_key expects a non-empty list of column expressions, got: " ~ field_list) }}
    {%- endif -%}
    {%- set parts = [] -%}
    {%- for field in field_list -%}
        {%- do parts.append("coalesce(cast(" ~ field ~ " as " ~ dbt.type_string() ~ "), '_null_')") -%}
        {%- if not loop.last -%}{%- do parts.append("'-'") -%}{%- endif -%}
    {%- endfor -%}
    {{ dbt.hash(dbt.concat(parts)) }}
{%- endmacro %}

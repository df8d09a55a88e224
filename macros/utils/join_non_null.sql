{#-
    The non-null values among `expressions` (SQL string expressions), in
    order, joined with `separator`; null when all are null. Portable: no
    concat_ws or array functions, and no concat() whose null handling
    differs between engines.
-#}
{% macro join_non_null(expressions, separator) -%}
    {%- if expressions is string or expressions | length == 0 -%}
        {{ exceptions.raise_compiler_error(
            "product_warehouse.join_non_null expects a non-empty list of expressions") }}
    {%- endif -%}
    {%- set sep = product_warehouse.string_literal(separator) -%}
    {%- set pieces = [] -%}
    {%- for expression in expressions -%}
        {%- do pieces.append(
            "case when " ~ expression ~ " is null then '' else "
            ~ dbt.concat([sep, expression]) ~ " end") -%}
    {%- endfor -%}
    nullif(substr({{ dbt.concat(pieces) if pieces | length > 1 else pieces[0] }}, {{ separator | length + 1 }}), '')
{%- endmacro %}

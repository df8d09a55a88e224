{#-
    An 8-byte float type. dbt.type_float() renders `float`, which DuckDB
    reads as a 4-byte REAL: too coarse for revenue or for seconds with
    millisecond parts.
-#}
{% macro type_double() -%}
    {{ return(adapter.dispatch('type_double', 'product_warehouse')()) }}
{%- endmacro %}

{% macro default__type_double() -%}
    double precision
{%- endmacro %}

{% macro bigquery__type_double() -%}
    float64
{%- endmacro %}

{#- Spark SQL has no `double precision` spelling. -#}
{% macro spark__type_double() -%}
    double
{%- endmacro %}

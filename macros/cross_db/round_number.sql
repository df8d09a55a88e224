{#- A number rounded to `places` decimals, on every engine. -#}
{% macro round_number(expression, places) -%}
    {{ return(adapter.dispatch('round_number', 'product_warehouse')(expression, places)) }}
{%- endmacro %}

{% macro default__round_number(expression, places) -%}
    round(cast({{ expression }} as {{ product_warehouse.type_double() }}), {{ places }})
{%- endmacro %}

{#- Postgres has round(numeric, int) but no round(double precision, int).
    https://www.postgresql.org/docs/current/functions-math.html -#}
{% macro postgres__round_number(expression, places) -%}
    round(cast({{ expression }} as numeric), {{ places }})
{%- endmacro %}

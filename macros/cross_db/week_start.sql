{#- The Monday that starts the ISO week of a date, as a date. -#}
{% macro week_start(date_expression) -%}
    {{ return(adapter.dispatch('week_start', 'product_warehouse')(date_expression)) }}
{%- endmacro %}

{#- date_trunc('week') is Monday-based on DuckDB, Postgres, Redshift and
    Spark. -#}
{% macro default__week_start(date_expression) -%}
    cast({{ dbt.date_trunc('week', date_expression) }} as date)
{%- endmacro %}

{#- BigQuery's date_trunc(d, week) starts weeks on Sunday; isoweek is
    Monday. https://cloud.google.com/bigquery/docs/reference/standard-sql/date_functions#date_trunc -#}
{% macro bigquery__week_start(date_expression) -%}
    date_trunc(cast({{ date_expression }} as date), isoweek)
{%- endmacro %}

{#- Snowflake's date_trunc('week') follows the session's WEEK_START
    parameter; dayofweekiso does not (Monday = 1).
    https://docs.snowflake.com/en/sql-reference/functions-date-time#label-calendar-weeks-weekdays -#}
{% macro snowflake__week_start(date_expression) -%}
    {%- set day = 'cast(' ~ date_expression ~ ' as date)' -%}
    cast({{ dbt.dateadd('day', '1 - dayofweekiso(' ~ day ~ ')', day) }} as date)
{%- endmacro %}

{#-
    Exact seconds from start_ts to end_ts, fractional where the timestamps
    have sub-second parts. Computed from whole microseconds so a gap of
    exactly N seconds compares equal to N on every engine (no float drift,
    no truncation to whole minutes or seconds).
-#}
{% macro seconds_between(start_ts, end_ts) -%}
    {{ return(adapter.dispatch('seconds_between', 'product_warehouse')(start_ts, end_ts)) }}
{%- endmacro %}

{#- Postgres: extract(epoch ...) of an interval is exact numeric (PG >= 14). -#}
{% macro default__seconds_between(start_ts, end_ts) -%}
    extract(epoch from ({{ end_ts }} - {{ start_ts }}))
{%- endmacro %}

{#- https://cloud.google.com/bigquery/docs/reference/standard-sql/timestamp_functions#timestamp_diff -#}
{% macro bigquery__seconds_between(start_ts, end_ts) -%}
    (timestamp_diff({{ end_ts }}, {{ start_ts }}, microsecond) / 1000000)
{%- endmacro %}

{#- DuckDB: epoch_us is an exact bigint; subtracting timestamps gives an interval. -#}
{% macro duckdb__seconds_between(start_ts, end_ts) -%}
    ((epoch_us({{ end_ts }}) - epoch_us({{ start_ts }})) / 1000000.0)
{%- endmacro %}

{#- Redshift has no extract(epoch from interval) on timestamps differences; datediff counts microsecond boundaries exactly. -#}
{% macro redshift__seconds_between(start_ts, end_ts) -%}
    (datediff(microsecond, {{ start_ts }}, {{ end_ts }}) / 1000000.0)
{%- endmacro %}

{#- https://docs.snowflake.com/en/sql-reference/functions/datediff -#}
{% macro snowflake__seconds_between(start_ts, end_ts) -%}
    (datediff('microsecond', {{ start_ts }}, {{ end_ts }}) / 1000000.0)
{%- endmacro %}

{#- Spark >= 3.1: unix_micros is exact. -#}
{% macro spark__seconds_between(start_ts, end_ts) -%}
    ((unix_micros({{ end_ts }}) - unix_micros({{ start_ts }})) / 1000000.0)
{%- endmacro %}

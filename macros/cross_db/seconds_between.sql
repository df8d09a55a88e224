{#-
    Exact seconds from start_ts to end_ts as an 8-byte float, fractional
    where the timestamps have sub-second parts. The difference is taken
    in whole microseconds (exact) before dividing, so a gap of exactly N
    seconds equals N on every engine, and every engine returns the same
    type (no float drift, no truncation to whole minutes or seconds).
-#}
{% macro seconds_between(start_ts, end_ts) -%}
    {{ return(adapter.dispatch('seconds_between', 'product_warehouse')(start_ts, end_ts)) }}
{%- endmacro %}

{#- Postgres: extract(epoch ...) of an interval is exact numeric (PG >= 14). -#}
{% macro default__seconds_between(start_ts, end_ts) -%}
    cast(extract(epoch from ({{ end_ts }} - {{ start_ts }})) as {{ product_warehouse.type_double() }})
{%- endmacro %}

{#- https://cloud.google.com/bigquery/docs/reference/standard-sql/timestamp_functions#timestamp_diff -#}
{% macro bigquery__seconds_between(start_ts, end_ts) -%}
    (timestamp_diff({{ end_ts }}, {{ start_ts }}, microsecond) / 1000000)
{%- endmacro %}

{#- DuckDB: epoch_us is an exact bigint. -#}
{% macro duckdb__seconds_between(start_ts, end_ts) -%}
    ((epoch_us({{ end_ts }}) - epoch_us({{ start_ts }})) / 1000000.0)
{%- endmacro %}

{#- Redshift: datediff counts microsecond boundaries, which for microsecond timestamps is the exact difference.
    https://docs.aws.amazon.com/redshift/latest/dg/r_DATEDIFF_function.html -#}
{% macro redshift__seconds_between(start_ts, end_ts) -%}
    cast(datediff(microsecond, {{ start_ts }}, {{ end_ts }}) as {{ product_warehouse.type_double() }}) / 1000000
{%- endmacro %}

{#- https://docs.snowflake.com/en/sql-reference/functions/datediff -#}
{% macro snowflake__seconds_between(start_ts, end_ts) -%}
    cast(datediff('microsecond', {{ start_ts }}, {{ end_ts }}) as {{ product_warehouse.type_double() }}) / 1000000
{%- endmacro %}

{#- Spark >= 3.1: unix_micros is exact. -#}
{% macro spark__seconds_between(start_ts, end_ts) -%}
    cast(unix_micros({{ end_ts }}) - unix_micros({{ start_ts }}) as double) / 1000000
{%- endmacro %}

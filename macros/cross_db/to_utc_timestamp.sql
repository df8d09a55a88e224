{#-
    A timestamp column as a timestamp without time zone in UTC.
    data_type is the column's type as the adapter reports it; a zoned type
    is converted to UTC, a plain one is taken to be UTC already (which is
    how Segment and RudderStack load it).
-#}
{% macro to_utc_timestamp(expression, data_type) -%}
    {{ return(adapter.dispatch('to_utc_timestamp', 'product_warehouse')(expression, data_type)) }}
{%- endmacro %}

{% macro _is_zoned_type(data_type) -%}
    {%- set t = (data_type or '') | lower -%}
    {{ return('with time zone' in t or 'timestamptz' in t or 'timestamp_tz' in t or 'timestamp_ltz' in t) }}
{%- endmacro %}

{% macro default__to_utc_timestamp(expression, data_type) -%}
    {%- if product_warehouse._is_zoned_type(data_type) -%}
        cast(({{ expression }}) at time zone 'UTC' as {{ dbt.type_timestamp() }})
    {%- else -%}
        cast({{ expression }} as {{ dbt.type_timestamp() }})
    {%- endif -%}
{%- endmacro %}

{#- BigQuery TIMESTAMP is an absolute instant, so there is nothing to convert. -#}
{% macro bigquery__to_utc_timestamp(expression, data_type) -%}
    cast({{ expression }} as timestamp)
{%- endmacro %}

{#- https://docs.snowflake.com/en/sql-reference/functions/convert_timezone -#}
{% macro snowflake__to_utc_timestamp(expression, data_type) -%}
    {%- if product_warehouse._is_zoned_type(data_type) -%}
        cast(convert_timezone('UTC', {{ expression }}) as timestamp_ntz)
    {%- else -%}
        cast({{ expression }} as timestamp_ntz)
    {%- endif -%}
{%- endmacro %}

{#- Spark timestamps are instants rendered in the session time zone. -#}
{% macro spark__to_utc_timestamp(expression, data_type) -%}
    cast({{ expression }} as timestamp)
{%- endmacro %}

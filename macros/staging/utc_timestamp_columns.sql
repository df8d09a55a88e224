{#-
    occurred_at and received_at, in UTC (to_utc_timestamp), from the raw
    columns `occurred_at` (Segment and RudderStack: timestamp) and
    received_at of a staging model's source CTE; `raw_types` from
    get_column_types. The last columns of every staging model.
-#}
{% macro utc_timestamp_columns(raw_types, occurred_at='timestamp') -%}
        {{ product_warehouse.to_utc_timestamp(
            occurred_at, raw_types.get(occurred_at)) }} as occurred_at,
        {{ product_warehouse.to_utc_timestamp(
            'received_at', raw_types.get('received_at')) }} as received_at
{%- endmacro %}

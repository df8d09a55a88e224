{{ config(**product_warehouse.visitor_replace_config(
    unique_key='event_id', watermark_column='received_at')) }}
{#- Incremental runs rebuild this run's visitors (affected_visitors_filter). -#}
-- depends_on: {{ ref('int_product_incremental_visitors') }}

{#- The sessionized events (int_product_events_sessionized runs the same
    query), restricted to the affected visitors before any window on
    incremental runs. -#}
{{ product_warehouse.sessionized_events_sql(
    ref('int_product_records_identified'),
    product_warehouse.affected_visitors_filter()) }}

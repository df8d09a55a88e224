{{ config(**product_warehouse.visitor_replace_config(
    unique_key='event_id', watermark_column='received_at')) }}
{#- Incremental runs read the staged records (for the affected visitors). -#}
-- depends_on: {{ ref('int_product_records_validated') }}

with

events as (

    select
        event_id,
        visitor_id,
        user_id,
        anonymous_id,
        session_id,
        source_session_id,
        source_table,
        event_name,
        event_type,
        page_url,
        page_path,
        referrer,
        utm_source,
        utm_medium,
        utm_campaign,
        product_id,
        order_id,
        revenue,
        session_sequence_number,
        event_sequence_number,
        seconds_since_previous_event,
        occurred_at,
        received_at

    from {{ ref('int_product_events_sessionized') }}
    where {{ product_warehouse.affected_visitors_filter() }}

)

select * from events

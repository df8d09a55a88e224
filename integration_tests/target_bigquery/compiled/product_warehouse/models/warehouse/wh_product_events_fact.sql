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

    from `offline-project`.`main`.`int_product_events_sessionized`

)

select * from events
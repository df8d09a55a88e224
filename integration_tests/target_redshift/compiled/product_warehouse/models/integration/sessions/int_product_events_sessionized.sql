with

events as (

    select
        event_id,
        visitor_id,
        resolved_user_id as user_id,
        anonymous_id,
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
        occurred_at,
        received_at

    from "offline"."main"."int_product_records_identified"
    where record_type in ('track', 'page', 'custom')

),

events_with_previous as (

    select
        *,
        lag(occurred_at) over (
            partition by visitor_id
            order by occurred_at, event_id
        ) as previous_in_session_scope_at,
        lag(occurred_at) over (
            partition by visitor_id
            order by occurred_at, event_id
        ) as previous_occurred_at

    from events

),events_flagged as (

    select
        *,
        case
            when previous_in_session_scope_at is null then 1
            when (datediff(microsecond, previous_in_session_scope_at, occurred_at) / 1000000.0)
                > 1800
                then 1
            else 0
        end as is_session_start

    from events_with_previous

),

events_numbered as (

    select
        *,
        sum(is_session_start) over (
            partition by visitor_id
            order by occurred_at, event_id
            rows between unbounded preceding and current row
        ) as session_index

    from events_flagged

),

events_with_session_start as (

    select
        *,
        first_value(event_id) over (
            partition by visitor_id, session_index
            order by occurred_at, event_id
            rows between unbounded preceding and unbounded following
        ) as session_first_event_id,
        min(occurred_at) over (
            partition by visitor_id, session_index
        ) as session_start_at

    from events_numbered

),

events_with_session as (

    select
        *,
        md5(cast(coalesce(cast(visitor_id as TEXT), '_null_') || '-' || coalesce(cast(session_first_event_id as TEXT), '_null_') as TEXT)) as session_id

    from events_with_session_start

),

events_sequenced as (

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
        dense_rank() over (
            partition by visitor_id
            order by session_start_at, session_first_event_id
        ) as session_sequence_number,
        row_number() over (
            partition by session_id
            order by occurred_at, event_id
        ) as event_sequence_number,
        (datediff(microsecond, previous_occurred_at, occurred_at) / 1000000.0)
            as seconds_since_previous_event,
        occurred_at,
        received_at

    from events_with_session

)

select * from events_sequenced
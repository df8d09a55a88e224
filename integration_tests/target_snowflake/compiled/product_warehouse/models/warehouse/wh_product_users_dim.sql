with

events as (

    select
        visitor_id,
        user_id,
        occurred_at

    from offline.main.wh_product_events_fact

),

sessions as (

    select
        session_id,
        visitor_id,
        session_sequence_number

    from offline.main.wh_product_sessions_fact

),

user_traits as (

    select *

    from offline.main.int_product_user_traits

),

visitor_events as (

    select
        visitor_id,
        max(user_id) as user_id,
        count(*) as event_count,
        min(occurred_at) as first_seen_at,
        max(occurred_at) as last_seen_at

    from events
    group by visitor_id

),

visitor_sessions as (

    select
        visitor_id,
        count(*) as session_count,
        max(
            case when session_sequence_number = 1 then session_id end
        ) as first_session_id,
        max(session_sequence_number) as last_session_sequence_number

    from sessions
    group by visitor_id

),

last_sessions as (

    select
        sessions.visitor_id,
        sessions.session_id as last_session_id

    from sessions
    inner join visitor_sessions
        on
            sessions.visitor_id = visitor_sessions.visitor_id
            and sessions.session_sequence_number
            = visitor_sessions.last_session_sequence_number

),

users as (

    select
        visitor_events.visitor_id,
        visitor_events.user_id,
        visitor_sessions.first_session_id,
        last_sessions.last_session_id,
        user_traits.email,
        user_traits.plan,
        visitor_sessions.session_count,
        visitor_events.event_count,
        case
            when visitor_events.user_id is not null then true else false
        end as is_identified,
        visitor_events.first_seen_at,
        visitor_events.last_seen_at

    from visitor_events
    inner join visitor_sessions
        on visitor_events.visitor_id = visitor_sessions.visitor_id
    inner join last_sessions
        on visitor_events.visitor_id = last_sessions.visitor_id
    left join user_traits
        on visitor_events.visitor_id = user_traits.visitor_id

)

select * from users
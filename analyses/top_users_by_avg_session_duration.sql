{#- Visitors ranked by their average session duration, highest first
    (ties by more sessions, then visitor_id, so the order is total). -#}
with

sessions as (

    select
        visitor_id,
        session_duration_seconds

    from {{ ref('wh_product_sessions_fact') }}

),

users as (

    select
        visitor_id,
        user_id

    from {{ ref('wh_product_users_dim') }}

),

visitor_durations as (

    select
        visitor_id,
        count(*) as session_count,
        avg(session_duration_seconds) as avg_session_duration_seconds

    from sessions
    group by 1

),

ranked as (

    select
        visitor_durations.visitor_id,
        users.user_id,
        visitor_durations.session_count,
        visitor_durations.avg_session_duration_seconds

    from visitor_durations
    inner join users
        on visitor_durations.visitor_id = users.visitor_id

)

select * from ranked
{# 4 = avg_session_duration_seconds, 3 = session_count, 1 = visitor_id #}
order by 4 desc, 3 desc, 1 asc

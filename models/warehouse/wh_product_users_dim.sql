{%- set traits = product_warehouse.user_trait_columns() -%}

{{ config(**product_warehouse.visitor_replace_config(
    unique_key='visitor_id', watermark_column='last_received_at')) }}
{#- Incremental runs rebuild this run's visitors (affected_visitors_filter). -#}
-- depends_on: {{ ref('int_product_incremental_visitors') }}

with

events as (

    select
        visitor_id,
        user_id,
        occurred_at,
        received_at

    from {{ ref('wh_product_events_fact') }}
    where {{ product_warehouse.affected_visitors_filter() }}

),

sessions as (

    select
        session_id,
        visitor_id,
        session_sequence_number

    from {{ ref('wh_product_sessions_fact') }}
    where {{ product_warehouse.affected_visitors_filter() }}

),

user_traits as (

    select *

    from {{ ref('int_product_user_traits') }}
    where {{ product_warehouse.affected_visitors_filter() }}

),

visitor_events as (

    select
        visitor_id,
        max(user_id) as user_id,
        count(*) as event_count,
        min(occurred_at) as first_seen_at,
        max(occurred_at) as last_seen_at,
        max(received_at) as last_received_at

    from events
    group by 1

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
    group by 1

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
        {%- for trait in traits %}
        user_traits.{{ trait }},
        {%- endfor %}
        visitor_sessions.session_count,
        visitor_events.event_count,
        visitor_events.user_id is not null as is_identified,
        visitor_events.first_seen_at,
        visitor_events.last_seen_at,
        user_traits.last_identified_at,
        visitor_events.last_received_at

    from visitor_events
    inner join visitor_sessions
        on visitor_events.visitor_id = visitor_sessions.visitor_id
    inner join last_sessions
        on visitor_events.visitor_id = last_sessions.visitor_id
    left join user_traits
        on visitor_events.visitor_id = user_traits.visitor_id

)

select * from users

{%- set traits = product_warehouse.user_trait_columns() -%}

{{ config(**product_warehouse.visitor_replace_config(
    unique_key='visitor_id', watermark_column='last_received_at')) }}
{#- One row per visitor, from its sessions (each session's totals are its
    events') and its traits. Incremental (docs/incremental.md): rebuilds
    listed visitors whole from the sessions fact, which the run brought
    up to date first: no event is read again. -#}
-- depends_on: {{ ref('int_product_incremental_visitors') }}

with

sessions as (

    select
        session_id,
        visitor_id,
        user_id,
        session_sequence_number,
        event_count,
        session_start_at,
        session_end_at,
        last_received_at

    from {{ ref('wh_product_sessions_fact') }}
    where {{ product_warehouse.affected_visitors_filter() }}

),

user_traits as (

    select *

    from {{ ref('int_product_user_traits') }}
    where {{ product_warehouse.affected_visitors_filter() }}

),

visitor_sessions as (

    select
        visitor_id,
        max(user_id) as user_id,
        count(*) as session_count,
        cast(sum(event_count) as {{ dbt.type_bigint() }}) as event_count,
        min(session_start_at) as first_seen_at,
        max(session_end_at) as last_seen_at,
        max(last_received_at) as last_received_at,
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
        visitor_sessions.visitor_id,
        visitor_sessions.user_id,
        visitor_sessions.first_session_id,
        last_sessions.last_session_id,
        {%- for trait in traits %}
        user_traits.{{ trait }},
        {%- endfor %}
        visitor_sessions.session_count,
        visitor_sessions.event_count,
        visitor_sessions.user_id is not null as is_identified,
        visitor_sessions.first_seen_at,
        visitor_sessions.last_seen_at,
        user_traits.last_identified_at,
        visitor_sessions.last_received_at

    from visitor_sessions
    inner join last_sessions
        on visitor_sessions.visitor_id = last_sessions.visitor_id
    left join user_traits
        on visitor_sessions.visitor_id = user_traits.visitor_id

)

select * from users

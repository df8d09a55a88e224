{%- set event_counts = product_warehouse.session_event_count_columns() -%}

{{ config(**product_warehouse.visitor_replace_config(
    unique_key='session_id', watermark_column='last_received_at')) }}
{#- Incremental runs read the staged records (for the affected visitors). -#}
-- depends_on: {{ ref('int_product_records_staged') }}

with

events as (

    select
        event_id,
        session_id,
        visitor_id,
        event_name,
        event_type,
        page_path,
        referrer,
        utm_source,
        utm_medium,
        utm_campaign,
        session_sequence_number,
        event_sequence_number,
        occurred_at,
        received_at

    from {{ ref('wh_product_events_fact') }}
    where {{ product_warehouse.affected_visitors_filter() }}

),

sessions_per_visitor as (

    select
        session_id,
        visitor_id,
        session_sequence_number

    from events
    where event_sequence_number = 1

),

session_totals as (

    select
        session_id,
        count(*) as event_count,
        sum(
            case when event_type = 'page' then 1 else 0 end
        ) as page_view_count,
        {%- for event, column in event_counts %}
        sum(
            case
                when event_name = {{ product_warehouse.string_literal(event) }}
                    then 1
                else 0
            end
        ) as {{ column }},
        {%- endfor %}
        min(occurred_at) as session_start_at,
        max(occurred_at) as session_end_at,
        max(received_at) as last_received_at

    from events
    group by 1

),

page_events_ranked as (

    select
        session_id,
        page_path,
        referrer,
        utm_source,
        utm_medium,
        utm_campaign,
        row_number() over (
            partition by session_id
            order by event_sequence_number
        ) as page_rank_from_first,
        row_number() over (
            partition by session_id
            order by event_sequence_number desc
        ) as page_rank_from_last

    from events
    where event_type = 'page'

),

landing_pages as (

    select
        session_id,
        page_path as landing_page_path,
        utm_source,
        utm_medium,
        utm_campaign,
        referrer

    from page_events_ranked
    where page_rank_from_first = 1

),

exit_pages as (

    select
        session_id,
        page_path as exit_page_path

    from page_events_ranked
    where page_rank_from_last = 1

),

sessions_joined as (

    select
        sessions_per_visitor.session_id,
        sessions_per_visitor.visitor_id,
        landing_pages.landing_page_path,
        exit_pages.exit_page_path,
        landing_pages.utm_source,
        landing_pages.utm_medium,
        landing_pages.utm_campaign,
        landing_pages.referrer,
        sessions_per_visitor.session_sequence_number,
        {{ product_warehouse.seconds_between(
            'session_totals.session_start_at',
            'session_totals.session_end_at'
        ) }} as session_duration_seconds,
        session_totals.event_count,
        session_totals.page_view_count,
        {%- for event, column in event_counts %}
        session_totals.{{ column }},
        {%- endfor %}
        session_totals.session_start_at,
        session_totals.session_end_at,
        session_totals.last_received_at

    from sessions_per_visitor
    inner join session_totals
        on sessions_per_visitor.session_id = session_totals.session_id
    left join landing_pages
        on sessions_per_visitor.session_id = landing_pages.session_id
    left join exit_pages
        on sessions_per_visitor.session_id = exit_pages.session_id

),

sessions_with_next as (

    select
        *,
        lead(session_start_at) over (
            partition by visitor_id
            order by session_sequence_number
        ) as next_session_start_at

    from sessions_joined

)

select * from sessions_with_next

{#- The one read of the events fact for the metrics models (a table, so
    the four of them do not each scan the events). Incremental
    (docs/incremental.md): rebuilds listed visitors' days whole. -#}
{{ config(**product_warehouse.visitor_replace_config(
    unique_key=['visitor_id', 'activity_date'], watermark_column='last_received_at')) }}
{%- set active_events = var('product_warehouse_active_event_names') -%}
{%- set active_condition = 'event_name in ('
    ~ product_warehouse.string_list(active_events) ~ ')'
    if active_events else 'true' %}
-- depends_on: {{ ref('int_product_incremental_visitors') }}

with

events as (

    select
        visitor_id,
        user_id,
        event_type,
        cast({{ dbt.date_trunc('day', 'occurred_at') }} as date)
            as activity_date,
        coalesce({{ active_condition }}, false) as is_active_event,
        received_at

    from {{ ref('wh_product_events_fact') }}
    where {{ product_warehouse.affected_visitors_filter() }}

),

visitor_days as (

    select
        visitor_id,
        activity_date,
        count(*) as event_count,
        sum(
            case when event_type = 'page' then 1 else 0 end
        ) as page_view_count,
        sum(
            case when is_active_event then 1 else 0 end
        ) as active_event_count,
        max(
            case when is_active_event then user_id end
        ) as active_user_id,
        max(received_at) as last_received_at

    from events
    group by 1, 2

),

visitor_days_flagged as (

    select
        visitor_id,
        event_count,
        page_view_count,
        active_event_count,
        activity_date,
        last_received_at,
        active_event_count > 0 as is_active,
        active_user_id is not null as is_identified,
        min(activity_date) over (
            partition by visitor_id
        ) as first_seen_date

    from visitor_days

)

select * from visitor_days_flagged

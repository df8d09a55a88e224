{#- Sliding windows (docs/metrics.md): a visitor is in the
    window of date d when it was active on a date of [d - n + 1, d]. Each
    active date a of a visitor, after the visitor's previous active date p,
    extends the visitor's coverage from max(a, p + n) to a + n - 1: the
    count on d is the running sum of +1 at the starts and -1 the day after
    the ends, with no join of every date to every visitor.
    With conversions configured (product_warehouse_conversions), each date
    also counts its conversions and their value (wh_product_conversions_fact). -#}
{%- set has_conversions =
    product_warehouse.conversion_definitions() | length > 0 %}
{#- Always a dependency, so the model's unit tests give the same inputs
    with and without conversions. -#}
-- depends_on: {{ ref('wh_product_conversions_fact') }}

with

visitor_days as (

    select
        visitor_id,
        event_count,
        page_view_count,
        is_active,
        is_identified,
        activity_date,
        first_seen_date

    from {{ ref('int_product_visitor_days') }}

),

sessions as (

    select
        session_duration_seconds,
        event_count,
        session_start_at

    from {{ ref('wh_product_sessions_fact') }}

),

{% if has_conversions -%}
conversions as (

    select
        conversion_value,
        conversion_date

    from {{ ref('wh_product_conversions_fact') }}

),

{% endif -%}
spine as (

    select date_day

    from {{ ref('int_product_date_spine') }}

),

event_range as (

    select
        min(activity_date) as first_date,
        max(activity_date) as last_date

    from visitor_days

),

metric_dates as (

    select spine.date_day as metric_date

    from spine
    inner join event_range
        on
            spine.date_day >= event_range.first_date
            and spine.date_day <= event_range.last_date

),

daily_visitors as (

    select
        activity_date as metric_date,
        sum(case when is_active then 1 else 0 end) as active_visitors,
        sum(
            case when activity_date = first_seen_date then 1 else 0 end
        ) as new_visitors,
        sum(
            case
                when is_active and activity_date > first_seen_date then 1
                else 0
            end
        ) as returning_visitors,
        sum(
            case when is_active and is_identified then 1 else 0 end
        ) as identified_active_visitors,
        sum(event_count) as events,
        sum(page_view_count) as page_views

    from visitor_days
    group by 1

),

daily_sessions as (

    select
        cast({{ dbt.date_trunc('day', 'session_start_at') }} as date)
            as metric_date,
        count(*) as sessions,
        sum(
            case when event_count = 1 then 1 else 0 end
        ) as bounced_sessions,
        avg(session_duration_seconds) as avg_session_duration_seconds

    from sessions
    group by 1

),

{% if has_conversions -%}
daily_conversions as (

    select
        conversion_date as metric_date,
        count(*) as conversions,
        sum(conversion_value) as conversion_value

    from conversions
    group by 1

),

{% endif -%}
windows as (

    select
        'weekly' as window_name,
        7 as window_days

    union all

    select
        'monthly' as window_name,
        30 as window_days

),

active_days as (

    select
        visitor_id,
        activity_date,
        lag(activity_date) over (
            partition by visitor_id
            order by activity_date
        ) as previous_active_date

    from visitor_days
    where is_active

),

{# coalesce: Spark's dateadd raises on a null date, even in a branch not
    taken. #}
window_starts as (

    select
        windows.window_name,
        case
            when
                active_days.previous_active_date is null
                or {{ dbt.datediff(
                    'active_days.previous_active_date',
                    'active_days.activity_date',
                    'day') }}
                >= windows.window_days
                then active_days.activity_date
            else cast({{ dbt.dateadd(
                'day',
                'windows.window_days',
                'coalesce(active_days.previous_active_date,'
                ~ ' active_days.activity_date)') }} as date)
        end as change_date,
        1 as visitor_change

    from active_days
    cross join windows

),

window_ends as (

    select
        windows.window_name,
        cast(
            {{ dbt.dateadd(
                'day', 'windows.window_days', 'active_days.activity_date'
            ) }}
            as date
        ) as change_date,
        -1 as visitor_change

    from active_days
    cross join windows

),

window_changes as (

    select * from window_starts
    union all
    select * from window_ends

),

daily_window_changes as (

    select
        change_date as metric_date,
        sum(
            case when window_name = 'weekly' then visitor_change else 0 end
        ) as weekly_change,
        sum(
            case when window_name = 'monthly' then visitor_change else 0 end
        ) as monthly_change

    from window_changes
    group by 1

),

daily_windows as (

    select
        metric_dates.metric_date,
        cast(sum(coalesce(daily_window_changes.weekly_change, 0)) over (
            order by metric_dates.metric_date
            rows between unbounded preceding and current row
        ) as {{ dbt.type_bigint() }}) as weekly_active_visitors,
        cast(sum(coalesce(daily_window_changes.monthly_change, 0)) over (
            order by metric_dates.metric_date
            rows between unbounded preceding and current row
        ) as {{ dbt.type_bigint() }}) as monthly_active_visitors

    from metric_dates
    left join daily_window_changes
        on metric_dates.metric_date = daily_window_changes.metric_date

),

{# One row per date; a further per-date figure is one more CTE keyed
    on metric_date, left-joined here. -#}
metrics_joined as (

    select
        coalesce(daily_visitors.active_visitors, 0) as active_visitors,
        daily_windows.weekly_active_visitors,
        daily_windows.monthly_active_visitors,
        case
            when daily_windows.monthly_active_visitors > 0
                then
                    cast(
                        coalesce(daily_visitors.active_visitors, 0)
                        as {{ product_warehouse.type_double() }}
                    )
                    / daily_windows.monthly_active_visitors
        end as stickiness,
        coalesce(daily_visitors.new_visitors, 0) as new_visitors,
        coalesce(daily_visitors.returning_visitors, 0) as returning_visitors,
        coalesce(
            daily_visitors.identified_active_visitors, 0
        ) as identified_active_visitors,
        coalesce(daily_sessions.sessions, 0) as sessions,
        coalesce(daily_visitors.events, 0) as events,
        coalesce(daily_visitors.page_views, 0) as page_views,
        daily_sessions.avg_session_duration_seconds,
        cast(
            daily_sessions.bounced_sessions
            as {{ product_warehouse.type_double() }}
        )
        / daily_sessions.sessions as bounce_rate,
        {%- if has_conversions %}
        coalesce(daily_conversions.conversions, 0) as conversions,
        coalesce(daily_conversions.conversion_value, 0) as conversion_value,
        {%- endif %}
        metric_dates.metric_date

    from metric_dates
    inner join daily_windows
        on metric_dates.metric_date = daily_windows.metric_date
    left join daily_visitors
        on metric_dates.metric_date = daily_visitors.metric_date
    left join daily_sessions
        on metric_dates.metric_date = daily_sessions.metric_date
    {%- if has_conversions %}
    left join daily_conversions
        on metric_dates.metric_date = daily_conversions.metric_date
    {%- endif %}

)

select * from metrics_joined

{#- Lifecycle states (docs/metrics.md), per day, ISO week and
    month. -#}
{%- set month_start = "cast(" ~ dbt.date_trunc('month', '{d}') ~ " as date)" -%}

with

visitor_days as (

    select
        visitor_id,
        is_active,
        activity_date,
        first_seen_date

    from {{ ref('int_product_visitor_days') }}

),

spine as (

    select date_day

    from {{ ref('int_product_date_spine') }}

),

granularities as (

    select 'day' as period_granularity
    union all
    select 'week' as period_granularity
    union all
    select 'month' as period_granularity

),

event_range as (

    select
        min(activity_date) as first_date,
        max(activity_date) as last_date

    from visitor_days

),

visitor_periods as (

    select distinct
        visitor_days.visitor_id,
        granularities.period_granularity,
        case granularities.period_granularity
            when 'day' then visitor_days.activity_date
            when 'week'
                then {{ product_warehouse.week_start(
                    'visitor_days.activity_date') }}
            else {{ month_start.replace('{d}', 'visitor_days.activity_date') }}
        end as period_start_date,
        case granularities.period_granularity
            when 'day' then visitor_days.first_seen_date
            when 'week'
                then {{ product_warehouse.week_start(
                    'visitor_days.first_seen_date') }}
            else {{ month_start.replace(
                '{d}', 'visitor_days.first_seen_date') }}
        end as first_seen_period_start_date

    from visitor_days
    cross join granularities
    where visitor_days.is_active

),

visitor_periods_with_neighbours as (

    select
        visitor_id,
        period_granularity,
        period_start_date,
        first_seen_period_start_date,
        lag(period_start_date) over (
            partition by period_granularity, visitor_id
            order by period_start_date
        ) as previous_active_period_start_date,
        lead(period_start_date) over (
            partition by period_granularity, visitor_id
            order by period_start_date
        ) as next_active_period_start_date,
        case period_granularity
            when 'day'
                then cast({{ dbt.dateadd(
                    'day', -1, 'period_start_date') }} as date)
            when 'week'
                then cast({{ dbt.dateadd(
                    'day', -7, 'period_start_date') }} as date)
            else cast({{ dbt.dateadd(
                'month', -1, 'period_start_date') }} as date)
        end as previous_period_start_date,
        case period_granularity
            when 'day'
                then cast({{ dbt.dateadd(
                    'day', 1, 'period_start_date') }} as date)
            when 'week'
                then cast({{ dbt.dateadd(
                    'day', 7, 'period_start_date') }} as date)
            else cast({{ dbt.dateadd(
                'month', 1, 'period_start_date') }} as date)
        end as next_period_start_date

    from visitor_periods

),

{# A visitor active in a period is new (first seen in it), current
    (active in the previous period) or resurrected; one active in a
    period and not in the next is dormant in the next. -#}
active_states as (

    select
        period_granularity,
        case
            when period_start_date = first_seen_period_start_date
                then 'new'
            when
                previous_active_period_start_date
                = previous_period_start_date
                then 'current'
            else 'resurrected'
        end as lifecycle_state,
        period_start_date

    from visitor_periods_with_neighbours

),

dormant_states as (

    select
        period_granularity,
        'dormant' as lifecycle_state,
        next_period_start_date as period_start_date

    from visitor_periods_with_neighbours
    where
        next_active_period_start_date is null
        or next_active_period_start_date <> next_period_start_date

),

visitor_states as (

    select * from active_states
    union all
    select * from dormant_states

),

state_counts as (

    select
        period_granularity,
        period_start_date,
        sum(
            case when lifecycle_state = 'new' then 1 else 0 end
        ) as new_visitors,
        sum(
            case when lifecycle_state = 'current' then 1 else 0 end
        ) as current_visitors,
        sum(
            case when lifecycle_state = 'resurrected' then 1 else 0 end
        ) as resurrected_visitors,
        sum(
            case when lifecycle_state = 'dormant' then 1 else 0 end
        ) as dormant_visitors

    from visitor_states
    group by 1, 2

),

period_dates as (

    select distinct
        granularities.period_granularity,
        case granularities.period_granularity
            when 'day' then spine.date_day
            when 'week'
                then {{ product_warehouse.week_start('spine.date_day') }}
            else {{ month_start.replace('{d}', 'spine.date_day') }}
        end as period_start_date

    from spine
    inner join event_range
        on
            spine.date_day >= event_range.first_date
            and spine.date_day <= event_range.last_date
    cross join granularities

),

lifecycle as (

    select
        period_dates.period_granularity,
        period_dates.period_start_date,
        coalesce(state_counts.new_visitors, 0) as new_visitors,
        coalesce(state_counts.current_visitors, 0) as current_visitors,
        coalesce(
            state_counts.resurrected_visitors, 0
        ) as resurrected_visitors,
        coalesce(state_counts.dormant_visitors, 0) as dormant_visitors

    from period_dates
    left join state_counts
        on
            period_dates.period_granularity = state_counts.period_granularity
            and period_dates.period_start_date
            = state_counts.period_start_date

)

select * from lifecycle

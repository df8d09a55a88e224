{#- Active days per visitor and ISO week or month (docs/metrics.md). -#}

with

visitor_days as (

    select
        visitor_id,
        is_active,
        activity_date

    from {{ ref('int_product_visitor_days') }}

),

spine as (

    select date_day

    from {{ ref('int_product_date_spine') }}

),

{# The most active days a period can have. -#}
granularities as (

    select
        'week' as period_granularity,
        7 as most_active_days

    union all

    select
        'month' as period_granularity,
        31 as most_active_days

),

day_series as (

    {{ dbt.generate_series(31) }}

),

day_numbers as (

    select cast(generated_number as {{ dbt.type_int() }}) as day_number

    from day_series

),

event_range as (

    select
        min(activity_date) as first_date,
        max(activity_date) as last_date

    from visitor_days

),

visitor_periods as (

    select
        visitor_days.visitor_id,
        granularities.period_granularity,
        case granularities.period_granularity
            when 'week'
                then {{ product_warehouse.week_start(
                    'visitor_days.activity_date') }}
            else cast({{ dbt.date_trunc(
                'month', 'visitor_days.activity_date') }} as date)
        end as period_start_date

    from visitor_days
    cross join granularities
    where visitor_days.is_active

),

visitor_active_days as (

    select
        visitor_id,
        period_granularity,
        period_start_date,
        count(*) as active_days

    from visitor_periods
    group by 1, 2, 3

),

active_day_counts as (

    select
        period_granularity,
        period_start_date,
        active_days,
        count(*) as visitors

    from visitor_active_days
    group by 1, 2, 3

),

period_dates as (

    select distinct
        granularities.period_granularity,
        granularities.most_active_days,
        case granularities.period_granularity
            when 'week'
                then {{ product_warehouse.week_start('spine.date_day') }}
            else cast({{ dbt.date_trunc(
                'month', 'spine.date_day') }} as date)
        end as period_start_date

    from spine
    inner join event_range
        on
            spine.date_day >= event_range.first_date
            and spine.date_day <= event_range.last_date
    cross join granularities

),

period_grid as (

    select
        period_dates.period_granularity,
        day_numbers.day_number as active_days,
        period_dates.period_start_date

    from period_dates
    inner join day_numbers
        on period_dates.most_active_days >= day_numbers.day_number

),

stickiness as (

    select
        period_grid.period_granularity,
        period_grid.active_days,
        coalesce(active_day_counts.visitors, 0) as visitors,
        cast(sum(coalesce(active_day_counts.visitors, 0)) over (
            partition by
                period_grid.period_granularity, period_grid.period_start_date
            order by period_grid.active_days desc
            rows between unbounded preceding and current row
        ) as {{ dbt.type_bigint() }}) as visitors_at_least,
        period_grid.period_start_date

    from period_grid
    left join active_day_counts
        on
            period_grid.period_granularity
            = active_day_counts.period_granularity
            and period_grid.period_start_date
            = active_day_counts.period_start_date
            and period_grid.active_days = active_day_counts.active_days

)

select * from stickiness

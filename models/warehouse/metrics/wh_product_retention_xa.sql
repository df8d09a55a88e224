{#- Retention (docs/metrics.md). A cohort is the visitors first
    seen in a day, or in an ISO week; period N is the day
    cohort_start_date + N, or the week starting cohort_start_date + 7N. -#}
{%- set max_periods = [
    var('product_warehouse_retention_days'),
    var('product_warehouse_retention_weeks'),
] | max -%}

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

{# Days per period and the last period number shown. -#}
granularities as (

    select
        'day' as cohort_granularity,
        1 as period_days,
        {{ var('product_warehouse_retention_days') }} as last_period_number

    union all

    select
        'week' as cohort_granularity,
        7 as period_days,
        {{ var('product_warehouse_retention_weeks') }} as last_period_number

),

period_series as (

    {{ dbt.generate_series(max_periods + 1) }}

),

period_numbers as (

    select
        cast(generated_number as {{ dbt.type_int() }}) - 1 as period_number

    from period_series

),

event_range as (

    select
        min(activity_date) as first_date,
        max(activity_date) as last_date

    from visitor_days

),

cohort_members as (

    select
        visitor_days.visitor_id,
        granularities.cohort_granularity,
        granularities.period_days,
        granularities.last_period_number,
        case granularities.cohort_granularity
            when 'day' then visitor_days.first_seen_date
            else {{ product_warehouse.week_start(
                'visitor_days.first_seen_date') }}
        end as cohort_start_date

    from visitor_days
    cross join granularities
    where visitor_days.activity_date = visitor_days.first_seen_date

),

member_activity as (

    select distinct
        cohort_members.visitor_id,
        cohort_members.cohort_granularity,
        cohort_members.last_period_number,
        cast(
            {{ dbt.datediff(
                'cohort_members.cohort_start_date',
                "case cohort_members.cohort_granularity
                    when 'day' then visitor_days.activity_date
                    else " ~ product_warehouse.week_start(
                        'visitor_days.activity_date') ~ "
                end",
                'day') }}
            / cohort_members.period_days
            as {{ dbt.type_int() }}
        ) as period_number,
        cohort_members.cohort_start_date

    from cohort_members
    inner join visitor_days
        on cohort_members.visitor_id = visitor_days.visitor_id
    where visitor_days.is_active

),

period_counts as (

    select
        cohort_granularity,
        cohort_start_date,
        period_number,
        count(*) as retained_visitors

    from member_activity
    group by 1, 2, 3

),

{# Each member's last active period, capped at the last period shown:
    it returned on or after every period up to that one. -#}
member_last_periods as (

    select
        visitor_id,
        cohort_granularity,
        cohort_start_date,
        last_period_number,
        case
            when max(period_number) > last_period_number
                then last_period_number
            else max(period_number)
        end as last_active_period_number

    from member_activity
    group by 1, 2, 3, 4

),

last_period_counts as (

    select
        cohort_granularity,
        cohort_start_date,
        last_active_period_number,
        count(*) as visitors

    from member_last_periods
    group by 1, 2, 3

),

cohort_sizes as (

    select
        cohort_granularity,
        cohort_start_date,
        count(*) as cohort_size

    from cohort_members
    group by 1, 2

),

cohort_dates as (

    select distinct
        granularities.cohort_granularity,
        granularities.period_days,
        granularities.last_period_number,
        case granularities.cohort_granularity
            when 'day' then spine.date_day
            else {{ product_warehouse.week_start('spine.date_day') }}
        end as cohort_start_date

    from spine
    inner join event_range
        on
            spine.date_day >= event_range.first_date
            and spine.date_day <= event_range.last_date
    cross join granularities

),

cohort_grid as (

    select
        cohort_dates.cohort_granularity,
        period_numbers.period_number,
        cast({{ dbt.dateadd(
            'day',
            'period_numbers.period_number * cohort_dates.period_days'
            ~ ' + cohort_dates.period_days - 1',
            'cohort_dates.cohort_start_date') }} as date)
        <= event_range.last_date as is_complete,
        cohort_dates.cohort_start_date

    from cohort_dates
    inner join period_numbers
        on cohort_dates.last_period_number >= period_numbers.period_number
    cross join event_range

),

grid_counts as (

    select
        cohort_grid.cohort_granularity,
        cohort_grid.period_number,
        cohort_grid.is_complete,
        cohort_grid.cohort_start_date,
        coalesce(cohort_sizes.cohort_size, 0) as cohort_size,
        coalesce(period_counts.retained_visitors, 0) as active_visitors,
        sum(coalesce(last_period_counts.visitors, 0)) over (
            partition by
                cohort_grid.cohort_granularity, cohort_grid.cohort_start_date
            order by cohort_grid.period_number desc
            rows between unbounded preceding and current row
        ) as active_on_or_after_visitors

    from cohort_grid
    left join cohort_sizes
        on
            cohort_grid.cohort_granularity = cohort_sizes.cohort_granularity
            and cohort_grid.cohort_start_date = cohort_sizes.cohort_start_date
    left join period_counts
        on
            cohort_grid.cohort_granularity = period_counts.cohort_granularity
            and cohort_grid.cohort_start_date
            = period_counts.cohort_start_date
            and cohort_grid.period_number = period_counts.period_number
    left join last_period_counts
        on
            cohort_grid.cohort_granularity
            = last_period_counts.cohort_granularity
            and cohort_grid.cohort_start_date
            = last_period_counts.cohort_start_date
            and cohort_grid.period_number
            = last_period_counts.last_active_period_number

),

{# Period 0 is the whole cohort by construction, whatever the active
    event list. -#}
retention as (

    select
        cohort_granularity,
        period_number,
        cohort_size,
        case
            when period_number = 0 then cohort_size
            else active_visitors
        end as retained_visitors,
        cast(case
            when period_number = 0 then cohort_size
            else active_on_or_after_visitors
        end as {{ dbt.type_bigint() }}) as retained_on_or_after_visitors,
        is_complete,
        cohort_start_date

    from grid_counts

),

retention_rates as (

    select
        cohort_granularity,
        period_number,
        cohort_size,
        retained_visitors,
        retained_on_or_after_visitors,
        case
            when cohort_size > 0
                then
                    cast(
                        retained_visitors
                        as {{ product_warehouse.type_double() }}
                    )
                    / cohort_size
        end as retention_rate,
        case
            when cohort_size > 0
                then
                    cast(
                        retained_on_or_after_visitors
                        as {{ product_warehouse.type_double() }}
                    )
                    / cohort_size
        end as unbounded_retention_rate,
        is_complete,
        cohort_start_date

    from retention

)

select * from retention_rates

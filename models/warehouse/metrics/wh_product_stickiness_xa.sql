{#- Active days per visitor and ISO week or month. granularity: most
    active days a period can have. -#}
{%- set granularities = {'week': 7, 'month': 31} -%}

with

visitor_days as (

    select
        visitor_id,
        activity_date

    from {{ ref('int_product_visitor_days') }}
    where is_active

),

all_visitor_days as (

    select activity_date

    from {{ ref('int_product_visitor_days') }}

),

spine as (

    select date_day

    from {{ ref('int_product_date_spine') }}

),

day_series as (

    {{ dbt.generate_series(granularities.values() | max) }}

),

day_numbers as (

    select cast(generated_number as {{ dbt.type_int() }}) as day_number

    from day_series

),

event_range as (

    select
        min(activity_date) as first_date,
        max(activity_date) as last_date

    from all_visitor_days

),

visitor_periods as (

    {%- for granularity in granularities %}
    {%- if not loop.first %}

    union all
    {%- endif %}

    select
        visitor_id,
        '{{ granularity }}' as period_granularity,
        {%- if granularity == 'week' %}
        {{ product_warehouse.week_start('activity_date') }}
            as period_start_date
        {%- else %}
        cast({{ dbt.date_trunc('month', 'activity_date') }} as date)
            as period_start_date
        {%- endif %}

    from visitor_days
    {%- endfor %}

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

    {%- for granularity in granularities %}
    {%- if not loop.first %}

    union all
    {%- endif %}

    select distinct
        '{{ granularity }}' as period_granularity,
        {%- if granularity == 'week' %}
        {{ product_warehouse.week_start('spine.date_day') }}
            as period_start_date
        {%- else %}
        cast({{ dbt.date_trunc('month', 'spine.date_day') }} as date)
            as period_start_date
        {%- endif %}

    from spine
    inner join event_range
        on
            spine.date_day >= event_range.first_date
            and spine.date_day <= event_range.last_date
    {%- endfor %}

),

period_grid as (

    select
        period_dates.period_granularity,
        day_numbers.day_number as active_days,
        period_dates.period_start_date

    from period_dates
    cross join day_numbers
    where
        {%- for granularity, most_days in granularities.items() %}
        {{ 'or ' if not loop.first }}(
            period_dates.period_granularity = '{{ granularity }}'
            and day_numbers.day_number <= {{ most_days }}
        )
        {%- endfor %}

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

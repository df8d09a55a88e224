{#- Lifecycle states (README, "Product metrics"), per day, ISO week and
    month. granularity: (dateadd part, amount) from a period's start to
    the next one's. -#}
{%- set granularities = {
    'day': ('day', 1),
    'week': ('day', 7),
    'month': ('month', 1),
} -%}

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

event_range as (

    select
        min(activity_date) as first_date,
        max(activity_date) as last_date

    from visitor_days

),

visitor_periods as (

    {%- for granularity in granularities %}
    {%- if not loop.first %}

    union all
    {%- endif %}

    select distinct
        visitor_id,
        '{{ granularity }}' as period_granularity,
        {%- if granularity == 'day' %}
        activity_date as period_start_date,
        first_seen_date as first_seen_period_start_date
        {%- elif granularity == 'week' %}
        {{ product_warehouse.week_start('activity_date') }}
            as period_start_date,
        {{ product_warehouse.week_start('first_seen_date') }}
            as first_seen_period_start_date
        {%- else %}
        cast({{ dbt.date_trunc('month', 'activity_date') }} as date)
            as period_start_date,
        cast({{ dbt.date_trunc('month', 'first_seen_date') }} as date)
            as first_seen_period_start_date
        {%- endif %}

    from visitor_days
    where is_active
    {%- endfor %}

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
        case
            {%- for granularity, (datepart, amount) in granularities.items() %}
            when period_granularity = '{{ granularity }}'
                then cast({{ dbt.dateadd(
                    datepart, -amount, 'period_start_date') }} as date)
            {%- endfor %}
        end as previous_period_start_date,
        case
            {%- for granularity, (datepart, amount) in granularities.items() %}
            when period_granularity = '{{ granularity }}'
                then cast({{ dbt.dateadd(
                    datepart, amount, 'period_start_date') }} as date)
            {%- endfor %}
        end as next_period_start_date

    from visitor_periods

),

{#- A visitor active in a period is new (first seen in it), current
    (active in the previous period) or resurrected; one active in a
    period and not in the next is dormant in the next. -#}
visitor_states as (

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

    union all

    select
        period_granularity,
        'dormant' as lifecycle_state,
        next_period_start_date as period_start_date

    from visitor_periods_with_neighbours
    where
        next_active_period_start_date is null
        or next_active_period_start_date <> next_period_start_date

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

    {%- for granularity in granularities %}
    {%- if not loop.first %}

    union all
    {%- endif %}

    select distinct
        '{{ granularity }}' as period_granularity,
        {%- if granularity == 'day' %}
        spine.date_day as period_start_date
        {%- elif granularity == 'week' %}
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

lifecycle as (

    select
        period_dates.period_granularity,
        coalesce(state_counts.new_visitors, 0) as new_visitors,
        coalesce(state_counts.current_visitors, 0) as current_visitors,
        coalesce(
            state_counts.resurrected_visitors, 0
        ) as resurrected_visitors,
        coalesce(state_counts.dormant_visitors, 0) as dormant_visitors,
        period_dates.period_start_date

    from period_dates
    left join state_counts
        on
            period_dates.period_granularity = state_counts.period_granularity
            and period_dates.period_start_date
            = state_counts.period_start_date

)

select * from lifecycle

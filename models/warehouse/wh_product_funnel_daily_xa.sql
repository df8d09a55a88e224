{%- set funnels = product_warehouse.funnel_definitions() -%}

with

progress as (

    select
        funnel_name,
        entrant_id,
        counted_id,
        breakdown_value,
        step_number,
        entered_at

    from {{ ref('wh_product_funnel_progress_fact') }}

),

funnel_steps as (

    {{ product_warehouse.funnel_step_spine(funnels) }}

),

first_entries as (

    {#- A counted unit (session or visitor) counts once per step, on the
        first day it entered step 1 among its rows that reached that step. -#}
    select
        funnel_name,
        counted_id,
        step_number,
        cast({{ dbt.date_trunc('day', 'min(entered_at)') }} as date)
            as entry_date

    from progress
    group by 1, 2, 3

),

entry_dates as (

    select distinct
        funnel_name,
        entry_date

    from first_entries
    where step_number = 1

),

daily_counts as (

    select
        funnel_name,
        entry_date,
        step_number,
        count(*) as entrants

    from first_entries
    group by 1, 2, 3

),

daily_grid as (

    select
        funnel_steps.funnel_name,
        funnel_steps.step_name,
        funnel_steps.step_number,
        entry_dates.entry_date,
        coalesce(daily_counts.entrants, 0) as entrants

    from funnel_steps
    inner join entry_dates
        on funnel_steps.funnel_name = entry_dates.funnel_name
    left join daily_counts
        on
            funnel_steps.funnel_name = daily_counts.funnel_name
            and funnel_steps.step_number = daily_counts.step_number
            and entry_dates.entry_date = daily_counts.entry_date

),

daily_cumulative as (

    select
        *,
        sum(entrants) over (
            partition by funnel_name, step_number
            order by entry_date
            rows between unbounded preceding and current row
        ) as cumulative_entrants

    from daily_grid

),

daily_neighbours as (

    select
        *,
        max(case when step_number = 1 then entrants end) over (
            partition by funnel_name, entry_date
        ) as first_step_entrants,
        lag(entrants) over (
            partition by funnel_name, entry_date
            order by step_number
        ) as previous_step_entrants,
        max(case when step_number = 1 then cumulative_entrants end) over (
            partition by funnel_name, entry_date
        ) as first_step_cumulative_entrants,
        lag(cumulative_entrants) over (
            partition by funnel_name, entry_date
            order by step_number
        ) as previous_step_cumulative_entrants

    from daily_cumulative

),

daily_rates as (

    select
        funnel_name,
        step_name,
        step_number,
        entrants,
        {{ product_warehouse.funnel_rates(
            'entrants', 'previous_step_entrants', 'first_step_entrants') }},
        cumulative_entrants,
        {{ product_warehouse.funnel_rates(
            'cumulative_entrants',
            'previous_step_cumulative_entrants',
            'first_step_cumulative_entrants',
            'cumulative_') }},
        entry_date

    from daily_neighbours

)

select * from daily_rates

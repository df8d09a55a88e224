{%- set funnels = product_warehouse.funnel_definitions() -%}

with

progress as (

    select
        funnel_name,
        counted_id,
        breakdown_value,
        step_number,
        seconds_from_previous_step

    from {{ ref('wh_product_funnel_progress_fact') }}

),

funnel_steps as (

    {{ product_warehouse.funnel_step_spine(funnels) }}

),

entries as (

    select distinct
        funnel_name,
        breakdown_value

    from progress
    where step_number = 1

),

step_counts as (

    select
        funnel_name,
        breakdown_value,
        step_number,
        count(distinct counted_id) as entrants,
        {{ product_warehouse.median('seconds_from_previous_step') }}
            as median_seconds_from_previous,
        avg(seconds_from_previous_step) as avg_seconds_from_previous

    from progress
    group by 1, 2, 3

),

step_grid as (

    select
        funnel_steps.funnel_name,
        funnel_steps.step_name,
        entries.breakdown_value,
        funnel_steps.step_number,
        step_counts.median_seconds_from_previous,
        step_counts.avg_seconds_from_previous,
        coalesce(step_counts.entrants, 0) as entrants

    from funnel_steps
    inner join entries
        on funnel_steps.funnel_name = entries.funnel_name
    left join step_counts
        on
            funnel_steps.funnel_name = step_counts.funnel_name
            and funnel_steps.step_number = step_counts.step_number
            and coalesce(entries.breakdown_value, '')
            = coalesce(step_counts.breakdown_value, '')

),

step_neighbours as (

    select
        *,
        max(case when step_number = 1 then entrants end) over (
            partition by funnel_name, breakdown_value
        ) as first_step_entrants,
        lag(entrants) over (
            partition by funnel_name, breakdown_value
            order by step_number
        ) as previous_step_entrants

    from step_grid

),

step_rates as (

    select
        *,
        {{ product_warehouse.funnel_rates(
            'entrants', 'previous_step_entrants', 'first_step_entrants') }}

    from step_neighbours

),

step_ranked as (

    select
        *,
        case
            when step_number > 1
                then rank() over (
                    partition by
                        funnel_name,
                        breakdown_value,
                        case when step_number > 1 then 1 else 0 end
                    order by
                        drop_off_rate desc,
                        drop_off_count desc,
                        step_number asc
                )
        end as drop_off_rank

    from step_rates

)

select * from step_ranked

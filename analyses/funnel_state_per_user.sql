{#- For each funnel and visitor: the furthest step reached (over all the
    visitor's entries, sessions and breakdown values). -#}
with

progress as (

    select
        funnel_name,
        visitor_id,
        step_number,
        step_name

    from {{ ref('wh_product_funnel_progress_fact') }}

),

furthest as (

    select
        funnel_name,
        visitor_id,
        max(step_number) as furthest_step_number

    from progress
    group by 1, 2

),

furthest_named as (

    select distinct
        furthest.funnel_name,
        furthest.visitor_id,
        progress.step_name as furthest_step_name,
        furthest.furthest_step_number

    from furthest
    inner join progress
        on
            furthest.funnel_name = progress.funnel_name
            and furthest.visitor_id = progress.visitor_id
            and furthest.furthest_step_number = progress.step_number

)

select * from furthest_named

{#- Time from product view to cart and from cart to checkout, per
    session, through the public funnel macro (ad hoc, no var needed). -#}
with

steps as (

    select
        step_number,
        step_name,
        seconds_from_previous_step

    from (
        {{ product_warehouse.funnel(
            steps=['page_view', 'add_to_cart', 'checkout'],
            scope='session',
            name='view_cart_checkout',
        ) }}
    ) as funnel_steps

),

durations as (

    select
        step_number,
        step_name,
        count(*) as sessions,
        avg(seconds_from_previous_step) as avg_seconds_from_previous,
        min(seconds_from_previous_step) as min_seconds_from_previous,
        max(seconds_from_previous_step) as max_seconds_from_previous

    from steps
    where step_number > 1
    group by 1, 2

)

select * from durations

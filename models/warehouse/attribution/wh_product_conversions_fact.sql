{#- A derived fact (docs/incremental.md): a run rebuilds listed visitors'
    conversions whole. -#}
{{ config(**product_warehouse.visitor_replace_config(
    unique_key='conversion_id',
    derived_from=['wh_product_events_fact', 'wh_product_attribution_touches_fact'])) }}
-- depends_on: {{ ref('int_product_incremental_visitors') }}
-- depends_on: {{ ref('int_product_incremental_manifest') }}
-- depends_on: {{ ref('wh_product_events_fact') }}

with

conversions as (

    select
        conversion_id,
        event_id,
        visitor_id,
        user_id,
        session_id,
        conversion_name,
        conversion_value,
        occurred_at

    from {{ ref('int_product_conversions') }}
    where {{ product_warehouse.affected_visitors_filter() }}

),

touches as (

    select
        conversion_id,
        touch_count

    from {{ ref('wh_product_attribution_touches_fact') }}
    where
        touch_number = 1
        and {{ product_warehouse.affected_visitors_filter() }}

),

conversions_with_touches as (

    select
        conversions.conversion_id,
        conversions.event_id,
        conversions.visitor_id,
        conversions.user_id,
        conversions.session_id,
        conversions.conversion_name,
        conversions.conversion_value,
        touches.touch_count,
        cast(conversions.occurred_at as date) as conversion_date,
        conversions.occurred_at

    from conversions
    left join touches
        on conversions.conversion_id = touches.conversion_id

)

select * from conversions_with_touches

with

conversions as (

    select
        conversion_id,
        conversion_name,
        conversion_value

    from {{ ref('wh_product_conversions_fact') }}

),

touches as (

    select
        conversion_id,
        channel,
        touch_number,
        touch_count,
        seconds_before_conversion

    from {{ ref('wh_product_attribution_touches_fact') }}

),

conversion_paths as (

    select
        conversion_id,
        {{ product_warehouse.ordered_string_agg(
            'channel', "' > '", 'touch_number') }} as channel_path,
        max(touch_count) as touch_count,
        max(seconds_before_conversion) / 86400 as days_to_convert

    from touches
    group by 1

),

paths as (

    select
        conversions.conversion_name,
        conversion_paths.channel_path,
        count(*) as conversions,
        sum(conversions.conversion_value) as conversion_value,
        avg(
            cast(
                conversion_paths.touch_count
                as {{ product_warehouse.type_double() }}
            )
        ) as avg_touch_count,
        avg(conversion_paths.days_to_convert) as avg_days_to_convert

    from conversions
    inner join conversion_paths
        on conversions.conversion_id = conversion_paths.conversion_id
    group by 1, 2

)

select * from paths

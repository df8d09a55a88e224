{#- Revenue (attributed value) by channel under each attribution model,
    side by side; conversions are the linear model's (fractional). -#}
with

attributions as (

    select
        conversion_name,
        channel,
        attribution_model,
        attributed_conversions,
        attributed_value

    from {{ ref('wh_product_attributions_xa') }}

),

channel_values as (

    select
        conversion_name,
        channel,
        sum(
            case
                when attribution_model = 'first_touch' then attributed_value
                else 0
            end
        ) as first_touch,
        sum(
            case
                when attribution_model = 'last_touch' then attributed_value
                else 0
            end
        ) as last_touch,
        sum(
            case
                when attribution_model = 'last_non_direct' then attributed_value
                else 0
            end
        ) as last_non_direct,
        sum(
            case
                when attribution_model = 'linear' then attributed_value
                else 0
            end
        ) as linear,
        sum(
            case
                when attribution_model = 'position_based' then attributed_value
                else 0
            end
        ) as position_based,
        sum(
            case
                when attribution_model = 'time_decay' then attributed_value
                else 0
            end
        ) as time_decay,
        sum(
            case
                when attribution_model = 'linear' then attributed_conversions
                else 0
            end
        ) as conversions

    from attributions
    group by 1, 2

)

select * from channel_values
order by 1 asc, 9 desc, 2 asc

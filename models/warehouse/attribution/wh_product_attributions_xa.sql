{%- set attribution_models = ['first_touch', 'last_touch', 'last_non_direct',
                              'linear', 'position_based', 'time_decay'] -%}

with

conversions as (

    select
        conversion_id,
        conversion_value,
        conversion_date

    from {{ ref('wh_product_conversions_fact') }}

),

touches as (

    select
        conversion_id,
        conversion_name,
        channel,
        utm_source,
        utm_medium,
        utm_campaign,
        first_touch_credit,
        last_touch_credit,
        last_non_direct_credit,
        linear_credit,
        position_based_credit,
        time_decay_credit

    from {{ ref('wh_product_attribution_touches_fact') }}

),

{# One row per touch and attribution model that gives it credit. #}
touch_credits as (

    {% for attribution_model in attribution_models -%}
        select
            conversion_id,
            conversion_name,
            '{{ attribution_model }}' as attribution_model,
            channel,
            utm_source,
            utm_medium,
            utm_campaign,
            {{ attribution_model }}_credit as credit

        from touches
        where {{ attribution_model }}_credit > 0
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

credits_valued as (

    select
        conversions.conversion_date,
        touch_credits.conversion_name,
        touch_credits.attribution_model,
        touch_credits.channel,
        touch_credits.utm_source,
        touch_credits.utm_medium,
        touch_credits.utm_campaign,
        touch_credits.credit,
        touch_credits.credit * conversions.conversion_value as credited_value

    from touch_credits
    inner join conversions
        on touch_credits.conversion_id = conversions.conversion_id

),

attributions as (

    select
        conversion_date,
        conversion_name,
        attribution_model,
        channel,
        utm_source,
        utm_medium,
        utm_campaign,
        sum(credit) as attributed_conversions,
        sum(credited_value) as attributed_value

    from credits_valued
    group by 1, 2, 3, 4, 5, 6, 7

)

select * from attributions

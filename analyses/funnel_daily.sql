{#- The per-day funnel: each day's entrants and conversion, and the
    to-date figures, for every configured funnel. -#}
with

daily as (

    select
        funnel_name,
        step_name,
        step_number,
        entrants,
        conversion_rate_from_first,
        cumulative_entrants,
        cumulative_conversion_rate_from_first,
        entry_date

    from {{ ref('wh_product_funnel_daily_xa') }}

)

select * from daily
order by 1, 8, 3

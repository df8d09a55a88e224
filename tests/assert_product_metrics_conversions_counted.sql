{#- With conversions configured, wh_product_metrics_xa counts every
    conversion of wh_product_conversions_fact on its date, once, with its
    value: a row here is a date (or a conversion date the metrics miss)
    whose figures differ. -#}
{{ config(
    tags=['product_warehouse'],
    enabled=product_warehouse.conversion_definitions() | length > 0,
) }}

with

conversions_per_date as (

    select
        conversion_date as metric_date,
        count(*) as conversions,
        sum(conversion_value) as conversion_value

    from {{ ref('wh_product_conversions_fact') }}
    group by 1

),

metrics as (

    select
        metric_date,
        conversions,
        conversion_value

    from {{ ref('wh_product_metrics_xa') }}

),

compared as (

    select
        conversions_per_date.metric_date,
        conversions_per_date.conversions as expected_conversions,
        metrics.conversions,
        conversions_per_date.conversion_value as expected_value,
        metrics.conversion_value

    from conversions_per_date
    left join metrics
        on conversions_per_date.metric_date = metrics.metric_date

)

select * from compared
where
    conversions is null
    or conversions != expected_conversions
    or abs(conversion_value - expected_value) > 0.000001

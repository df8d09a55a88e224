{#- wh_product_metrics_xa has one row per date from the first event's to
    the last: a row here means the date spine misses event dates (widen
    product_warehouse_spine_start_date / product_warehouse_spine_end_date). -#}
{{ config(tags=['product_warehouse']) }}

with

event_range as (

    select
        min(activity_date) as first_date,
        max(activity_date) as last_date

    from {{ ref('int_product_visitor_days') }}

),

metric_dates as (

    select count(*) as metric_date_count

    from {{ ref('wh_product_metrics_xa') }}

),

uncovered as (

    select
        event_range.first_date,
        event_range.last_date,
        metric_dates.metric_date_count

    from event_range
    cross join metric_dates
    where
        event_range.first_date is not null
        and metric_dates.metric_date_count
        <> {{ dbt.datediff(
            'event_range.first_date', 'event_range.last_date', 'day') }} + 1

)

select * from uncovered

{#- wh_product_metrics_xa has one row per date from the first activity
    date to the last (within product_warehouse_spine_start_date /
    _end_date when set): a row here means metric dates are missing. -#}
{{ config(tags=['product_warehouse']) }}
{%- set start_date = var('product_warehouse_spine_start_date') -%}
{%- set end_date = var('product_warehouse_spine_end_date') -%}

with

visitor_days as (

    select activity_date

    from {{ ref('int_product_visitor_days') }}
    where
        1 = 1
    {%- if start_date is not none %}
        and activity_date >= cast({{
            product_warehouse.string_literal(start_date | string) }} as date)
        {%- endif %}
    {%- if end_date is not none %}
        and activity_date <= cast({{
            product_warehouse.string_literal(end_date | string) }} as date)
        {%- endif %}

),

event_range as (

    select
        min(activity_date) as first_date,
        max(activity_date) as last_date

    from visitor_days

),

metric_dates as (

    select
        count(*) as metric_date_count,
        min(metric_date) as first_metric_date,
        max(metric_date) as last_metric_date

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
        and (
            metric_dates.metric_date_count
            <> {{ dbt.datediff(
                'event_range.first_date', 'event_range.last_date', 'day') }}
            + 1
            or metric_dates.first_metric_date <> event_range.first_date
            or metric_dates.last_metric_date <> event_range.last_date
        )

)

select * from uncovered

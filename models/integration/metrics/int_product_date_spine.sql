{#- Every date from the data's first activity date to its last, so the
    metrics models cover any history with no var to set, and a run that
    brings later dates extends it. The day offsets are a fixed series
    (2^17 days, 358 years) filtered to the range, so the SQL is known at
    compile time. product_warehouse_spine_start_date / _end_date, when
    set, narrow the range. -#}
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

data_range as (

    select
        min(activity_date) as first_date,
        max(activity_date) as last_date

    from visitor_days

),

day_series as (

    {{ dbt.generate_series(131072) }}

),

day_offsets as (

    select cast(generated_number as {{ dbt.type_int() }}) - 1 as day_offset

    from day_series

),

dates as (

    select
        cast({{ dbt.dateadd(
            'day', 'day_offsets.day_offset', 'data_range.first_date'
        ) }} as date) as date_day

    from data_range
    inner join day_offsets
        on
            day_offsets.day_offset
            <= {{ dbt.datediff(
                'data_range.first_date', 'data_range.last_date', 'day') }}

)

select * from dates

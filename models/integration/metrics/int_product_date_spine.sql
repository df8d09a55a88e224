{#- Every date from product_warehouse_spine_start_date to
    product_warehouse_spine_end_date. The day count is worked out here in
    Jinja and handed to dbt.generate_series: dbt.date_spine would ask the
    warehouse for it, which an offline compile cannot. -#}
{%- set start_date = var('product_warehouse_spine_start_date') | string -%}
{%- set end_date = var('product_warehouse_spine_end_date') | string -%}
{%- set parse = modules.datetime.datetime.strptime -%}
{%- set day_count = (parse(end_date, '%Y-%m-%d')
    - parse(start_date, '%Y-%m-%d')).days + 1 -%}

with

day_numbers as (

    {{ dbt.generate_series(day_count) }}

),

dates as (

    select
        cast({{ dbt.dateadd(
            'day',
            'cast(generated_number as ' ~ dbt.type_int() ~ ') - 1',
            "cast(" ~ product_warehouse.string_literal(start_date) ~ " as date)"
        ) }} as date) as date_day

    from day_numbers

)

select * from dates

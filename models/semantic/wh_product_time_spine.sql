{#- The semantic layer's time spine (one row per day); turn it off with
    product_warehouse_enable_time_spine for a project that has its own. -#}
{{ config(enabled=var('product_warehouse_enable_time_spine')) }}

with

spine as (

    select date_day

    from {{ ref('int_product_date_spine') }}

)

select * from spine

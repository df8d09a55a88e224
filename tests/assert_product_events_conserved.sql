{#- The failure count dbt reports is the number of rows missing (or
    invented) in all: "Got 3 results" means three raw rows are neither in
    the events fact nor rejections, e.g. rows that landed with a
    received_at older than the incremental lookback (docs/incremental.md:
    repair them with product_warehouse_backfill_start). -#}
{{ config(
    tags=['product_warehouse'],
    fail_calc='coalesce(sum(abs(missing_row_count)), 0)'
) }}

{#- Every raw track/page (or custom) row is in the events fact or is a
    rejection, exactly once: raw rows = fact rows + rejected rows, per
    source table. A row returned here names the table and how many rows
    went missing (positive) or were invented (negative). -#}

with

raw_rows as (

    select
        source_table,
        count(*) as raw_row_count

    from {{ ref('int_product_records_staged') }}
    where
        record_type in (
            {{ product_warehouse.string_list(
                product_warehouse.event_record_types()) }}
        )
    group by 1

),

fact_rows as (

    select
        source_table,
        count(*) as fact_row_count

    from {{ ref('wh_product_events_fact') }}
    group by 1

),

rejected_rows as (

    select
        source_table,
        count(*) as rejected_row_count

    from {{ ref('wh_product_event_rejections') }}
    where
        record_type in (
            {{ product_warehouse.string_list(
                product_warehouse.event_record_types()) }}
        )
    group by 1

),

balance as (

    select
        raw_rows.source_table,
        raw_rows.raw_row_count,
        coalesce(fact_rows.fact_row_count, 0) as fact_row_count,
        coalesce(rejected_rows.rejected_row_count, 0) as rejected_row_count,
        raw_rows.raw_row_count
        - coalesce(fact_rows.fact_row_count, 0)
        - coalesce(rejected_rows.rejected_row_count, 0) as missing_row_count

    from raw_rows
    left join fact_rows
        on raw_rows.source_table = fact_rows.source_table
    left join rejected_rows
        on raw_rows.source_table = rejected_rows.source_table

)

select * from balance
where missing_row_count != 0

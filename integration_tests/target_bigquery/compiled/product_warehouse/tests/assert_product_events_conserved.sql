with

raw_rows as (

    select
        source_table,
        count(*) as raw_row_count
    from `offline-project`.`main`.`stg_product_segment__tracks`
    group by source_table
    union all
    select
        source_table,
        count(*) as raw_row_count
    from `offline-project`.`main`.`stg_product_segment__pages`
    group by source_table
    

),

fact_rows as (

    select
        source_table,
        count(*) as fact_row_count

    from `offline-project`.`main`.`wh_product_events_fact`
    group by source_table

),

rejected_rows as (

    select
        source_table,
        count(*) as rejected_row_count

    from `offline-project`.`main`.`wh_product_event_rejections`
    where record_type in ('track', 'page', 'custom')
    group by source_table

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
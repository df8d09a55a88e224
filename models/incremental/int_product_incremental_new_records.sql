{#-
    The new records (docs/incremental.md), whole: record_key and every
    staged column of each staged record received at or after the cutoff
    or with a null received_at, whatever its validity; every one when the
    cutoff is null. The run's one read of the raw records. Empty on a full
    build.
-#}
with

run as (

    select
        cutoff_at,
        is_incremental_run

    from {{ ref('int_product_incremental_run') }}

),

new_records as (

    select
        {{ product_warehouse.record_key(
            'records.source_table', 'records.event_id') }} as record_key,
        {{ product_warehouse.record_columns('records') | join(',\n        ') }}

    from {{ ref('int_product_records_staged') }} as records
    cross join run
    where
        run.is_incremental_run
        and (
            run.cutoff_at is null
            or records.received_at is null
            or records.received_at >= run.cutoff_at
        )

)

select * from new_records

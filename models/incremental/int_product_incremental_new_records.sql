{#-
    The records new in this run (README, "Incremental runs"; ADR 0009,
    ADR 0012), whole (record_key and every staged column): every staged
    record, whatever its validity, received at or after the run's cutoff
    (int_product_incremental_run) or with a null received_at; every
    staged record when the cutoff is null. A run's one read of the raw
    records: the other run-layer models, and the identified records,
    find what came before in the stored identified records, which hold
    every record received before the cutoff. Empty when no model will
    run incrementally (--full-refresh, or none of them built yet).
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

{#- A view of the identified records' rejections: nothing to rebuild or
    to keep in step on an incremental run. -#}
{{ config(materialized='view') }}

with

records as (

    select
        source_table,
        record_type,
        event_id,
        anonymous_id,
        user_id,
        rejection_reason,
        copy_number,
        occurred_at,
        received_at

    from {{ ref('int_product_records_identified') }}
    where rejection_reason is not null

),

rejections as (

    select
        {{ product_warehouse.generate_surrogate_key([
            'source_table', 'event_id', 'rejection_reason', 'copy_number'
        ]) }} as rejection_id,
        source_table,
        record_type,
        event_id as raw_id,
        anonymous_id,
        user_id,
        rejection_reason as reason,
        occurred_at,
        received_at

    from records

)

select * from rejections

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

    from `offline-project`.`main`.`int_product_records_validated`
    where rejection_reason is not null

),

rejections as (

    select
        to_hex(md5(cast(coalesce(cast(source_table as string), '_null_') || '-' || coalesce(cast(event_id as string), '_null_') || '-' || coalesce(cast(rejection_reason as string), '_null_') || '-' || coalesce(cast(copy_number as string), '_null_') as string))) as rejection_id,
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
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

    from "offline"."main"."int_product_records_validated"
    where rejection_reason is not null

),

rejections as (

    select
        md5(cast(coalesce(cast(source_table as TEXT), '_null_') || '-' || coalesce(cast(event_id as TEXT), '_null_') || '-' || coalesce(cast(rejection_reason as TEXT), '_null_') || '-' || coalesce(cast(copy_number as TEXT), '_null_') as TEXT)) as rejection_id,
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
with

records as (

    select * from offline.main.stg_product_segment__tracks
    union all
    select * from offline.main.stg_product_segment__pages
    union all
    select * from offline.main.stg_product_segment__identifies
    

),

records_checked as (

    select
        *,
        case
            when event_id is null then 'missing_id'
            when occurred_at is null then 'missing_timestamp'
            when anonymous_id is null and user_id is null
                then 'missing_identity'
        end as invalid_reason

    from records

),records_ranked as (

    select
        *,
        row_number() over (
            partition by source_table, event_id, invalid_reason
            order by
                case when received_at is null then 1 else 0 end,
                received_at,
                occurred_at,
                coalesce(anonymous_id, ''),
                coalesce(user_id, ''),
                coalesce(event_name, '')
        ) as copy_number

    from records_checked

),

records_validated as (

    select
        *,
        coalesce(
            invalid_reason,
            case when copy_number > 1 then 'duplicate' end
        ) as rejection_reason

    from records_ranked

)

select * from records_validated
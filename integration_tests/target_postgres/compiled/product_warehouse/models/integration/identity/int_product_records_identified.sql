with

records as (

    select *

    from "offline"."main"."int_product_records_validated"
    where rejection_reason is null

),

identity_map as (

    select
        anonymous_id,
        mapped_user_id

    from "offline"."main"."int_product_identity_map"

),

records_identified as (

    select
        records.*,
        coalesce(
            records.user_id, identity_map.mapped_user_id
        ) as resolved_user_id,
        coalesce(
            records.user_id,
            identity_map.mapped_user_id,
            records.anonymous_id
        ) as visitor_id

    from records
    left join identity_map
        on records.anonymous_id = identity_map.anonymous_id

)

select * from records_identified
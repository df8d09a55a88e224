with

records as (

    select
        event_id,
        anonymous_id,
        user_id,
        occurred_at

    from `offline-project`.`main`.`int_product_records_validated`
    where
        rejection_reason is null
        and anonymous_id is not null
        and user_id is not null

),

records_ranked as (

    select
        *,
        row_number() over (
            partition by anonymous_id
            order by occurred_at desc, event_id desc
        ) as link_rank

    from records

),

identity_map as (

    select
        anonymous_id,
        user_id as mapped_user_id,
        event_id as mapped_by_event_id,
        occurred_at as mapped_at

    from records_ranked
    where link_rank = 1

)

select * from identity_map
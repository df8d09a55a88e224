with

records as (

    select
        event_id,
        anonymous_id,
        user_id,
        occurred_at

    from {{ ref('int_product_records_validated') }}
    where rejection_reason is null

),

{{ product_warehouse.identity_map_ctes('records') }}

select * from identity_map

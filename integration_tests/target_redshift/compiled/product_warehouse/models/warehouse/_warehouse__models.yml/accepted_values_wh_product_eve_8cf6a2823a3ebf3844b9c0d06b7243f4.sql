
    
    

with all_values as (

    select
        reason as value_field,
        count(*) as n_records

    from "offline"."main"."wh_product_event_rejections"
    group by reason

)

select *
from all_values
where value_field not in (
    'missing_id','missing_timestamp','missing_identity','duplicate'
)



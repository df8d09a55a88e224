
    
    

with all_values as (

    select
        rejection_reason as value_field,
        count(*) as n_records

    from "offline"."main"."int_product_records_validated"
    group by rejection_reason

)

select *
from all_values
where value_field not in (
    'missing_id','missing_timestamp','missing_identity','duplicate'
)



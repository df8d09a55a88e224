
    
    

select
    anonymous_id as unique_field,
    count(*) as n_records

from "offline"."main"."int_product_identity_map"
where anonymous_id is not null
group by anonymous_id
having count(*) > 1



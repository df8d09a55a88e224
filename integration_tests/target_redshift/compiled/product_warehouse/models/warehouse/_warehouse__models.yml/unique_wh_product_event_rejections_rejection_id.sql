
    
    

select
    rejection_id as unique_field,
    count(*) as n_records

from "offline"."main"."wh_product_event_rejections"
where rejection_id is not null
group by rejection_id
having count(*) > 1



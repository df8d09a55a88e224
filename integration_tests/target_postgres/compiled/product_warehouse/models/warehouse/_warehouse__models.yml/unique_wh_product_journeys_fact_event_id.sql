
    
    

select
    event_id as unique_field,
    count(*) as n_records

from "offline"."main"."wh_product_journeys_fact"
where event_id is not null
group by event_id
having count(*) > 1



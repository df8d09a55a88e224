
    
    



select visitor_id
from "offline"."main"."wh_product_events_fact"
where visitor_id is null



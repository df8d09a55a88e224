
    
    



select visitor_id
from "offline"."main"."int_product_events_sessionized"
where visitor_id is null




    
    



select event_id
from "offline"."main"."int_product_events_sessionized"
where event_id is null



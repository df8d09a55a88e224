
    
    



select session_id
from "offline"."main"."int_product_events_sessionized"
where session_id is null




    
    



select session_id
from "offline"."main"."wh_product_events_fact"
where session_id is null



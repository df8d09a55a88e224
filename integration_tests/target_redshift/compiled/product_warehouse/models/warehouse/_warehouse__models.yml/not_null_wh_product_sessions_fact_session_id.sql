
    
    



select session_id
from "offline"."main"."wh_product_sessions_fact"
where session_id is null



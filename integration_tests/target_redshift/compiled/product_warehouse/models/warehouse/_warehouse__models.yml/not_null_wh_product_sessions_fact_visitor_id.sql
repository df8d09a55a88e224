
    
    



select visitor_id
from "offline"."main"."wh_product_sessions_fact"
where visitor_id is null



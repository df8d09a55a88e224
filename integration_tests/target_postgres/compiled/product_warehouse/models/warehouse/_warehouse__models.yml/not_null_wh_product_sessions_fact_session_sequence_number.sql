
    
    



select session_sequence_number
from "offline"."main"."wh_product_sessions_fact"
where session_sequence_number is null



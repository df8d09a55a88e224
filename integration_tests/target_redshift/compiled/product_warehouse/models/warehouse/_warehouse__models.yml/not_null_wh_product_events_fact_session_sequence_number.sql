
    
    



select session_sequence_number
from "offline"."main"."wh_product_events_fact"
where session_sequence_number is null



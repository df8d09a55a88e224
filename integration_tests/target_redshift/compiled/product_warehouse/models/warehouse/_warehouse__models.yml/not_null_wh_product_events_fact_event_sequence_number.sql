
    
    



select event_sequence_number
from "offline"."main"."wh_product_events_fact"
where event_sequence_number is null




    
    



select event_id
from "offline"."main"."wh_product_journeys_fact"
where event_id is null




    
    



select rejection_id
from "offline"."main"."wh_product_event_rejections"
where rejection_id is null



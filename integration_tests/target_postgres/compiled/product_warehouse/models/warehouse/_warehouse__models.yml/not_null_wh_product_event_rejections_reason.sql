
    
    



select reason
from "offline"."main"."wh_product_event_rejections"
where reason is null



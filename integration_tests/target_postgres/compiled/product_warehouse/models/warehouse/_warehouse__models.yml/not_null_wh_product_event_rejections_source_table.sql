
    
    



select source_table
from "offline"."main"."wh_product_event_rejections"
where source_table is null



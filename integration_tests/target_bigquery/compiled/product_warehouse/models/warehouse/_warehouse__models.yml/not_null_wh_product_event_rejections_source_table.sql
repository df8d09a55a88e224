
    
    



select source_table
from `offline-project`.`main`.`wh_product_event_rejections`
where source_table is null




    
    



select rejection_id
from `offline-project`.`main`.`wh_product_event_rejections`
where rejection_id is null



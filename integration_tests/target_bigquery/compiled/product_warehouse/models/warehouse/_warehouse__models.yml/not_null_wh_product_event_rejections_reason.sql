
    
    



select reason
from `offline-project`.`main`.`wh_product_event_rejections`
where reason is null



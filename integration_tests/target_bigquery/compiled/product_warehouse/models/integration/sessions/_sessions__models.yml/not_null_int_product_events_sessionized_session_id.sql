
    
    



select session_id
from `offline-project`.`main`.`int_product_events_sessionized`
where session_id is null




    
    



select session_id
from `offline-project`.`main`.`wh_product_events_fact`
where session_id is null



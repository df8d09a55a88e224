
    
    



select event_id
from `offline-project`.`main`.`wh_product_events_fact`
where event_id is null



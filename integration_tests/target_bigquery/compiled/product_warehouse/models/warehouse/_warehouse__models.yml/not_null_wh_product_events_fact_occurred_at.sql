
    
    



select occurred_at
from `offline-project`.`main`.`wh_product_events_fact`
where occurred_at is null



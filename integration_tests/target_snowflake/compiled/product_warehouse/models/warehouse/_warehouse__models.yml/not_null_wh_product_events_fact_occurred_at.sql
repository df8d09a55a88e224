
    
    



select occurred_at
from offline.main.wh_product_events_fact
where occurred_at is null



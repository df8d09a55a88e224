
    
    



select event_id
from `offline-project`.`main`.`wh_product_journeys_fact`
where event_id is null



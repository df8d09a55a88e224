
    
    



select visitor_id
from `offline-project`.`main`.`wh_product_sessions_fact`
where visitor_id is null




    
    



select visitor_id
from `offline-project`.`main`.`wh_product_users_dim`
where visitor_id is null



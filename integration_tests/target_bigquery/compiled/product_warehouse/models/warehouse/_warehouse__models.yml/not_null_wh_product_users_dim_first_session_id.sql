
    
    



select first_session_id
from `offline-project`.`main`.`wh_product_users_dim`
where first_session_id is null



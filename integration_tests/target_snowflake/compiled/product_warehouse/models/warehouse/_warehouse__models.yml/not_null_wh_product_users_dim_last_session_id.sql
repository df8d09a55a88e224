
    
    



select last_session_id
from offline.main.wh_product_users_dim
where last_session_id is null



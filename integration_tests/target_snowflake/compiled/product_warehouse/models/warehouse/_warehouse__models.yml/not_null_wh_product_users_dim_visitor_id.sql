
    
    



select visitor_id
from offline.main.wh_product_users_dim
where visitor_id is null



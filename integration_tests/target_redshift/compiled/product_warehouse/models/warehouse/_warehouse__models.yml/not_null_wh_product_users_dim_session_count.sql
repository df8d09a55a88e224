
    
    



select session_count
from "offline"."main"."wh_product_users_dim"
where session_count is null




    
    



select visitor_id
from "offline"."main"."int_product_user_traits"
where visitor_id is null



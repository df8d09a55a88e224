
    
    



select anonymous_id
from "offline"."main"."int_product_identity_map"
where anonymous_id is null




    
    



select record_type
from "offline"."main"."stg_product_segment__identifies"
where record_type is null



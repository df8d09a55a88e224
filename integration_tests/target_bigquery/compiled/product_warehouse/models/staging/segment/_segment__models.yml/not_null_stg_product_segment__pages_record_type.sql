
    
    



select record_type
from `offline-project`.`main`.`stg_product_segment__pages`
where record_type is null



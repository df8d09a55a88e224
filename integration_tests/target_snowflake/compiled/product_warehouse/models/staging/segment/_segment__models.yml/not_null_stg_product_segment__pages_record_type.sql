
    
    



select record_type
from offline.main.stg_product_segment__pages
where record_type is null



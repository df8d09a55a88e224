
    
    



select record_type
from offline.main.stg_product_segment__tracks
where record_type is null



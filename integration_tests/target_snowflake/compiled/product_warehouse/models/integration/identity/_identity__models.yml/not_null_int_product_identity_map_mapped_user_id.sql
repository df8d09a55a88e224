
    
    



select mapped_user_id
from offline.main.int_product_identity_map
where mapped_user_id is null



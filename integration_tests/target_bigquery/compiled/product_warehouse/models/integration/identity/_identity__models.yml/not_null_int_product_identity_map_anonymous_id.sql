
    
    



select anonymous_id
from `offline-project`.`main`.`int_product_identity_map`
where anonymous_id is null



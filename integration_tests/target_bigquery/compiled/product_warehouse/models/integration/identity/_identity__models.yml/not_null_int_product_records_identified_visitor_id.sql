
    
    



select visitor_id
from `offline-project`.`main`.`int_product_records_identified`
where visitor_id is null




    
    



select source_table
from `offline-project`.`main`.`stg_product_segment__identifies`
where source_table is null



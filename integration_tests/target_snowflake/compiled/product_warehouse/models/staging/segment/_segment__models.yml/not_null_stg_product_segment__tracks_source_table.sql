
    
    



select source_table
from offline.main.stg_product_segment__tracks
where source_table is null



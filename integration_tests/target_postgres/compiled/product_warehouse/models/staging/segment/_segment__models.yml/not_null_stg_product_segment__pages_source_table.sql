
    
    



select source_table
from "offline"."main"."stg_product_segment__pages"
where source_table is null



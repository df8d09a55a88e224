
    
    



select source_table
from "offline"."main"."int_product_records_identified"
where source_table is null



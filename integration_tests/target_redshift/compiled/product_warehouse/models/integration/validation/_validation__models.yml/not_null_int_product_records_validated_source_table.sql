
    
    



select source_table
from "offline"."main"."int_product_records_validated"
where source_table is null



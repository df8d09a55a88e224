
    
    



select source_table
from offline.main.wh_product_events_fact
where source_table is null



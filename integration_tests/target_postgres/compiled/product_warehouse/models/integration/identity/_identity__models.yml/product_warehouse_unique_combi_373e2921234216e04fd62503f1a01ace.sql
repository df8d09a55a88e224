

select
    source_table, event_id,
    count(*) as duplicate_count
from "offline"."main"."int_product_records_identified"
group by source_table, event_id
having count(*) > 1

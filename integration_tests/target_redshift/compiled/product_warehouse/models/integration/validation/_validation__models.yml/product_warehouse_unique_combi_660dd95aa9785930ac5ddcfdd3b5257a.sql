

select
    source_table, event_id, invalid_reason, copy_number,
    count(*) as duplicate_count
from "offline"."main"."int_product_records_validated"
group by source_table, event_id, invalid_reason, copy_number
having count(*) > 1



select
    visitor_id, session_sequence_number,
    count(*) as duplicate_count
from "offline"."main"."wh_product_sessions_fact"
group by visitor_id, session_sequence_number
having count(*) > 1



select *
from "offline"."main"."wh_product_events_fact"
where
    not coalesce(event_sequence_number >= 1 and session_sequence_number >= 1, false)

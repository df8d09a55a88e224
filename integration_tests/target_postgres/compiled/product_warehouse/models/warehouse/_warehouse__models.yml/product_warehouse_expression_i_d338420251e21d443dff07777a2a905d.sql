

select *
from "offline"."main"."wh_product_events_fact"
where
    (seconds_since_previous_event is not null) and
    not coalesce(seconds_since_previous_event >= 0, false)



select *
from "offline"."main"."wh_product_sessions_fact"
where
    (next_session_start_at is not null) and
    not coalesce(next_session_start_at > session_end_at, false)

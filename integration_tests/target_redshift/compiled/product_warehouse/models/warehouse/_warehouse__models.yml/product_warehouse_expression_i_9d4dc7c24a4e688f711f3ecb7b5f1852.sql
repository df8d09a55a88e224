

select *
from "offline"."main"."wh_product_sessions_fact"
where
    not coalesce(session_end_at >= session_start_at and session_duration_seconds >= 0 and event_count >= page_view_count and event_count >= 1, false)

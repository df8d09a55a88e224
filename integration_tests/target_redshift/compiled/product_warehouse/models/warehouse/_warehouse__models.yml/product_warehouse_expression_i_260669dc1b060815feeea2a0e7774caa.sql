

select *
from "offline"."main"."wh_product_users_dim"
where
    not coalesce(last_seen_at >= first_seen_at and event_count >= session_count, false)

select
    event_id,
    session_id,
    user_id,
    cast(null as TEXT) as anonymous_id,
    page_url,
    created_at as occurred_at,
    event_type as event_name,
    case when event_type = 'page_view' then 'page' else 'track' end as event_type,
    order_id,
    product_id
from "offline"."custom"."app_events"
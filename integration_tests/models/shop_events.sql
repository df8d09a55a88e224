{#- The shop case: an app's events table renamed to the canonical columns
    (the three-line model of README, "Your own event table"). -#}
select
    event_id,
    session_id,
    user_id,
    cast(null as {{ dbt.type_string() }}) as anonymous_id,
    page_url,
    order_id,
    product_id,
    created_at as occurred_at,
    event_type as event_name,
    case when event_type = 'page_view' then 'page' else 'track' end as event_type
from {{ ref('input__shop__app_events') }}

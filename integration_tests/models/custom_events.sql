{#- The custom-events case: an app's own events table renamed to the
    package's canonical columns (README, "Your own event table"). -#}
select
    event_id,
    session_id,
    user_id,
    cast(null as {{ dbt.type_string() }}) as anonymous_id,
    page_url,
    created_at as occurred_at,
    event_type as event_name,
    case when event_type = 'page_view' then 'page' else 'track' end as event_type,
    order_id,
    product_id
from {{ ref('input__custom__app_events') }}

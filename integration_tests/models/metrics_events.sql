{#- The metrics case: a small app events table over the Feb 29 / Mar 1
    and Sunday / Monday boundaries, renamed to the canonical columns. -#}
select
    event_id,
    session_id,
    user_id,
    cast(null as {{ dbt.type_string() }}) as anonymous_id,
    cast(null as {{ dbt.type_string() }}) as page_url,
    cast(null as {{ dbt.type_string() }}) as order_id,
    cast(null as {{ dbt.type_string() }}) as product_id,
    created_at as occurred_at,
    event_type as event_name,
    case when event_type = 'page_view' then 'page' else 'track' end as event_type
from {{ ref('input__metrics__app_events') }}

{#- The attribution case: an app's events with campaign columns and
    revenue, renamed to the canonical columns. -#}
select
    event_id,
    user_id,
    cast(null as {{ dbt.type_string() }}) as anonymous_id,
    page_url,
    referrer,
    utm_source,
    utm_medium,
    utm_campaign,
    revenue,
    created_at as occurred_at,
    event_type as event_name,
    case when event_type = 'page_view' then 'page' else 'track' end as event_type
from {{ ref('input__attribution__app_events') }}

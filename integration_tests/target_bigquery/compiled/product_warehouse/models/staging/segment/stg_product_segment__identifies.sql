



select
    'identifies' as source_table,
    'identify' as record_type,
    nullif(cast(id as string), '') as event_id,
    nullif(cast(anonymous_id as string), '') as anonymous_id,
    nullif(cast(user_id as string), '') as user_id,
    cast(null as string) as source_session_id,
    cast(null as string) as event_name,
    cast(null as string) as event_type,
    cast(null as string) as page_url,
    cast(null as string) as page_path,
    cast(null as string) as referrer,
    cast(null as string) as utm_source,
    cast(null as string) as utm_medium,
    cast(null as string) as utm_campaign,
    cast(null as string) as product_id,
    cast(null as string) as order_id,
    cast(null as float64) as revenue,
    cast(timestamp as timestamp) as occurred_at,
    cast(received_at as timestamp) as received_at,
    cast(email as string) as trait_email,
    cast(plan as string) as trait_plan

from `offline-project`.`segment`.`identifies`




select
    'pages' as source_table,
    'page' as record_type,
    nullif(cast(id as string), '') as event_id,
    nullif(cast(anonymous_id as string), '') as anonymous_id,
    nullif(cast(user_id as string), '') as user_id,
    nullif(cast(context_session_id as string), '') as source_session_id,
    'page_view' as event_name,
    'page' as event_type,
    cast(url as string) as page_url,
    cast(path as string) as page_path,
    cast(referrer as string) as referrer,
    cast(context_campaign_source as string) as utm_source,
    cast(context_campaign_medium as string) as utm_medium,
    cast(context_campaign_name as string) as utm_campaign,
    cast(product_id as string) as product_id,
    cast(order_id as string) as order_id,
    cast(revenue as float64) as revenue,
    cast(timestamp as timestamp) as occurred_at,
    cast(received_at as timestamp) as received_at,
    cast(null as string) as trait_email,
    cast(null as string) as trait_plan

from `offline-project`.`segment`.`pages`
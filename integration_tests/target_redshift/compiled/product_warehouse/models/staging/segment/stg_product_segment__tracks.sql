



select
    'tracks' as source_table,
    'track' as record_type,
    nullif(cast(id as TEXT), '') as event_id,
    nullif(cast(anonymous_id as TEXT), '') as anonymous_id,
    nullif(cast(user_id as TEXT), '') as user_id,
    nullif(cast(context_session_id as TEXT), '') as source_session_id,
    cast(event as TEXT) as event_name,
    'track' as event_type,
    cast(context_page_url as TEXT) as page_url,
    cast(context_page_path as TEXT) as page_path,
    cast(context_page_referrer as TEXT) as referrer,
    cast(context_campaign_source as TEXT) as utm_source,
    cast(context_campaign_medium as TEXT) as utm_medium,
    cast(context_campaign_name as TEXT) as utm_campaign,
    cast(product_id as TEXT) as product_id,
    cast(order_id as TEXT) as order_id,
    cast(revenue as double precision) as revenue,
    cast((timestamp) at time zone 'UTC' as timestamp) as occurred_at,
    cast((received_at) at time zone 'UTC' as timestamp) as received_at,
    cast(null as TEXT) as trait_email,
    cast(null as TEXT) as trait_plan

from "offline"."segment"."tracks"




select
    'identifies' as source_table,
    'identify' as record_type,
    nullif(cast(id as TEXT), '') as event_id,
    nullif(cast(anonymous_id as TEXT), '') as anonymous_id,
    nullif(cast(user_id as TEXT), '') as user_id,
    cast(null as TEXT) as source_session_id,
    cast(null as TEXT) as event_name,
    cast(null as TEXT) as event_type,
    cast(null as TEXT) as page_url,
    cast(null as TEXT) as page_path,
    cast(null as TEXT) as referrer,
    cast(null as TEXT) as utm_source,
    cast(null as TEXT) as utm_medium,
    cast(null as TEXT) as utm_campaign,
    cast(null as TEXT) as product_id,
    cast(null as TEXT) as order_id,
    cast(null as double precision) as revenue,
    cast(convert_timezone('UTC', timestamp) as timestamp_ntz) as occurred_at,
    cast(convert_timezone('UTC', received_at) as timestamp_ntz) as received_at,
    cast(email as TEXT) as trait_email,
    cast(plan as TEXT) as trait_plan

from offline.segment.identifies
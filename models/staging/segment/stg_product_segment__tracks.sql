{{ config(enabled=var('product_warehouse_cdp') == 'segment') }}
{%- set raw_table = source('product_warehouse_segment', 'tracks') -%}
{%- set raw_types = product_warehouse.get_column_types(raw_table) %}

with

source as (

    select
        {{ product_warehouse.fill_staging_columns(
            raw_types, product_warehouse.cdp_columns('track')) }}

    from {{ raw_table }}

),

renamed as (

    select
        'tracks' as source_table,
        'track' as record_type,
        -- ids (an empty string is no id)
        nullif(id, '') as event_id,
        nullif(anonymous_id, '') as anonymous_id,
        nullif(user_id, '') as user_id,
        nullif(context_session_id, '') as source_session_id,
        -- the call
        event as event_name,
        'track' as event_type,
        context_page_url as page_url,
        context_page_path as page_path,
        context_page_referrer as referrer,
        context_campaign_source as utm_source,
        context_campaign_medium as utm_medium,
        context_campaign_name as utm_campaign,
        product_id,
        order_id,
        revenue,
        -- traits come from identifies only
        {%- for trait in product_warehouse.user_trait_columns() %}
        cast(null as {{ dbt.type_string() }}) as trait_{{ trait }},
        {%- endfor %}
        -- timestamps, in UTC
        {{ product_warehouse.to_utc_timestamp(
            'timestamp', raw_types.get('timestamp')) }} as occurred_at,
        {{ product_warehouse.to_utc_timestamp(
            'received_at', raw_types.get('received_at')) }} as received_at

    from source

)

select * from renamed

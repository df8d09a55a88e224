{{ config(enabled=var('product_warehouse_cdp') in ['segment', 'rudderstack']) }}
{%- set raw_table = source(
    'product_warehouse_' ~ var('product_warehouse_cdp'), 'pages') -%}
{%- set raw_types = product_warehouse.get_column_types(raw_table) %}

with

source as (

    select
        {{ product_warehouse.fill_staging_columns(
            raw_types, product_warehouse.cdp_columns('page')) }}

    from {{ raw_table }}

),

renamed as (

    select
        'pages' as source_table,
        'page' as record_type,
        -- ids (an empty string is no id)
        nullif(id, '') as event_id,
        nullif(anonymous_id, '') as anonymous_id,
        nullif(user_id, '') as user_id,
        nullif(context_session_id, '') as source_session_id,
        -- the page view, named by product_warehouse_page_event_name
        {{ product_warehouse.string_literal(
            var('product_warehouse_page_event_name')) }} as event_name,
        'page' as event_type,
        url as page_url,
        path as page_path,
        referrer,
        {{ product_warehouse.cdp_campaign_and_commerce_columns() }}
        -- traits come from identifies only
        {{- product_warehouse.null_trait_columns() }}
        -- timestamps, in UTC
        {{ product_warehouse.utc_timestamp_columns(raw_types) }}

    from source

)

select * from renamed

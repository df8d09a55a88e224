{{ config(enabled=var('product_warehouse_cdp') == 'rudderstack') }}
{%- set raw_table = source('product_warehouse_rudderstack', 'identifies') -%}
{%- set raw_types = product_warehouse.get_column_types(raw_table) %}

with

source as (

    select
        {{ product_warehouse.fill_staging_columns(
            raw_types, product_warehouse.cdp_columns('identify')) }}

    from {{ raw_table }}

),

renamed as (

    select
        'identifies' as source_table,
        'identify' as record_type,
        -- ids (an empty string is no id)
        nullif(id, '') as event_id,
        nullif(anonymous_id, '') as anonymous_id,
        nullif(user_id, '') as user_id,
        -- not an event: no event columns
        cast(null as {{ dbt.type_string() }}) as source_session_id,
        cast(null as {{ dbt.type_string() }}) as event_name,
        cast(null as {{ dbt.type_string() }}) as event_type,
        cast(null as {{ dbt.type_string() }}) as page_url,
        cast(null as {{ dbt.type_string() }}) as page_path,
        cast(null as {{ dbt.type_string() }}) as referrer,
        cast(null as {{ dbt.type_string() }}) as utm_source,
        cast(null as {{ dbt.type_string() }}) as utm_medium,
        cast(null as {{ dbt.type_string() }}) as utm_campaign,
        cast(null as {{ dbt.type_string() }}) as product_id,
        cast(null as {{ dbt.type_string() }}) as order_id,
        cast(null as {{ product_warehouse.type_double() }}) as revenue,
        -- traits (product_warehouse_user_traits)
        {%- for trait in product_warehouse.user_trait_columns() %}
        {{ trait }} as trait_{{ trait }},
        {%- endfor %}
        -- timestamps, in UTC
        {{ product_warehouse.to_utc_timestamp(
            'timestamp', raw_types.get('timestamp')) }} as occurred_at,
        {{ product_warehouse.to_utc_timestamp(
            'received_at', raw_types.get('received_at')) }} as received_at

    from source

)

select * from renamed

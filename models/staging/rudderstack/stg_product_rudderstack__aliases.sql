{{ config(enabled=var('product_warehouse_cdp') == 'rudderstack') }}
{%- set raw_table = source('product_warehouse_rudderstack', 'aliases') -%}
{%- set raw_types = product_warehouse.get_column_types(raw_table) -%}
{#- Aliases are optional: a raw table that does not exist reads as empty. -#}
{%- set from_relation = raw_table
    if not (execute and raw_types | length == 0)
    else '(select 1 as placeholder where 1 = 0) as missing_table' %}

with

source as (

    select
        {{ product_warehouse.fill_staging_columns(
            raw_types, product_warehouse.cdp_columns('alias')) }}

    from {{ from_relation }}

),

renamed as (

    select
        'aliases' as source_table,
        'alias' as record_type,
        -- ids: an alias links previous_id (the anonymous id) to user_id
        nullif(id, '') as event_id,
        nullif(previous_id, '') as anonymous_id,
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

{{ config(enabled=var('product_warehouse_cdp') in ['segment', 'rudderstack']) }}
{%- set raw_table = source(
    'product_warehouse_' ~ var('product_warehouse_cdp'), 'identifies') -%}
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
        {{- product_warehouse.null_event_columns() }}
        -- traits (product_warehouse_user_traits)
        {%- for trait in product_warehouse.user_trait_columns() %}
        {{ trait }} as trait_{{ trait }},
        {%- endfor %}
        -- timestamps, in UTC
        {{ product_warehouse.utc_timestamp_columns(raw_types) }}

    from source

)

select * from renamed

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
        {{- product_warehouse.null_event_columns() }}
        -- traits come from identifies only
        {{- product_warehouse.null_trait_columns() }}
        -- timestamps, in UTC
        {{ product_warehouse.utc_timestamp_columns(raw_types) }}

    from source

)

select * from renamed

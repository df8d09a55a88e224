{%- set custom_events_model = var('product_warehouse_custom_events_model') -%}
{{ config(enabled=var('product_warehouse_cdp') == 'custom') }}
{#- Without cdp custom the var is usually unset and this model is disabled;
    ref() still has to parse, so it only reads a model when one is named. -#}
{%- set raw_table = ref(custom_events_model) if custom_events_model else none -%}
{%- set raw_types = product_warehouse.get_column_types(raw_table) -%}
{%- set required = ['event_id', 'occurred_at', 'event_name', 'event_type',
    'anonymous_id', 'user_id'] -%}
{%- if execute and raw_table is not none -%}
    {%- for column in required if column not in raw_types -%}
        {{ exceptions.raise_compiler_error(
            "product_warehouse: the custom events model " ~ raw_table
            ~ " has no column '" ~ column ~ "'; it needs "
            ~ required | join(', ') ~ " (README, 'Your own event table').") }}
    {%- endfor -%}
{%- endif %}

with

source as (

    select
        {{ product_warehouse.fill_staging_columns(
            raw_types, product_warehouse.cdp_columns('custom')) }}

    from {{ raw_table }}

),

renamed as (

    select
        {{ product_warehouse.string_literal(custom_events_model) }}
            as source_table,
        'custom' as record_type,
        -- ids (an empty string is no id)
        nullif(event_id, '') as event_id,
        nullif(anonymous_id, '') as anonymous_id,
        nullif(user_id, '') as user_id,
        nullif(session_id, '') as source_session_id,
        -- the event, already in canonical columns
        event_name,
        event_type,
        page_url,
        page_path,
        referrer,
        utm_source,
        utm_medium,
        utm_campaign,
        product_id,
        order_id,
        revenue,
        -- traits come from identifies only
        {{- product_warehouse.null_trait_columns() }}
        -- timestamps, in UTC
        {{ product_warehouse.utc_timestamp_columns(raw_types, occurred_at='occurred_at') }}

    from source

)

select * from renamed

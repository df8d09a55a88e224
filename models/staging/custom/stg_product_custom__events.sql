{%- set custom_events_model = var('product_warehouse_custom_events_model') -%}
{{ config(enabled=var('product_warehouse_cdp') == 'custom') }}

{#- Without cdp custom the var is usually unset and this model is disabled;
    ref() still has to parse, so it only runs when a name is given. -#}
{%- if custom_events_model -%}
{{ product_warehouse.stage_cdp_records(
    ref(custom_events_model),
    source_table=custom_events_model,
    record_type='custom',
) }}
{%- endif -%}

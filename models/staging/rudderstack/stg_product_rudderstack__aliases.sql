{{ config(enabled=var('product_warehouse_cdp') == 'rudderstack') }}

{{ product_warehouse.stage_cdp_records(
    source('product_warehouse_rudderstack', 'aliases'),
    source_table='aliases',
    record_type='alias',
    optional=true,
) }}

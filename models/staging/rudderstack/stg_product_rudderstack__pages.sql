{{ config(enabled=var('product_warehouse_cdp') == 'rudderstack') }}

{{ product_warehouse.stage_cdp_records(
    source('product_warehouse_rudderstack', 'pages'),
    source_table='pages',
    record_type='page',
) }}

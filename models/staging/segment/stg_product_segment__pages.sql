{{ config(enabled=var('product_warehouse_cdp') == 'segment') }}

{{ product_warehouse.stage_cdp_records(
    source('product_warehouse_segment', 'pages'),
    source_table='pages',
    record_type='page',
) }}

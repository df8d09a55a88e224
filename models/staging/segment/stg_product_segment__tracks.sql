{{ config(enabled=var('product_warehouse_cdp') == 'segment') }}

{{ product_warehouse.stage_cdp_records(
    source('product_warehouse_segment', 'tracks'),
    source_table='tracks',
    record_type='track',
) }}

{#- History of orders (status changes) from product_warehouse_orders_source;
    disabled while that var is null. -#}
{% snapshot wh_product_orders_snapshot %}

{%- set orders_source = var('product_warehouse_orders_source') -%}
{%- set updated_at = var('product_warehouse_orders_updated_at') -%}
{%- if updated_at -%}
    {{ config(unique_key='order_id', strategy='timestamp', updated_at=updated_at,
              enabled=orders_source is not none) }}
{%- else -%}
    {{ config(unique_key='order_id', strategy='check',
              check_cols=var('product_warehouse_orders_check_columns'),
              enabled=orders_source is not none) }}
{%- endif -%}

{%- if orders_source is mapping %}
select * from {{ source(orders_source['source'], orders_source['table']) }}
{%- elif orders_source %}
select * from {{ ref(orders_source) }}
{%- endif %}

{% endsnapshot %}

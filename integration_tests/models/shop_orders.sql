{#- The shop's orders. var product_warehouse_test_shipped lists orders
    whose status the snapshot scenario flips to 'shipped' between two
    snapshots (tests/python/test_snapshots.py). -#}
{%- set shipped = var('product_warehouse_test_shipped', []) -%}

select
    order_id,
    user_id,
    {% if shipped -%}
    case
        when order_id in ({{ product_warehouse.string_list(shipped) }})
            then 'shipped'
        else status
    end as status,
    {%- else -%}
    status,
    {%- endif %}
    updated_at
from {{ ref('input__shop__orders') }}

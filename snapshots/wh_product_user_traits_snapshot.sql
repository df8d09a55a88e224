{#- History of each visitor's configured identify traits (check strategy
    on the traits; on user_id when none are configured). -#}
{% snapshot wh_product_user_traits_snapshot %}

{%- set traits = product_warehouse.user_trait_columns() -%}
{{ config(
    unique_key='visitor_id',
    strategy='check',
    check_cols=traits if traits else ['user_id'],
) }}

select
    visitor_id,
    {%- for trait in traits %}
    {{ trait }},
    {%- endfor %}
    user_id
from {{ ref('wh_product_users_dim') }}

{% endsnapshot %}

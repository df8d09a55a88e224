{#- The Segment tracks fixture with every null id written as an empty
    string, as some loaders and hand-written pipelines do. Built only for
    the segment_empty_strings case (tests/python/cases.py), before the
    package reads it. -#}
{{ config(
    materialized='table',
    schema='segment_empty_strings',
    alias='tracks',
    tags=['raw_fixture'],
    enabled=var('product_warehouse_test_case') == 'segment_empty_strings',
) }}

{%- set id_columns = ['id', 'anonymous_id', 'user_id'] -%}
{%- set seed = ref('input__segment__tracks') %}

select
    {%- for column in adapter.get_columns_in_relation(seed) %}
    {%- if column.name | lower in id_columns %}
    coalesce({{ column.name }}, '') as {{ column.name }}
    {%- else %}
    {{ column.name }}
    {%- endif %}{{ ',' if not loop.last }}
    {%- endfor %}
from {{ seed }}

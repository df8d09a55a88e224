{#- The Segment tracks fixture with every null id written as an empty
    string, as some loaders and hand-written pipelines do. Built only for
    the segment_empty_strings case (tests/python/cases.py). -#}
{{ config(materialized='table', schema='segment_empty_strings', alias='tracks', tags=['raw_fixture']) }}

select
    coalesce(id, '') as id,
    coalesce(anonymous_id, '') as anonymous_id,
    coalesce(user_id, '') as user_id,
    * exclude (id, anonymous_id, user_id)
from {{ ref('input__segment__tracks') }}

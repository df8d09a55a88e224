{#- The Segment pages fixture with '' for every null id, built only for the
    segment_empty_strings case (tests/python/cases.py), before the package
    reads it. -#}
{{ config(
    materialized='table',
    schema='segment_empty_strings',
    alias='pages',
    tags=['raw_fixture'],
    enabled=var('product_warehouse_test_case') == 'segment_empty_strings',
) }}

{{ empty_string_ids(ref('input__segment__pages')) }}

{#- Every model reads from this one, so checking the vars here makes
    dbt compile fail early too (on-run-start covers run, build and test). -#}
{%- do product_warehouse.validate_vars() -%}

with

records as (

    select
        {{ product_warehouse.record_columns() | join(',\n        ') }}

    from {{ ref('int_product_records_staged') }}

),

{{ product_warehouse.validate_records_ctes('records') }}

select * from records_validated

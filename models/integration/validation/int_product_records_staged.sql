{#- Every raw record of the configured CDP, 1:1, in the canonical columns:
    the one place the staging models meet. Every model reads from this
    one, so checking the vars here makes dbt compile fail early too
    (on-run-start covers run, build and test). -#}
{%- do product_warehouse.validate_vars() -%}
{{ product_warehouse.union_staged_records('all') }}

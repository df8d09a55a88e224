{#- Every raw record of the configured CDP, 1:1, in the canonical columns:
    the one place the staging models meet. Validation reads it whole;
    incremental runs read only the records they need from it. -#}
{{ product_warehouse.union_staged_records('all') }}

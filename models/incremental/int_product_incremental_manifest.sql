{#-
    The manifest (docs/incremental.md): the derived facts' watermarks, one
    row appended by a derived fact's post-hook each time it succeeds (it
    may hold few rows or none, so its own rows cannot say how far it got).
    int_product_incremental_run reads each one's latest row. The select
    adds no row: built empty on the first run and on --full-refresh.
-#}
{{ config(materialized='incremental') }}

select
    cast(null as {{ dbt.type_string() }}) as model_name,
    cast(null as {{ dbt.type_timestamp() }}) as watermark_at,
    cast(null as {{ dbt.type_string() }}) as invocation_id,
    cast(null as {{ dbt.type_timestamp() }}) as recorded_at

from {{ ref('int_product_incremental_run') }}
where 1 = 0

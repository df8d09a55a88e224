{#-
    The incremental manifest (README, "Incremental runs"; ADR 0011): the
    watermark of each model derived from the warehouse models (a model
    configured with `derived_from`), one row appended by the model's
    post-hook each time it succeeds. Such a model may hold few rows or
    none (no funnel configured, no conversion yet), so its watermark
    cannot be read from its own rows; int_product_incremental_run reads
    each model's latest row here instead. Its own select adds nothing:
    built empty on the first run (and on --full-refresh), then only the
    post-hooks write to it.
-#}
{{ config(materialized='incremental') }}

select
    cast(null as {{ dbt.type_string() }}) as model_name,
    cast(null as {{ dbt.type_timestamp() }}) as watermark_at,
    cast(null as {{ dbt.type_string() }}) as invocation_id,
    cast(null as {{ dbt.type_timestamp() }}) as recorded_at

from {{ ref('int_product_incremental_run') }}
where 1 = 0

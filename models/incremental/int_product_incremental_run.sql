{#-
    The run layer's first model (docs/incremental.md): one row, this
    invocation's id, its cutoff (the earliest watermark minus the
    lookback, or the backfill start when earlier; null while an
    incremental model is missing or empty) and whether the run is
    incremental. The models are found in the graph, not by ref: they are
    downstream of this one.
-#}
{%- set lookback = var('product_warehouse_incremental_lookback_hours') -%}
{%- set backfill_start = var('product_warehouse_backfill_start') -%}
{%- set found = product_warehouse.incremental_watermarks() -%}
{%- set watermarks = found['watermarks'] -%}
{%- set missing = found['missing'] %}

with

{% if watermarks and not missing -%}
    watermarks as (

    {%- for watermark in watermarks %}

        {{ watermark.sql }}
        {%- if not loop.last %}

        union all
        {%- endif %}
    {%- endfor %}

    ),

    earliest as (

        select
            case
                when count(watermark_at) = {{ watermarks | length }}
                    then {{ dbt.dateadd('hour', -1 * lookback, 'min(watermark_at)') }}
            end as cutoff_at

        from watermarks

    ),
{%- else -%}
    earliest as (

        select cast(null as {{ dbt.type_timestamp() }}) as cutoff_at

    ),
{%- endif %}

cutoff as (

    select
        {%- if backfill_start %}
            case
                when
                    cutoff_at > {{ product_warehouse.timestamp_literal(backfill_start) }}
                    then {{ product_warehouse.timestamp_literal(backfill_start) }}
                else cutoff_at
            end as cutoff_at
        {%- else %}
            cutoff_at
        {%- endif %}

    from earliest

)

select
    {{ product_warehouse.string_literal(invocation_id) }} as invocation_id,
    cutoff_at,
    {{ 'true' if watermarks and not flags.FULL_REFRESH else 'false' }}
        as is_incremental_run

from cutoff

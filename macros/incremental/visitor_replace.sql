{#-
    Incremental runs of the warehouse models (events, sessions, users,
    journeys) and of int_product_records_identified replace whole
    visitors: every row carries visitor_id,
    and a visitor's rows are a function of that visitor's records only.

    A run, in the model's pre-hooks (inside its transaction):
      1. affected visitors -> a work table `<model>__pw_affected`: every
         visitor whose rows a full refresh could now build differently
         (affected_visitors_sql);
      2. delete the model's rows of those visitors, including rows of
         visitors that no longer exist (an anonymous id merged into a user);
    the model body then builds exactly those visitors' rows again and the
    adapter's strategy inserts them; a post-hook drops the work table.
    Nothing outside the affected visitors is touched.
-#}

{#- The work table holding this run's affected visitors. -#}
{% macro affected_visitors_relation() -%}
    {{ return(this.incorporate(path={'identifier': this.identifier ~ '__pw_affected'})) }}
{%- endmacro %}

{#- `where`-clause filter restricting a model body to the affected
    visitors on incremental runs; empty on full builds. -#}
{% macro affected_visitors_filter(column='visitor_id') -%}
    {%- if is_incremental() -%}
        {{ column }} in (
            select affected.visitor_id
            from {{ product_warehouse.affected_visitors_relation() }} as affected
        )
    {%- else -%}
        1 = 1
    {%- endif -%}
{%- endmacro %}

{#-
    The visitors whose rows may change, given the records loaded since the
    model's watermark (max(watermark_column) in `relation`, default the
    model being built) minus
    product_warehouse_incremental_lookback_hours, or since
    product_warehouse_backfill_start when that is earlier. A record counts
    whatever its validity (a later copy can displace an earlier one). From
    each such record: its user_id, its anonymous_id, and every user_id any
    record ever linked to that anonymous_id (the visitor its anonymous
    events belonged to before and the one they belong to now are among
    them). Records with a null received_at are always included. An empty
    model has no watermark: every visitor is affected.
-#}
{% macro affected_visitors_sql(watermark_column, relation=none) -%}
    {%- set lookback = var('product_warehouse_incremental_lookback_hours') -%}
    {%- set backfill_start = var('product_warehouse_backfill_start') %}
with

watermark as (

    select
        {{ dbt.dateadd('hour', -1 * lookback, 'max(' ~ watermark_column ~ ')') }}
            as cutoff_at

    from {{ relation or this }}

),

records as (

    select
        anonymous_id,
        user_id,
        received_at

    from {{ ref('int_product_records_staged') }}

),

new_records as (

    select
        records.anonymous_id,
        records.user_id

    from records
    cross join watermark
    where
        watermark.cutoff_at is null
        or records.received_at is null
        or records.received_at >= watermark.cutoff_at
        {%- if backfill_start %}
        or records.received_at >= {{ product_warehouse.timestamp_literal(backfill_start) }}
        {%- endif %}

),

new_anonymous_ids as (

    select distinct anonymous_id

    from new_records
    where anonymous_id is not null

),

candidate_ids as (

    select anonymous_id as visitor_id
    from new_anonymous_ids

    union all

    select user_id as visitor_id
    from new_records
    where user_id is not null

    union all

    select records.user_id as visitor_id
    from records
    inner join new_anonymous_ids
        on records.anonymous_id = new_anonymous_ids.anonymous_id
    where records.user_id is not null

)

select distinct visitor_id
from candidate_ids
{%- endmacro %}

{#- One statement of an incremental warehouse model's hooks (see the top
    of this file): step drop, create or delete as pre-hooks in that order,
    cleanup as the post-hook. Each renders to nothing on a full build. -#}
{% macro visitor_replace_hook(step, watermark_column=none) -%}
    {%- if is_incremental() -%}
        {%- set affected = product_warehouse.affected_visitors_relation() -%}
        {%- if step in ['drop', 'cleanup'] -%}
            drop table if exists {{ affected }}
        {%- elif step == 'create' -%}
            {{ dbt.create_table_as(false, affected, product_warehouse.affected_visitors_sql(watermark_column)) }}
        {%- elif step == 'delete' -%}
            {{ product_warehouse.delete_visitor_rows(this, affected) }}
        {%- else -%}
            {{ exceptions.raise_compiler_error("visitor_replace_hook: unknown step '" ~ step ~ "'") }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}

{#- The config of an incremental warehouse model: materialization,
    strategy, unique key and the hooks above. -#}
{% macro visitor_replace_config(unique_key, watermark_column) -%}
    {%- set hook = "{{ product_warehouse.visitor_replace_hook('%s', '" ~ watermark_column ~ "') }}" -%}
    {{ return({
        'materialized': 'incremental',
        'unique_key': unique_key,
        'incremental_strategy': product_warehouse.incremental_strategy(),
        'pre_hook': [hook | format('drop'), hook | format('create'), hook | format('delete')],
        'post_hook': [hook | format('cleanup')],
    }) }}
{%- endmacro %}

{#- Deletes `target`'s rows whose visitor_id is in `affected`. Dispatched:
    Spark deletes through MERGE, which needs a Delta, Iceberg or Hudi
    table (Databricks' default). -#}
{% macro delete_visitor_rows(target, affected) -%}
    {{ return(adapter.dispatch('delete_visitor_rows', 'product_warehouse')(target, affected)) }}
{%- endmacro %}

{% macro default__delete_visitor_rows(target, affected) -%}
    delete from {{ target }}
    where visitor_id in (select affected.visitor_id from {{ affected }} as affected)
{%- endmacro %}

{% macro spark__delete_visitor_rows(target, affected) -%}
    {%- set file_format = config.get('file_format', 'parquet') -%}
    {#- Only a model being run deletes; parsing, and the analysis that
        renders these statements for review, do not. -#}
    {%- if execute and model.resource_type == 'model'
        and file_format not in ['delta', 'iceberg', 'hudi'] -%}
        {{ exceptions.raise_compiler_error(
            "product_warehouse: incremental runs of " ~ this ~ " delete rows, which Spark can do only on"
            ~ " delta, iceberg or hudi tables; this one is " ~ file_format ~ ". Set +file_format: delta"
            ~ " for the package's models, or run with --full-refresh.") }}
    {%- endif -%}
    merge into {{ target }} as existing
    using {{ affected }} as affected
        on existing.visitor_id = affected.visitor_id
    when matched then delete
{%- endmacro %}

{#- The incremental strategy of the warehouse models on this adapter.
    Each model's pre-hook has already deleted the affected visitors' rows,
    so the strategy only has to insert; delete+insert or merge on the
    model's unique key also guards against a key written twice. -#}
{% macro incremental_strategy() -%}
    {{ return(adapter.dispatch('incremental_strategy', 'product_warehouse')()) }}
{%- endmacro %}

{% macro default__incremental_strategy() -%}
    {{ return('delete+insert') }}
{%- endmacro %}

{% macro bigquery__incremental_strategy() -%}
    {{ return('merge') }}
{%- endmacro %}

{#- dbt-spark accepts merge only on delta/iceberg/hudi and checks that on
    every run, including the first; append works on every file format
    (the pre-hook's delete is what needs Delta). -#}
{% macro spark__incremental_strategy() -%}
    {{ return('append') }}
{%- endmacro %}

{% macro databricks__incremental_strategy() -%}
    {{ return('merge') }}
{%- endmacro %}

{#- A timestamp literal from a 'YYYY-MM-DD[ HH:MM:SS]' string var. -#}
{% macro timestamp_literal(value) -%}
    cast({{ product_warehouse.string_literal(value | string) }} as {{ dbt.type_timestamp() }})
{%- endmacro %}

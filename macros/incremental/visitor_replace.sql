{#-
    Incremental runs of the warehouse models (events, sessions, users,
    journeys) and of int_product_records_identified replace whole
    visitors: every row carries visitor_id, and a visitor's rows are a
    function of that visitor's records only (ADR 0004, ADR 0006).

    A run:
      1. int_product_incremental_run (a table, built first) holds this
         invocation's cutoff: the earliest watermark over every
         incremental model of the package, minus the lookback;
      2. int_product_incremental_visitors (a table) lists the visitors
         whose rows a full refresh could now build differently;
      3. each incremental model builds those visitors' rows again
         (affected_visitors_filter) and the `visitor_replace` strategy
         deletes the model's rows of those visitors (rows of visitors
         that no longer exist included) and inserts the new ones.
    Nothing outside the listed visitors is touched.
-#}

{#- `where`-clause filter restricting a model body to this run's visitors
    on incremental runs; empty on full builds. A model that calls it
    declares `-- depends_on: {{ ref('int_product_incremental_visitors') }}`
    (dbt parses models as full builds, where the filter reads nothing). -#}
{% macro affected_visitors_filter(column='visitor_id') -%}
    {%- if is_incremental() -%}
        {{ column }} in (
            select affected.visitor_id
            from {{ ref('int_product_incremental_visitors') }} as affected
        )
    {%- else -%}
        1 = 1
    {%- endif -%}
{%- endmacro %}

{#- The config of an incremental model of the package: materialization,
    strategy, the watermark column int_product_incremental_run reads, and
    a pre-hook (visitor_replace_pre_hook). `reads_records`: the model
    reads the staged records themselves (not another incremental model),
    so it must run with this invocation's visitors. `replaces`: which
    stored rows a run replaces (delete_replaced_rows): 'visitors' (every
    row of this run's visitors) or 'records' (int_product_records_identified:
    the rows of this run's records that are rejected or belong to this
    run's visitors, and every row without an id). `derived_from`, instead
    of a watermark_column: the package's incremental models the model
    reads (a model derived from the warehouse models, whose rows may be
    few or none), each a direct dependency (ref or depends_on); its
    watermark is the earliest of theirs when it last succeeded, recorded
    in int_product_incremental_manifest by a post-hook
    (record_manifest_watermark, ADR 0011). -#}
{% macro visitor_replace_config(unique_key, watermark_column=none, reads_records=false, replaces='visitors', reopen_column=none, reopen_point='reopen_at', derived_from=none) -%}
    {%- if replaces not in ['visitors', 'records'] -%}
        {{ exceptions.raise_compiler_error(
            "visitor_replace_config: replaces must be 'visitors' or 'records', got '" ~ replaces ~ "'") }}
    {%- endif -%}
    {%- if reopen_column and (replaces != 'visitors' or unique_key is not string) -%}
        {{ exceptions.raise_compiler_error(
            "visitor_replace_config: reopen_column needs replaces='visitors' and a one-column unique_key") }}
    {%- endif -%}
    {%- if (watermark_column is none) == (derived_from is none) -%}
        {{ exceptions.raise_compiler_error(
            "visitor_replace_config: give either watermark_column or derived_from") }}
    {%- endif -%}
    {%- set meta = {'product_warehouse_watermark': watermark_column, 'product_warehouse_replaces': replaces} -%}
    {%- set post_hook = [] -%}
    {%- if derived_from is not none -%}
        {%- do meta.update({'product_warehouse_derived_from': derived_from}) -%}
        {%- do post_hook.append("{{ product_warehouse.record_manifest_watermark() }}") -%}
    {%- endif -%}
    {%- if reopen_column -%}
        {%- do meta.update({'product_warehouse_reopen': {
            'column': reopen_column, 'point': reopen_point, 'key': unique_key}}) -%}
    {%- endif -%}
    {{ return({
        'materialized': 'incremental',
        'unique_key': unique_key,
        'incremental_strategy': product_warehouse.incremental_strategy(),
        'meta': meta,
        'pre_hook': ["{{ product_warehouse.visitor_replace_pre_hook("
            ~ (reads_records | string | lower) ~ ", '" ~ replaces ~ "') }}"],
        'post_hook': post_hook,
    }) }}
{%- endmacro %}

{#- The incremental strategy of the package's models on this adapter:
    `visitor_replace` where dbt accepts a custom strategy. dbt-bigquery
    and dbt-spark accept only their own strategies, so there the delete
    is the pre-hook's and the strategy inserts (merge on BigQuery and
    Databricks; append on Spark, where the delete needs Delta anyway). -#}
{% macro incremental_strategy() -%}
    {{ return(adapter.dispatch('incremental_strategy', 'product_warehouse')()) }}
{%- endmacro %}

{% macro default__incremental_strategy() -%}
    {{ return('visitor_replace') }}
{%- endmacro %}

{% macro bigquery__incremental_strategy() -%}
    {{ return('merge') }}
{%- endmacro %}

{#- dbt-spark accepts merge only on delta/iceberg/hudi and checks that on
    every run, including the first; append works on every file format. -#}
{% macro spark__incremental_strategy() -%}
    {{ return('append') }}
{%- endmacro %}

{% macro databricks__incremental_strategy() -%}
    {{ return('merge') }}
{%- endmacro %}

{#- The custom strategy: dbt-core looks up get_incremental_<name>_sql and
    calls it with the target, the temp relation holding the model's new
    rows, and their columns. -#}
{% macro get_incremental_visitor_replace_sql(arg_dict) -%}
    {%- set meta = config.get('meta') or {} -%}
    {{ return(product_warehouse.visitor_replace_sql(
        arg_dict['target_relation'], arg_dict['temp_relation'], arg_dict['dest_columns'],
        meta.get('product_warehouse_replaces', 'visitors'), meta.get('product_warehouse_reopen'))) }}
{%- endmacro %}

{#- Delete the target's rows this run replaces, insert the rebuilt ones:
    two statements of the model's transaction. -#}
{% macro visitor_replace_sql(target, source, dest_columns, replaces='visitors', reopen=none) -%}
    {{ return(adapter.dispatch('visitor_replace_sql', 'product_warehouse')(target, source, dest_columns, replaces, reopen)) }}
{%- endmacro %}

{% macro default__visitor_replace_sql(target, source, dest_columns, replaces='visitors', reopen=none) -%}
    {%- set columns = get_quoted_csv(dest_columns | map(attribute='name')) -%}
    {{ product_warehouse.delete_replaced_rows(target, replaces, reopen) }};

    insert into {{ target }} ({{ columns }})
    select {{ columns }}
    from {{ source }}
{%- endmacro %}

{#- The pre-hook of every incremental model of the package; nothing on a
    full build. On an incremental run: a model that reads the staged
    records checks that this invocation built the run layer
    (assert_incremental_run_is_current), and on adapters without the
    custom strategy the hook deletes the visitors' rows. -#}
{% macro visitor_replace_pre_hook(reads_records=false, replaces='visitors') -%}
    {%- if is_incremental() -%}
        {%- if reads_records -%}
            {%- do product_warehouse.assert_incremental_run_is_current() -%}
        {%- endif -%}
        {%- if product_warehouse.incremental_strategy() != 'visitor_replace' -%}
            {{ product_warehouse.delete_replaced_rows(
                this, replaces, (config.get('meta') or {}).get('product_warehouse_reopen')) }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}

{#-
    A model that reads the staged records must rebuild the visitors this
    invocation listed: with an older list it would rebuild only those
    visitors from today's records, its watermark would move past the
    records of every other visitor, and they would never be rebuilt.
    Models downstream of it read what it stored, so an older list is
    still the right one for them (a `dbt retry` of a failed run reuses
    it). Raises with the fix when the list is not this invocation's.
-#}
{% macro assert_incremental_run_is_current() -%}
    {%- if execute -%}
        {%- set run_relation = ref('int_product_incremental_run') -%}
        {%- set result = run_query('select invocation_id from ' ~ run_relation) -%}
        {%- set built_by = result.columns[0].values() | list -%}
        {%- if built_by != [invocation_id] -%}
            {{ exceptions.raise_compiler_error(
                "product_warehouse: " ~ this ~ " rebuilds the visitors listed in " ~ run_relation
                ~ ", which this invocation did not build. Run it with the models it depends on:"
                ~ " dbt run --select +" ~ model.name ~ " (or run the whole package), or"
                ~ " --full-refresh.") }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}

{#- Deletes the `target` rows this run replaces (`replaces`, see
    visitor_replace_config). Dispatched: Spark deletes only from Delta,
    Iceberg or Hudi tables (Databricks' default), visitors through MERGE. -#}
{% macro delete_replaced_rows(target, replaces='visitors', reopen=none) -%}
    {{ return(adapter.dispatch('delete_replaced_rows', 'product_warehouse')(target, replaces, reopen)) }}
{%- endmacro %}

{#- `reopen` (the model's config meta product_warehouse_reopen): it replaces,
    of each reopened visitor, only the rows whose `column` is at or after
    the visitor's `point` (int_product_incremental_visitors), found by
    the model's one-column unique `key`; whole visitors when reopen_at is
    null. -#}
{% macro default__delete_replaced_rows(target, replaces='visitors', reopen=none) -%}
    {%- if replaces == 'records' -%}
    delete from {{ target }}
    where
        record_key is null
        or (
            record_key in (
                select this_run.record_key
                from {{ ref('int_product_incremental_records') }} as this_run
            )
            and (
                visitor_id is null
                or visitor_id in (
                    select affected.visitor_id
                    from {{ ref('int_product_incremental_visitors') }} as affected
                )
            )
        )
    {%- elif reopen -%}
    delete from {{ target }}
    where {{ reopen.key }} in (
        select existing.{{ reopen.key }}
        from {{ target }} as existing
        inner join {{ ref('int_product_incremental_visitors') }} as affected
            on existing.visitor_id = affected.visitor_id
        where
            affected.reopen_at is null
            or existing.{{ reopen.column }} >= affected.{{ reopen.point }}
    )
    {%- else -%}
    delete from {{ target }}
    where visitor_id in (
        select affected.visitor_id
        from {{ ref('int_product_incremental_visitors') }} as affected
    )
    {%- endif -%}
{%- endmacro %}

{% macro spark__delete_replaced_rows(target, replaces='visitors', reopen=none) -%}
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
    {%- if replaces == 'records' -%}
    {{ product_warehouse.default__delete_replaced_rows(target, replaces, reopen) }}
    {%- else -%}
    merge into {{ target }} as existing
    using {{ ref('int_product_incremental_visitors') }} as affected
        on
            existing.visitor_id = affected.visitor_id
            {%- if reopen %}
            and (
                affected.reopen_at is null
                or existing.{{ reopen.column }} >= affected.{{ reopen.point }}
            )
            {%- endif %}
    when matched then delete
    {%- endif -%}
{%- endmacro %}

{#- The package's incremental models (config meta names their
    `product_warehouse_watermark` column, or `product_warehouse_derived_from`),
    found in the graph: a dict with `watermarks` (for each existing
    table, a select of its one watermark_at row) and `missing` (names of
    those not built yet). Empty while parsing. -#}
{% macro incremental_watermarks() -%}
    {%- set found = {'watermarks': [], 'missing': []} -%}
    {%- if execute -%}
        {%- set manifest = product_warehouse.stored_model_relation(
            'int_product_incremental_manifest', 'watermark_at') -%}
        {%- for node in graph.nodes.values() | sort(attribute='unique_id') -%}
            {%- set meta = node.config.get('meta') or {} -%}
            {%- set column = meta.get('product_warehouse_watermark') -%}
            {%- set derived = meta.get('product_warehouse_derived_from') is not none -%}
            {%- if node.resource_type == 'model' and (column or derived)
                and node.config.materialized == 'incremental' -%}
                {%- set relation = product_warehouse.watermark_relation(node, column) -%}
                {%- if relation is none or (derived and manifest is none) -%}
                    {%- do found['missing'].append(node.name) -%}
                {%- elif derived -%}
                    {%- do found['watermarks'].append({'name': node.name,
                        'sql': product_warehouse.manifest_watermark_sql(node.name, manifest)}) -%}
                {%- else -%}
                    {%- do found['watermarks'].append({'name': node.name,
                        'sql': 'select max(' ~ column ~ ') as watermark_at from ' ~ relation}) -%}
                {%- endif -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(found) }}
{%- endmacro %}

{#- A select of one row, the watermark_at that the latest row of the
    `manifest` table (int_product_incremental_manifest) records for model
    `name` (the earliest, should two rows share a recorded_at); null
    without one. -#}
{% macro manifest_watermark_sql(name, manifest) -%}
    {%- set quoted = product_warehouse.string_literal(name) -%}
    {{ return('select min(watermark_at) as watermark_at from ' ~ manifest
        ~ ' where model_name = ' ~ quoted ~ ' and recorded_at = (select max(recorded_at) from '
        ~ manifest ~ ' where model_name = ' ~ quoted ~ ')') }}
{%- endmacro %}

{#- The post-hook of a model configured with `derived_from`: appends to
    int_product_incremental_manifest the model's watermark, the earliest
    watermark of the models it reads as they are now (null when one of
    them has none, which makes the next run rebuild every visitor). A
    model whose run fails runs no post-hook and keeps its older row, so
    the next run's cutoff covers what it missed; a model run alone on
    stale inputs records their stale watermark. Without the manifest
    table it records nothing (the model then counts as missing). -#}
{% macro record_manifest_watermark() -%}
    {%- if execute -%}
        {#- Looked up even on --full-refresh, which rebuilds it first. -#}
        {%- set found = {} -%}
        {%- for node in graph.nodes.values() if node.resource_type == 'model'
            and node.package_name == 'product_warehouse' and node.name == 'int_product_incremental_manifest' -%}
            {%- do found.update({'manifest': adapter.get_relation(
                database=node.database, schema=node.schema, identifier=node.alias)}) -%}
        {%- endfor -%}
        {%- set manifest = found.get('manifest') -%}
        {%- if manifest is not none -%}
            {%- set sources = [] -%}
            {%- for name in (model.config.get('meta') or {}).get('product_warehouse_derived_from') -%}
                {#- Read after the model ran: it must run after them. -#}
                {%- if 'model.product_warehouse.' ~ name not in model.depends_on.nodes -%}
                    {{ exceptions.raise_compiler_error(
                        "product_warehouse: " ~ model.name ~ " is derived from " ~ name
                        ~ " but does not depend on it: ref it, or add a depends_on comment naming ref('"
                        ~ name ~ "')") }}
                {%- endif -%}
                {%- for node in graph.nodes.values() if node.resource_type == 'model'
                    and node.package_name == 'product_warehouse' and node.name == name -%}
                    {%- set column = (node.config.get('meta') or {}).get('product_warehouse_watermark') -%}
                    {%- do sources.append(
                        'select max(' ~ column ~ ') as watermark_at from ' ~ node.relation_name if column
                        else product_warehouse.manifest_watermark_sql(name, manifest)) -%}
                {%- else -%}
                    {{ exceptions.raise_compiler_error(
                        "product_warehouse: " ~ model.name ~ " is derived from " ~ name
                        ~ ", which is not a model of the package") }}
                {%- endfor -%}
            {%- endfor -%}
    insert into {{ manifest }} (model_name, watermark_at, invocation_id, recorded_at)
    select
        {{ product_warehouse.string_literal(model.name) }},
        case
            when count(watermark_at) = {{ sources | length }} then min(watermark_at)
        end,
        {{ product_warehouse.string_literal(invocation_id) }},
        cast({{ dbt.current_timestamp() }} as {{ dbt.type_timestamp() }})
    from (
        {{ sources | join('\n        union all\n        ') }}
    ) as derived_from
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}

{#- The table an incremental model `node` will build on, when it has one
    holding its watermark `column`; none when there is no table yet (or a
    view: dbt replaces it with a full build). A table built by an older
    version of the package, without the column, stops the run with the
    fix; --full-refresh rebuilds every selected model, so it asks nothing.
    Dispatched so the offline dialect check (no warehouse to ask) can
    answer it. -#}
{% macro watermark_relation(node, column) -%}
    {{ return(adapter.dispatch('watermark_relation', 'product_warehouse')(node, column)) }}
{%- endmacro %}

{% macro default__watermark_relation(node, column) -%}
    {%- if flags.FULL_REFRESH -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set relation = adapter.get_relation(
        database=node.database, schema=node.schema, identifier=node.alias) -%}
    {%- if relation is none or relation.is_view -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set names = adapter.get_columns_in_relation(relation) | map(attribute='name') | map('lower') | list -%}
    {%- set reopen = (node.config.get('meta') or {}).get('product_warehouse_reopen') or {} -%}
    {%- for needed in [column, reopen.get('column')] if needed and needed | lower not in names -%}
        {{ exceptions.raise_compiler_error(
            "product_warehouse: " ~ relation ~ " has no column " ~ needed ~ ", which incremental runs read"
            ~ " (the table was built by an older version of the package). Rebuild it once:"
            ~ " dbt run --full-refresh --select " ~ node.name) }}
    {%- endfor -%}
    {{ return(relation) }}
{%- endmacro %}

{#- A timestamp literal from a 'YYYY-MM-DD[ HH:MM:SS]' string var. -#}
{% macro timestamp_literal(value) -%}
    cast({{ product_warehouse.string_literal(value | string) }} as {{ dbt.type_timestamp() }})
{%- endmacro %}

{#- The stored table of the package's model `name` (found in the graph,
    not through ref: it may be downstream), or none when it is not built
    yet; `column` is one it must have (watermark_relation). -#}
{% macro stored_model_relation(name, column) -%}
    {%- if execute -%}
        {%- for node in graph.nodes.values() -%}
            {%- if node.resource_type == 'model' and node.package_name == 'product_warehouse'
                and node.name == name and node.config.materialized in ['incremental', 'table'] -%}
                {{ return(product_warehouse.watermark_relation(node, column)) }}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(none) }}
{%- endmacro %}

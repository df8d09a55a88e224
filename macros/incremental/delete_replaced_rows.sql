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

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

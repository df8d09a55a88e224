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

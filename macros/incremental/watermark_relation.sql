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

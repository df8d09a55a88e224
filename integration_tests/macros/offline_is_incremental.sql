{#- Offline dialect check (var product_warehouse_test_offline): there is no
    warehouse to ask whether a model's table exists, so is_incremental()
    answers product_warehouse_test_offline_incremental instead, and the
    check compiles both the full and the incremental SQL of the models. -#}
{% macro is_incremental() -%}
    {%- if execute and var('product_warehouse_test_offline', false) -%}
        {{ return(var('product_warehouse_test_offline_incremental', false)) }}
    {%- endif -%}
    {{ return(dbt.is_incremental()) }}
{%- endmacro %}

{#- The same check asks int_product_incremental_run which incremental
    models exist: all of them when compiling incremental runs, none
    otherwise. -#}
{% macro default__watermark_relation(node, column) -%}
    {%- if execute and var('product_warehouse_test_offline', false) -%}
        {%- if var('product_warehouse_test_offline_incremental', false) -%}
            {{ return(api.Relation.create(database=node.database, schema=node.schema, identifier=node.alias)) }}
        {%- endif -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(product_warehouse.default__watermark_relation(node, column)) }}
{%- endmacro %}

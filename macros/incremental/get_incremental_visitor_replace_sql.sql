{#- The custom strategy: dbt-core looks up get_incremental_<name>_sql and
    calls it with the target, the temp relation holding the model's new
    rows, and their columns. -#}
{% macro get_incremental_visitor_replace_sql(arg_dict) -%}
    {%- set meta = config.get('meta') or {} -%}
    {{ return(product_warehouse.visitor_replace_sql(
        arg_dict['target_relation'], arg_dict['temp_relation'], arg_dict['dest_columns'],
        meta.get('product_warehouse_replaces', 'visitors'), meta.get('product_warehouse_reopen'))) }}
{%- endmacro %}

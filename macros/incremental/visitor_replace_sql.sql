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

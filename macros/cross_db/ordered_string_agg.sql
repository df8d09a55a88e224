{#-
    An aggregate: the string values of `measure` joined with `delimiter`
    (a SQL string literal) in the order of `order_by` (one expression,
    ascending). dbt.listagg does this everywhere but on Spark, where
    dbt-spark ignores the order.
-#}
{% macro ordered_string_agg(measure, delimiter, order_by) -%}
    {{ return(adapter.dispatch('ordered_string_agg', 'product_warehouse')(measure, delimiter, order_by)) }}
{%- endmacro %}

{% macro default__ordered_string_agg(measure, delimiter, order_by) -%}
    {{ dbt.listagg(measure, delimiter, 'order by ' ~ order_by) }}
{%- endmacro %}

{#- Spark: sort (order, value) structs, then keep the values.
    https://spark.apache.org/docs/latest/api/sql/index.html#array_sort -#}
{% macro spark__ordered_string_agg(measure, delimiter, order_by) -%}
    array_join(transform(array_sort(collect_list(named_struct(
        'sort_key', {{ order_by }}, 'value', {{ measure }}))), item -> item.value), {{ delimiter }})
{%- endmacro %}

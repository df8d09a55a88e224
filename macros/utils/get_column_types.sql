{#-
    The columns a relation really has, as {lower-case name: data type}.
    Loaders create a column only when a property is first sent, so staging
    reads this instead of assuming columns. Empty at parse time, and for a
    relation that does not exist.
-#}
{% macro get_column_types(relation) -%}
    {{ return(adapter.dispatch('get_column_types', 'product_warehouse')(relation)) }}
{%- endmacro %}

{% macro default__get_column_types(relation) -%}
    {%- set types = {} -%}
    {%- if execute and relation is not none -%}
        {%- for column in adapter.get_columns_in_relation(relation) -%}
            {%- do types.update({column.name | lower: column.data_type}) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(types) }}
{%- endmacro %}

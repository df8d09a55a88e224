{#- Whether a source or model relation exists in the warehouse (false at parse time). -#}
{% macro relation_exists(relation) -%}
    {{ return(adapter.dispatch('relation_exists', 'product_warehouse')(relation)) }}
{%- endmacro %}

{% macro default__relation_exists(relation) -%}
    {%- if not execute -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set found = adapter.get_relation(
        database=relation.database,
        schema=relation.schema,
        identifier=relation.identifier) -%}
    {{ return(found is not none) }}
{%- endmacro %}

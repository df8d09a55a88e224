{#- Test helper (dbt run-operation drop_test_relation --args '{name: x}'):
    drops a table in the target schema so a scenario starts from scratch,
    e.g. a snapshot, which has no --full-refresh. -#}
{% macro drop_test_relation(name) -%}
    {%- set relation = adapter.get_relation(database=target.database, schema=target.schema, identifier=name) -%}
    {{- log("drop_test_relation: " ~ (relation or "not found") ~ " in " ~ target.database ~ "." ~ target.schema, info=true) -}}
    {%- if relation is not none -%}
        {%- do adapter.drop_relation(relation) -%}
        {#- run-operation does not commit on its own. -#}
        {%- do adapter.commit() -%}
    {%- endif -%}
{%- endmacro %}

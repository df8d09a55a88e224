{#- Test helper (dbt run-operation drop_test_relation --args '{name: x}'):
    drops a table in the case's schema (case_schema) so a scenario starts from scratch,
    e.g. a snapshot, which has no --full-refresh. -#}
{% macro drop_test_relation(name) -%}
    {%- set relation = adapter.get_relation(database=target.database, schema=case_schema() | trim, identifier=name) -%}
    {{- log("drop_test_relation: " ~ (relation or "not found") ~ " in " ~ target.database ~ "." ~ case_schema() | trim, info=true) -}}
    {%- if relation is not none -%}
        {%- do adapter.drop_relation(relation) -%}
        {#- run-operation does not commit on its own. -#}
        {%- do adapter.commit() -%}
    {%- endif -%}
{%- endmacro %}

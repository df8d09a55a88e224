{#- Emulator shim, Snowflake target only (fakesnow over DuckDB). dbt's
    unit tests create `temporary table db.schema.name`, which DuckDB
    rejects ("TEMPORARY table names can only use the temp catalog").
    Real Snowflake accepts it; under the emulator the same table is
    created as an ordinary one. Overrides dbt-snowflake's macro of this
    name for this project only; the package never creates temp tables. -#}
{% macro snowflake__create_table_temporary_sql(relation, compiled_code) -%}
create or replace table {{ relation }}
as (
    {{ compiled_code }}
    )
;
{%- endmacro %}

{#- Emulator shim, Snowflake target only: the same for the `temporary view`
    that dbt-snowflake's incremental materialization stages an append in
    (int_product_incremental_manifest, the package's one incremental model
    with dbt's default strategy): created as an ordinary view. -#}
{% macro snowflake__create_view_as_with_temp_flag(relation, sql, is_temporary=False) -%}
create or replace view {{ relation }}
as (
    {{ sql }}
);
{%- endmacro %}

{#- Emulator shim, Snowflake target only. Real Snowflake answers `describe
    table` on a missing table with "does not exist or not authorized",
    which dbt-snowflake turns into "no columns"; fakesnow words it
    differently, so the describe fails the run. Ask information_schema
    first, then describe as dbt-snowflake does. -#}
{% macro snowflake__get_columns_in_relation(relation) -%}
    {%- set exists_sql -%}
        select count(*) as n
        from {{ relation.database }}.information_schema.tables
        where table_schema = upper('{{ relation.schema }}')
          and table_name = upper('{{ relation.identifier }}')
    {%- endset -%}
    {%- if run_query(exists_sql).columns[0].values()[0] == 0 -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set result = run_query('describe table ' ~ relation.render()) -%}
    {%- set columns = [] -%}
    {%- for row in result -%}
        {%- do columns.append(api.Column.from_description(row['name'], row['type'])) -%}
    {%- endfor -%}
    {{ return(columns) }}
{%- endmacro %}

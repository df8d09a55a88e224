{#-
    A SQL string literal for any text: quotes and backslashes escaped the
    way the engine reads them, so user-supplied names (event names, trait
    values) are never pasted raw into SQL. dbt.string_literal does not
    escape, and dbt.escape_single_quotes leaves backslashes alone.
-#}
{% macro string_literal(value) -%}
    {{ return(adapter.dispatch('string_literal', 'product_warehouse')(value)) }}
{%- endmacro %}

{#- Standard SQL: double the quote; a backslash is an ordinary character. -#}
{% macro default__string_literal(value) -%}
    '{{ value | string | replace("'", "''") }}'
{%- endmacro %}

{#- BigQuery reads backslash escapes and rejects a doubled quote. -#}
{% macro bigquery__string_literal(value) -%}
    '{{ value | string | replace("\\", "\\\\") | replace("'", "\\'") }}'
{%- endmacro %}

{#- Redshift reads backslash escapes inside literals. -#}
{% macro redshift__string_literal(value) -%}
    '{{ value | string | replace("\\", "\\\\") | replace("'", "''") }}'
{%- endmacro %}

{#- Snowflake reads backslash escapes inside single-quoted literals. -#}
{% macro snowflake__string_literal(value) -%}
    '{{ value | string | replace("\\", "\\\\") | replace("'", "''") }}'
{%- endmacro %}

{#- Spark reads backslash escapes, and concatenates 'a''b' into 'ab'. -#}
{% macro spark__string_literal(value) -%}
    '{{ value | string | replace("\\", "\\\\") | replace("'", "\\'") }}'
{%- endmacro %}

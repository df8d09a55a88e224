{#-
    The select list of a staging model's source CTE: each column of
    `columns` (from cdp_columns) cast to its type, or a typed null under
    the same name when the raw relation lacks it (`column_types` from
    get_column_types). Timestamp columns keep their raw type, so the model
    can convert a zoned type to UTC (to_utc_timestamp).
-#}
{% macro fill_staging_columns(column_types, columns) -%}
    {%- set expressions = [] -%}
    {%- for column in columns -%}
        {%- if column.name not in column_types -%}
            {%- do expressions.append(
                'cast(null as ' ~ column.data_type ~ ') as ' ~ column.name) -%}
        {%- elif column.is_timestamp -%}
            {%- do expressions.append(column.name) -%}
        {%- else -%}
            {%- do expressions.append(
                'cast(' ~ column.name ~ ' as ' ~ column.data_type ~ ') as ' ~ column.name) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(expressions | join(',\n        ')) }}
{%- endmacro %}

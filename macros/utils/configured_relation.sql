{#-
    The relation a var names, for the vars that point the package at a
    table of the user's (product_warehouse_orders_source,
    product_warehouse_channel_sources): the name of a model or seed in
    the user's project (a ref), or {source: <source name>, table: <table
    name>} (a source). none when the var is null.
-#}
{% macro configured_relation(var_name) -%}
    {%- set value = var(var_name) -%}
    {%- if value is none -%}
        {{ return(none) }}
    {%- elif value is mapping -%}
        {%- if 'source' not in value or 'table' not in value -%}
            {{ exceptions.raise_compiler_error(
                var_name ~ " must be a model or seed name, or {source: <source name>,"
                ~ " table: <table name>}, got " ~ value) }}
        {%- endif -%}
        {{ return(source(value['source'], value['table'])) }}
    {%- elif value is string and value | length > 0 -%}
        {{ return(ref(value)) }}
    {%- else -%}
        {{ exceptions.raise_compiler_error(
            var_name ~ " must be a model or seed name, or {source: <source name>,"
            ~ " table: <table name>}, got '" ~ value ~ "'") }}
    {%- endif -%}
{%- endmacro %}

{#-
    The conversions of var product_warehouse_conversions, validated and
    normalised: a list of {name, event, where, value}, value defaulting
    to 'revenue'. A malformed definition fails compilation with a message
    naming the conversion (or its position when it has no name) and the
    problem.
-#}
{% macro conversion_definitions() -%}
    {%- set conversions = var('product_warehouse_conversions') -%}
    {%- if conversions is none -%}
        {%- set conversions = [] -%}
    {%- endif -%}
    {%- if conversions is string or conversions is mapping or conversions is not iterable -%}
        {{ exceptions.raise_compiler_error(
            "product_warehouse_conversions must be a list of conversion definitions, got '" ~ conversions ~ "'") }}
    {%- endif -%}
    {%- set known_keys = ['name', 'event', 'where', 'value'] -%}
    {%- set definitions = [] -%}
    {%- set names = [] -%}
    {%- for conversion in conversions -%}
        {%- set position = "product_warehouse_conversions: conversion " ~ loop.index -%}
        {%- if conversion is not mapping -%}
            {{ exceptions.raise_compiler_error(
                position ~ " must be a mapping {name, event, where, value}, got '" ~ conversion ~ "'") }}
        {%- endif -%}
        {%- set name = conversion.get('name') -%}
        {%- if name is not string or name | trim | length == 0 -%}
            {{ exceptions.raise_compiler_error(position ~ " needs a name (a non-empty string)") }}
        {%- endif -%}
        {%- set problem = "product_warehouse_conversions: conversion '" ~ name ~ "': " -%}
        {%- for key in conversion -%}
            {%- if key not in known_keys -%}
                {{ exceptions.raise_compiler_error(
                    problem ~ "unknown key '" ~ key ~ "' (name, event, where, value)") }}
            {%- endif -%}
        {%- endfor -%}
        {%- if name in names -%}
            {{ exceptions.raise_compiler_error(problem ~ "two conversions have this name") }}
        {%- endif -%}
        {%- do names.append(name) -%}
        {%- set event = conversion.get('event') -%}
        {%- if event is not string or event | length == 0 -%}
            {{ exceptions.raise_compiler_error(problem ~ "event must be a non-empty event name") }}
        {%- endif -%}
        {%- set where = conversion.get('where') -%}
        {%- if where is not none and (where is not string or where | trim | length == 0) -%}
            {{ exceptions.raise_compiler_error(
                problem ~ "where must be a SQL predicate in a string, got '" ~ where ~ "'") }}
        {%- endif -%}
        {%- set value = conversion.get('value', 'revenue') -%}
        {%- if value is not string or value | trim | length == 0 -%}
            {{ exceptions.raise_compiler_error(
                problem ~ "value must be a column or SQL expression in a string, got '" ~ value ~ "'") }}
        {%- endif -%}
        {%- do definitions.append({'name': name, 'event': event, 'where': where, 'value': value}) -%}
    {%- endfor -%}
    {{ return(definitions) }}
{%- endmacro %}

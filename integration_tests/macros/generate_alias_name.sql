{#- A fixture seed input__<case>__<table> is loaded as <table>, the raw
    table name the package reads; every other node keeps dbt's alias. -#}
{% macro generate_alias_name(custom_alias_name=none, node=none) -%}
    {%- if node.resource_type == 'seed' and node.name.startswith('input__') -%}
        {{ node.name.split('__')[-1] }}
    {%- else -%}
        {{ dbt.default__generate_alias_name(custom_alias_name, node) }}
    {%- endif -%}
{%- endmacro %}

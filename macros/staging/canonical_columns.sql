{#-
    The canonical record columns every staging model produces, in order,
    as [name, data type] pairs: the interface between the loaders and the
    rest of the package (README, "Your own event table", and docs/_columns.md).
-#}
{% macro canonical_columns() -%}
    {%- set string = dbt.type_string() -%}
    {%- set columns = [
        ['event_id', string],
        ['anonymous_id', string],
        ['user_id', string],
        ['source_session_id', string],
        ['event_name', string],
        ['event_type', string],
        ['page_url', string],
        ['page_path', string],
        ['referrer', string],
        ['utm_source', string],
        ['utm_medium', string],
        ['utm_campaign', string],
        ['product_id', string],
        ['order_id', string],
        ['revenue', product_warehouse.type_double()],
        ['occurred_at', dbt.type_timestamp()],
        ['received_at', dbt.type_timestamp()],
    ] -%}
    {%- for trait in product_warehouse.user_trait_columns() -%}
        {%- do columns.append(['trait_' ~ trait, string]) -%}
    {%- endfor -%}
    {{ return(columns) }}
{%- endmacro %}

{#- The configured identify traits, lower-cased and checked to be plain column names. -#}
{% macro user_trait_columns() -%}
    {%- set traits = var('product_warehouse_user_traits') -%}
    {%- if traits is string or traits is mapping -%}
        {{ exceptions.raise_compiler_error(
            "product_warehouse_user_traits must be a list of identify column names, got: " ~ traits) }}
    {%- endif -%}
    {%- set names = [] -%}
    {%- for trait in traits -%}
        {%- if not modules.re.match('^[A-Za-z_][A-Za-z0-9_]*$', trait | string) -%}
            {{ exceptions.raise_compiler_error(
                "product_warehouse_user_traits: '" ~ trait ~ "' is not a plain column name") }}
        {%- endif -%}
        {%- do names.append(trait | lower) -%}
    {%- endfor -%}
    {{ return(names) }}
{%- endmacro %}

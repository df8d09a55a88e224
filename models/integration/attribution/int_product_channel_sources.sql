{#- The search engines and social sites the channel rules read: the
    package's list (default_channel_sources, overridable through dispatch)
    with the rows of product_warehouse_channel_sources on top, a row of
    yours replacing the package's row of the same source_name. In SQL, so
    no seed has to be loaded before a run. -#}
{%- set user_relation = product_warehouse.configured_relation(
    'product_warehouse_channel_sources') -%}

with

package_sources as (

    {% for source in product_warehouse.default_channel_sources() -%}
        select
            {{ product_warehouse.string_literal(source[0]) }} as source_name,
            {{ product_warehouse.string_literal(source[1]) }} as source_category
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

{% if user_relation is not none -%}
user_sources as (

    select
        cast(lower(trim(source_name)) as {{ dbt.type_string() }})
            as source_name,
        cast(lower(trim(source_category)) as {{ dbt.type_string() }})
            as source_category

    from {{ user_relation }}

),

{% endif -%}
channel_sources as (

    {%- if user_relation is not none %}
    select
        source_name,
        source_category

    from user_sources

    union all

    select
        package_sources.source_name,
        package_sources.source_category

    from package_sources
    where not exists (
        select 1
        from user_sources
        where user_sources.source_name = package_sources.source_name
    )
    {%- else %}
        select
            source_name,
            source_category

        from package_sources
    {%- endif %}

)

select * from channel_sources

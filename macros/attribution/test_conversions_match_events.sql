{#- Passes when the model has, per conversion name, as many rows as
    events_model has events matching that conversion's definition
    (product_warehouse_conversions: event name and where). -#}
{% test conversions_match_events(model, events_model) %}
    {%- set conversions = product_warehouse.conversion_definitions() %}

with

expected as (

    {% for conversion in conversions -%}
    select
        {{ product_warehouse.string_literal(conversion.name) }} as conversion_name,
        count(*) as event_count
    from {{ events_model }}
    where event_name = {{ product_warehouse.string_literal(conversion.event) }}
        {%- if conversion.where %} and ({{ conversion.where }}){% endif %}
    {% if not loop.last %}union all{% endif %}
    {% else -%}
    select cast(null as {{ dbt.type_string() }}) as conversion_name, 0 as event_count
    {%- endfor %}

),

actual as (

    select conversion_name, count(*) as row_count
    from {{ model }}
    group by conversion_name

),

compared as (

    select expected.conversion_name, expected.event_count, actual.row_count
    from expected
    left join actual on expected.conversion_name = actual.conversion_name
    union all
    select actual.conversion_name, null as event_count, actual.row_count
    from actual
    left join expected on actual.conversion_name = expected.conversion_name
    where expected.conversion_name is null

)

select * from compared
where coalesce(event_count, 0) != coalesce(row_count, 0)
{% endtest %}

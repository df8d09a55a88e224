{%- set conversions = product_warehouse.conversion_definitions() -%}

{#- Every column: a conversion's where and value read any of them. -#}
with

events as (

    select * from {{ ref('wh_product_events_fact') }}

),

conversions as (

    {% for conversion in conversions -%}
        select
            event_id,
            visitor_id,
            user_id,
            session_id,
            {{ product_warehouse.string_literal(conversion.name) }}
                as conversion_name,
            coalesce(
                cast(({{ conversion.value }}) as {{ product_warehouse.type_double() }}),
                0
            ) as conversion_value,
            occurred_at

        from events
        where
            event_name = {{ product_warehouse.string_literal(conversion.event) }}
            {%- if conversion.where %}
                and ({{ conversion.where }})
            {%- endif %}
        {% if not loop.last %}union all{% endif %}
    {% else -%}
        select
            cast(null as {{ dbt.type_string() }}) as event_id,
            cast(null as {{ dbt.type_string() }}) as visitor_id,
            cast(null as {{ dbt.type_string() }}) as user_id,
            cast(null as {{ dbt.type_string() }}) as session_id,
            cast(null as {{ dbt.type_string() }}) as conversion_name,
            cast(null as {{ product_warehouse.type_double() }})
                as conversion_value,
            cast(null as {{ dbt.type_timestamp() }}) as occurred_at

        from events
        where 1 = 0
    {%- endfor %}

),

conversions_keyed as (

    select
        {{ product_warehouse.generate_surrogate_key(
            ['conversion_name', 'event_id']) }} as conversion_id,
        *

    from conversions

)

select * from conversions_keyed

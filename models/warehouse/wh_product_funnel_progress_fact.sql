{#- A derived fact (docs/incremental.md): a run rebuilds the funnel rows
    of listed visitors whole from the events fact; every funnel entrant,
    session or visitor, lies within one visitor. -#}
{{ config(**product_warehouse.visitor_replace_config(
    unique_key=['funnel_name', 'entrant_id', 'breakdown_value', 'step_number'],
    derived_from=['wh_product_events_fact'])) }}
{%- set funnels = product_warehouse.funnel_definitions() -%}
-- depends_on: {{ ref('int_product_incremental_visitors') }}
-- depends_on: {{ ref('int_product_incremental_manifest') }}
-- depends_on: {{ ref('wh_product_events_fact') }}

with

{% if funnels -%}
    events as (

        select * from {{ ref('wh_product_events_fact') }}
        where {{ product_warehouse.affected_visitors_filter() }}

    ),
{% endif -%}

{% for funnel in funnels -%}
    {{ product_warehouse.funnel_ctes(funnel, 'events', 'funnel_' ~ loop.index) }},
{% endfor -%}

progress as (

    {% for funnel in funnels -%}
        select * from funnel_{{ loop.index }}_steps
        {% if not loop.last %}union all{% endif %}
    {% else -%}
        {{ product_warehouse.empty_funnel_steps() }}
    {%- endfor %}

)

select * from progress

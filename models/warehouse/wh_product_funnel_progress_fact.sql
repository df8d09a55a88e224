{%- set events = ref('wh_product_events_fact') -%}
{%- set funnels = product_warehouse.funnel_definitions() -%}

with

{% for funnel in funnels -%}
    {{ product_warehouse.funnel_ctes(funnel, events, 'funnel_' ~ loop.index) }},
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

{#-
    Ad-hoc funnel: a query returning the same step table as
    wh_product_funnel_progress_fact for one funnel, e.g. in an analysis:
        {{ product_warehouse.funnel(steps=['page_view', 'add_to_cart', 'checkout']) }}
    Arguments as in product_warehouse_funnels (docs/funnels.md).
-#}
{% macro funnel(steps, scope='session', ordered=true, window_minutes=none, count=none, breakdown=none, name='funnel', events=none) -%}
    {%- set definition = product_warehouse.normalize_funnel(
        name=name, steps=steps, scope=scope, ordered=ordered,
        window_minutes=window_minutes, count=count, breakdown=breakdown) -%}
    {%- set events_relation = events if events is not none else ref('wh_product_events_fact') %}
with
{{ product_warehouse.funnel_ctes(definition, events_relation, 'funnel') }}

select * from funnel_steps
{%- endmacro %}

{#- The step table's columns when no funnel is configured (zero rows). -#}
{% macro empty_funnel_steps() -%}
    select
        cast(null as {{ dbt.type_string() }}) as funnel_name,
        cast(null as {{ dbt.type_string() }}) as step_name,
        cast(null as {{ dbt.type_string() }}) as entrant_id,
        cast(null as {{ dbt.type_string() }}) as visitor_id,
        cast(null as {{ dbt.type_string() }}) as session_id,
        cast(null as {{ dbt.type_string() }}) as counted_id,
        cast(null as {{ dbt.type_string() }}) as breakdown_value,
        cast(null as {{ dbt.type_int() }}) as step_number,
        cast(null as {{ product_warehouse.type_double() }}) as seconds_from_previous_step,
        cast(null as {{ dbt.type_timestamp() }}) as entered_at,
        cast(null as {{ dbt.type_timestamp() }}) as reached_at
    from (select 1 as placeholder) as no_funnels
    where 1 = 0
{%- endmacro %}

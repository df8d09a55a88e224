{#-
    Rate columns of a funnel step from its entrant counts (SQL column
    expressions): conversion_rate_from_previous, conversion_rate_from_first,
    drop_off_count, drop_off_rate, each prefixed with `prefix`. Step 1
    (previous is null) converts at 1 and drops no one; a step after an
    empty step has null rates.
-#}
{% macro funnel_rates(entrants, previous, first, prefix='') -%}
    {%- set double = product_warehouse.type_double() -%}
    case
        when {{ previous }} is null then 1.0
        else cast({{ entrants }} as {{ double }}) / nullif({{ previous }}, 0)
    end as {{ prefix }}conversion_rate_from_previous,
    cast({{ entrants }} as {{ double }}) / nullif({{ first }}, 0)
        as {{ prefix }}conversion_rate_from_first,
    coalesce({{ previous }} - {{ entrants }}, 0) as {{ prefix }}drop_off_count,
    case
        when {{ previous }} is null then 0.0
        else cast({{ previous }} - {{ entrants }} as {{ double }}) / nullif({{ previous }}, 0)
    end as {{ prefix }}drop_off_rate
{%- endmacro %}

{#- One row per configured funnel step: funnel_name, step_name,
    step_number (a select of literals; no rows without funnels). -#}
{% macro funnel_step_spine(funnels) -%}
    {%- for funnel in funnels -%}
        {%- set funnel_loop = loop -%}
        {%- for step in funnel.steps %}
    select
        {{ product_warehouse.string_literal(funnel.name) }} as funnel_name,
        {{ product_warehouse.string_literal(step.name) }} as step_name,
        {{ step.number }} as step_number
        {% if not (funnel_loop.last and loop.last) %}union all{% endif %}
        {%- endfor -%}
    {%- else %}
    select
        cast(null as {{ dbt.type_string() }}) as funnel_name,
        cast(null as {{ dbt.type_string() }}) as step_name,
        cast(null as {{ dbt.type_int() }}) as step_number
    from (select 1 as placeholder) as no_funnels
    where 1 = 0
    {%- endfor %}
{%- endmacro %}

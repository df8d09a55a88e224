{#-
    The CTEs that compute one funnel's step table from an events relation
    (columns of wh_product_events_fact), named <prefix>_events,
    <prefix>_step_<k> and <prefix>_steps; the last has one row per
    entrant, breakdown value and step reached. Rules (docs/funnels.md):
    - an entrant is a session (scope session) or visitor (scope visitor)
      with a step-1 event; with a breakdown, each breakdown value of its
      step-1 events is a separate entry, fixed by the first such event;
    - ordered: step k is the first step-k event after step k-1's event,
      ordered by (occurred_at, event_id), so a repeated step needs a later
      event; unordered: step k is the first step-k event anywhere in the
      scope other than step k-1's event, given step k-1 was reached;
    - window_minutes: step k's event is at most that many minutes after
      the entering step-1 event (either side of it when unordered);
    - breakdown: a later step's event matches when its breakdown value is
      null or equals the entering value.
-#}
{% macro funnel_ctes(definition, events_relation, prefix) -%}
    {%- set unit = 'session_id' if definition.scope == 'session' else 'visitor_id' -%}
    {%- set counted = 'session_id' if definition.count == 'sessions' else 'visitor_id' -%}
    {%- set steps = definition.steps -%}
    {%- set event_names = [] -%}
    {%- for step in steps -%}
        {%- if step.event not in event_names -%}{%- do event_names.append(step.event) -%}{%- endif -%}
    {%- endfor %}
{{ prefix }}_events as (

    select
        {{ unit }} as entrant_id,
        visitor_id,
        session_id,
        event_id,
        {% if definition.breakdown -%}
        cast({{ definition.breakdown }} as {{ dbt.type_string() }}) as breakdown_value,
        {%- else -%}
        cast(null as {{ dbt.type_string() }}) as breakdown_value,
        {%- endif %}
        row_number() over (
            partition by {{ unit }}
            order by occurred_at, event_id
        ) as event_ordinal,
        {%- for step in steps %}
        case
            when event_name = {{ product_warehouse.string_literal(step.event) }}
            {%- if step.where %}
                and ({{ step.where }})
            {%- endif %}
                then 1
            else 0
        end as is_step_{{ step.number }},
        {%- endfor %}
        occurred_at

    from {{ events_relation }}
    where event_name in ({{ product_warehouse.string_list(event_names) }})

),

{{ prefix }}_step_1 as (

    select
        entrant_id,
        breakdown_value,
        visitor_id,
        session_id,
        event_ordinal,
        occurred_at as entered_at,
        cast(null as {{ dbt.type_timestamp() }}) as previous_reached_at,
        occurred_at as reached_at

    from (
        select
            *,
            row_number() over (
                partition by entrant_id, breakdown_value
                order by event_ordinal
            ) as pick
        from {{ prefix }}_events
        where is_step_1 = 1
    ) as firsts
    where pick = 1

){{ ',' if steps | length > 1 }}
{%- for step in steps[1:] %}
{%- set k = step.number %}

{{ prefix }}_step_{{ k }} as (

    select
        entrant_id,
        breakdown_value,
        visitor_id,
        session_id,
        event_ordinal,
        entered_at,
        previous_reached_at,
        reached_at

    from (
        select
            previous_step.entrant_id,
            previous_step.breakdown_value,
            step_events.visitor_id,
            step_events.session_id,
            step_events.event_ordinal,
            previous_step.entered_at,
            previous_step.reached_at as previous_reached_at,
            step_events.occurred_at as reached_at,
            row_number() over (
                partition by previous_step.entrant_id, previous_step.breakdown_value
                order by step_events.event_ordinal
            ) as pick
        from {{ prefix }}_step_{{ k - 1 }} as previous_step
        inner join {{ prefix }}_events as step_events
            on previous_step.entrant_id = step_events.entrant_id
        where
            step_events.is_step_{{ k }} = 1
            {%- if definition.ordered %}
            and step_events.event_ordinal > previous_step.event_ordinal
            {%- else %}
            and step_events.event_ordinal != previous_step.event_ordinal
            {%- endif %}
            {%- if definition.breakdown %}
            and (
                step_events.breakdown_value is null
                or step_events.breakdown_value = previous_step.breakdown_value
            )
            {%- endif %}
            {%- if definition.window_minutes is not none %}
            {%- set gap = product_warehouse.seconds_between('previous_step.entered_at', 'step_events.occurred_at') %}
            and {{ 'abs(' ~ gap ~ ')' if not definition.ordered else gap }} <= {{ definition.window_minutes * 60 }}
            {%- endif %}
    ) as candidates
    where pick = 1

){{ ',' if not loop.last }}
{%- endfor %},

{{ prefix }}_steps as (

    {%- for step in steps %}
    select
        {{ product_warehouse.string_literal(definition.name) }} as funnel_name,
        {{ product_warehouse.string_literal(step.name) }} as step_name,
        entrant_id,
        visitor_id,
        session_id,
        {{ counted }} as counted_id,
        breakdown_value,
        {{ step.number }} as step_number,
        {{ product_warehouse.seconds_between('previous_reached_at', 'reached_at') }}
            as seconds_from_previous_step,
        entered_at,
        reached_at
    from {{ prefix }}_step_{{ step.number }}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}

)
{%- endmacro %}

{#-
    The funnels of var product_warehouse_funnels, validated and
    normalised: a list of {name, steps: [{number, name, event, where}],
    scope, ordered, window_minutes, count, breakdown}. A malformed
    definition fails compilation with a message naming the funnel.
-#}
{% macro funnel_definitions() -%}
    {%- set funnels = var('product_warehouse_funnels') -%}
    {%- if funnels is string or funnels is mapping -%}
        {{ exceptions.raise_compiler_error("product_warehouse_funnels must be a list of funnel definitions") }}
    {%- endif -%}
    {%- set definitions = [] -%}
    {%- set names = [] -%}
    {%- for funnel in funnels -%}
        {%- if funnel is not mapping or not funnel.get('name') -%}
            {{ exceptions.raise_compiler_error(
                "product_warehouse_funnels: entry " ~ loop.index ~ " needs a name (got " ~ funnel ~ ")") }}
        {%- endif -%}
        {%- if funnel['name'] in names -%}
            {{ exceptions.raise_compiler_error(
                "product_warehouse_funnels: two funnels are named '" ~ funnel['name'] ~ "'") }}
        {%- endif -%}
        {%- do names.append(funnel['name']) -%}
        {%- do definitions.append(product_warehouse.normalize_funnel(
            name=funnel['name'],
            steps=funnel.get('steps'),
            scope=funnel.get('scope', 'session'),
            ordered=funnel.get('ordered', true),
            window_minutes=funnel.get('window_minutes'),
            count=funnel.get('count'),
            breakdown=funnel.get('breakdown'),
        )) -%}
    {%- endfor -%}
    {{ return(definitions) }}
{%- endmacro %}

{#- Columns of wh_product_events_fact a funnel may break down by. -#}
{% macro funnel_breakdown_columns() -%}
    {{ return(['event_name', 'event_type', 'source_table', 'page_url', 'page_path', 'referrer',
               'utm_source', 'utm_medium', 'utm_campaign', 'product_id', 'order_id',
               'source_session_id']) }}
{%- endmacro %}

{#- One funnel's definition checked and normalised (see funnel_definitions). -#}
{% macro normalize_funnel(name, steps, scope='session', ordered=true, window_minutes=none, count=none, breakdown=none) -%}
    {%- set problem = "product_warehouse funnel '" ~ name ~ "': " -%}
    {%- if steps is none or steps is string or steps is mapping or steps | length == 0 -%}
        {{ exceptions.raise_compiler_error(problem ~ "steps must be a non-empty list") }}
    {%- endif -%}
    {%- if scope not in ['session', 'visitor'] -%}
        {{ exceptions.raise_compiler_error(problem ~ "unknown scope '" ~ scope ~ "' (session or visitor)") }}
    {%- endif -%}
    {%- if ordered not in [true, false] -%}
        {{ exceptions.raise_compiler_error(problem ~ "ordered must be true or false, got '" ~ ordered ~ "'") }}
    {%- endif -%}
    {%- if window_minutes is not none and (window_minutes is string or window_minutes is not number or window_minutes <= 0) -%}
        {{ exceptions.raise_compiler_error(problem ~ "window_minutes must be a positive number, got '" ~ window_minutes ~ "'") }}
    {%- endif -%}
    {%- set count = count or (scope ~ 's') -%}
    {%- if count not in ['sessions', 'visitors'] -%}
        {{ exceptions.raise_compiler_error(problem ~ "unknown count '" ~ count ~ "' (sessions or visitors)") }}
    {%- endif -%}
    {%- if breakdown is not none and breakdown not in product_warehouse.funnel_breakdown_columns() -%}
        {{ exceptions.raise_compiler_error(problem ~ "unknown breakdown column '" ~ breakdown
            ~ "' (one of " ~ product_warehouse.funnel_breakdown_columns() | join(', ') ~ ")") }}
    {%- endif -%}
    {%- set normalized = [] -%}
    {%- for step in steps -%}
        {%- if step is mapping -%}
            {%- if not step.get('event') -%}
                {{ exceptions.raise_compiler_error(problem ~ "step " ~ loop.index ~ " has no event") }}
            {%- endif -%}
            {%- do normalized.append({'number': loop.index, 'event': step['event'] | string,
                                      'name': (step.get('name') or step['event']) | string,
                                      'where': step.get('where')}) -%}
        {%- elif step is string and step | length > 0 -%}
            {%- do normalized.append({'number': loop.index, 'event': step, 'name': step, 'where': none}) -%}
        {%- else -%}
            {{ exceptions.raise_compiler_error(problem ~ "step " ~ loop.index ~ " must be an event name or {name, event, where}") }}
        {%- endif -%}
    {%- endfor -%}
    {{ return({'name': name | string, 'steps': normalized, 'scope': scope, 'ordered': ordered,
               'window_minutes': window_minutes, 'count': count, 'breakdown': breakdown}) }}
{%- endmacro %}

{#-
    The per-event-name count columns of the sessions fact, from var
    product_warehouse_session_event_counts, as [event name, column name]
    pairs. An entry is an event name (column: <slug>_count) or a mapping
    {event: <name>, column: <column name>}.
-#}
{% macro session_event_count_columns() -%}
    {%- set entries = var('product_warehouse_session_event_counts') -%}
    {%- if entries is string or entries is mapping -%}
        {{ exceptions.raise_compiler_error(
            "product_warehouse_session_event_counts must be a list, got: " ~ entries) }}
    {%- endif -%}
    {%- set pairs = [] -%}
    {%- set seen = [] -%}
    {%- for entry in entries -%}
        {%- if entry is mapping -%}
            {%- if 'event' not in entry -%}
                {{ exceptions.raise_compiler_error(
                    "product_warehouse_session_event_counts: entry " ~ entry ~ " has no 'event'") }}
            {%- endif -%}
            {%- set event = entry['event'] | string -%}
            {%- set column = entry.get('column') -%}
        {%- else -%}
            {%- set event = entry | string -%}
            {%- set column = none -%}
        {%- endif -%}
        {%- if column is none -%}
            {%- set slug = modules.re.sub('[^a-z0-9]+', '_', event | lower).strip('_') -%}
            {%- set column = (slug or 'event') ~ '_count' -%}
            {%- if column[0] in '0123456789' -%}{%- set column = 'event_' ~ column -%}{%- endif -%}
        {%- endif -%}
        {%- if not modules.re.match('^[a-z_][a-z0-9_]*$', column) -%}
            {{ exceptions.raise_compiler_error(
                "product_warehouse_session_event_counts: column name '" ~ column
                ~ "' for event '" ~ event ~ "' must be lower-case letters, digits and _") }}
        {%- endif -%}
        {%- if column in seen -%}
            {{ exceptions.raise_compiler_error(
                "product_warehouse_session_event_counts: two entries make column '" ~ column
                ~ "'; give one of them {event: ..., column: ...}") }}
        {%- endif -%}
        {%- do seen.append(column) -%}
        {%- do pairs.append([event, column]) -%}
    {%- endfor -%}
    {{ return(pairs) }}
{%- endmacro %}

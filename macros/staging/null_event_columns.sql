{#-
    The event columns of a record that is not an event (identifies,
    aliases), as typed nulls: source_session_id through revenue, in the
    order of canonical_columns. Each line ends with a comma.
-#}
{% macro null_event_columns() -%}
    {%- set not_event = ['event_id', 'anonymous_id', 'user_id', 'occurred_at', 'received_at'] -%}
    {%- for name, data_type in product_warehouse.canonical_columns()
        if name not in not_event and not name.startswith('trait_') %}
        cast(null as {{ data_type }}) as {{ name }},
    {%- endfor %}
{%- endmacro %}

{#-
    The window partition a session lives in. With inactivity sessions that
    is the visitor; with source sessions it is the visitor and the session
    id the events carry (events without one form their own partition and
    are split by inactivity).
-#}
{% macro session_partition_columns() -%}
    {%- set mode = var('product_warehouse_sessionization') -%}
    {%- if mode == 'source' -%}
        {{ return(['visitor_id', 'source_session_id']) }}
    {%- else -%}
        {{ return(['visitor_id']) }}
    {%- endif -%}
{%- endmacro %}

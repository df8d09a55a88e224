{#-
    The raw columns a staging model reads from one kind of raw table, as
    data: a list of {name, data_type, is_timestamp} (Fivetran's
    staging_columns pattern). The staging model selects them through
    fill_staging_columns, so a column the loader never created (loaders
    add one when a property is first sent) reads as a typed null, and then
    renames them to the canonical columns in plain SQL.
    record_type: track, page, identify, alias (Segment and RudderStack
    tables) or custom (the user's own events model).
-#}
{% macro cdp_columns(record_type) -%}
    {%- set string = dbt.type_string() -%}
    {%- set double = product_warehouse.type_double() -%}
    {%- set names = {
        'track': [
            'id', 'anonymous_id', 'user_id', 'context_session_id', 'event',
            'context_page_url', 'context_page_path', 'context_page_referrer',
            'context_campaign_source', 'context_campaign_medium',
            'context_campaign_name', 'product_id', 'order_id', 'revenue',
        ],
        'page': [
            'id', 'anonymous_id', 'user_id', 'context_session_id',
            'url', 'path', 'referrer',
            'context_campaign_source', 'context_campaign_medium',
            'context_campaign_name', 'product_id', 'order_id', 'revenue',
        ],
        'identify': ['id', 'anonymous_id', 'user_id']
            + product_warehouse.user_trait_columns(),
        'alias': ['id', 'previous_id', 'user_id'],
        'custom': [
            'event_id', 'anonymous_id', 'user_id', 'session_id', 'event_name',
            'event_type', 'page_url', 'page_path', 'referrer', 'utm_source',
            'utm_medium', 'utm_campaign', 'product_id', 'order_id', 'revenue',
        ],
    } -%}
    {%- set timestamps = {'custom': ['occurred_at', 'received_at']} -%}
    {%- if record_type not in names -%}
        {{ exceptions.raise_compiler_error(
            "cdp_columns: unknown record_type '" ~ record_type ~ "'") }}
    {%- endif -%}
    {%- set columns = [] -%}
    {%- for name in names[record_type] -%}
        {%- do columns.append({
            'name': name,
            'data_type': double if name == 'revenue' else string,
            'is_timestamp': false}) -%}
    {%- endfor -%}
    {%- for name in timestamps.get(record_type, ['timestamp', 'received_at']) -%}
        {%- do columns.append({
            'name': name, 'data_type': dbt.type_timestamp(), 'is_timestamp': true}) -%}
    {%- endfor -%}
    {{ return(columns) }}
{%- endmacro %}

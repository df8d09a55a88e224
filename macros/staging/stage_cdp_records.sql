{#-
    One staging model's select: every raw row of `relation`, 1:1 and
    unfiltered, renamed to the canonical columns. Columns the raw table
    lacks come out as typed nulls; empty-string ids become null; timestamps
    become UTC. record_type is one of track, page, identify, alias, custom
    and fixes the mapping from raw to canonical columns. With optional=true a
    relation that does not exist reads as an empty table.
-#}
{% macro stage_cdp_records(relation, source_table, record_type, optional=false) -%}
    {%- set mappings = {
        'track': {
            'event_id': 'id', 'anonymous_id': 'anonymous_id', 'user_id': 'user_id',
            'source_session_id': 'context_session_id',
            'event_name': 'event',
            'page_url': 'context_page_url', 'page_path': 'context_page_path',
            'referrer': 'context_page_referrer',
            'utm_source': 'context_campaign_source', 'utm_medium': 'context_campaign_medium',
            'utm_campaign': 'context_campaign_name',
            'product_id': 'product_id', 'order_id': 'order_id', 'revenue': 'revenue',
            'occurred_at': 'timestamp', 'received_at': 'received_at',
        },
        'page': {
            'event_id': 'id', 'anonymous_id': 'anonymous_id', 'user_id': 'user_id',
            'source_session_id': 'context_session_id',
            'page_url': 'url', 'page_path': 'path', 'referrer': 'referrer',
            'utm_source': 'context_campaign_source', 'utm_medium': 'context_campaign_medium',
            'utm_campaign': 'context_campaign_name',
            'product_id': 'product_id', 'order_id': 'order_id', 'revenue': 'revenue',
            'occurred_at': 'timestamp', 'received_at': 'received_at',
        },
        'identify': {
            'event_id': 'id', 'anonymous_id': 'anonymous_id', 'user_id': 'user_id',
            'occurred_at': 'timestamp', 'received_at': 'received_at',
        },
        'alias': {
            'event_id': 'id', 'anonymous_id': 'previous_id', 'user_id': 'user_id',
            'occurred_at': 'timestamp', 'received_at': 'received_at',
        },
        'custom': {
            'event_id': 'event_id', 'anonymous_id': 'anonymous_id', 'user_id': 'user_id',
            'source_session_id': 'session_id',
            'event_name': 'event_name', 'event_type': 'event_type',
            'page_url': 'page_url', 'page_path': 'page_path', 'referrer': 'referrer',
            'utm_source': 'utm_source', 'utm_medium': 'utm_medium', 'utm_campaign': 'utm_campaign',
            'product_id': 'product_id', 'order_id': 'order_id', 'revenue': 'revenue',
            'occurred_at': 'occurred_at', 'received_at': 'received_at',
        },
    } -%}
    {%- if record_type not in mappings -%}
        {{ exceptions.raise_compiler_error(
            "stage_cdp_records: unknown record_type '" ~ record_type ~ "'") }}
    {%- endif -%}
    {%- set mapping = mappings[record_type] -%}
    {%- if record_type == 'identify' -%}
        {%- for trait in product_warehouse.user_trait_columns() -%}
            {%- do mapping.update({'trait_' ~ trait: trait}) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- set column_types = product_warehouse.get_column_types(relation) -%}
    {%- set id_columns = ['event_id', 'anonymous_id', 'user_id', 'source_session_id'] -%}

    {%- if execute and record_type == 'custom' -%}
        {%- for required in ['event_id', 'occurred_at', 'event_name', 'event_type', 'anonymous_id', 'user_id'] -%}
            {%- if required not in column_types -%}
                {{ exceptions.raise_compiler_error(
                    "product_warehouse: the custom events model " ~ relation
                    ~ " has no column '" ~ required ~ "'; it needs event_id, occurred_at,"
                    ~ " event_name, event_type, anonymous_id and user_id (README, custom events).") }}
            {%- endif -%}
        {%- endfor -%}
    {%- endif %}

{%- set expressions = [] -%}
    {%- for column in product_warehouse.canonical_columns() -%}
        {%- set name, data_type = column[0], column[1] -%}
        {%- set raw = mapping.get(name) -%}
        {%- if name == 'event_type' and record_type in ['track', 'page'] -%}
            {%- set expression = product_warehouse.string_literal(record_type) -%}
        {%- elif name == 'event_name' and record_type == 'page' -%}
            {%- set expression = product_warehouse.string_literal(var('product_warehouse_page_event_name')) -%}
        {%- elif raw is none or raw not in column_types -%}
            {%- set expression = 'cast(null as ' ~ data_type ~ ')' -%}
        {%- elif name in ['occurred_at', 'received_at'] -%}
            {%- set expression = product_warehouse.to_utc_timestamp(raw, column_types[raw]) -%}
        {%- elif name in id_columns -%}
            {%- set expression = "nullif(cast(" ~ raw ~ " as " ~ data_type ~ "), '')" -%}
        {%- else -%}
            {%- set expression = 'cast(' ~ raw ~ ' as ' ~ data_type ~ ')' -%}
        {%- endif -%}
        {%- do expressions.append(expression ~ ' as ' ~ name) -%}
    {%- endfor -%}
    {#- A relation with no columns does not exist (get_column_types is
        empty then on every adapter), so no second introspection query. -#}
    {%- set is_missing = optional and execute and column_types | length == 0 %}

select
    {{ product_warehouse.string_literal(source_table) }} as source_table,
    {{ product_warehouse.string_literal(record_type) }} as record_type,
    {%- for expression in expressions %}
    {{ expression }}{{ ',' if not loop.last }}
    {%- endfor %}

{% if is_missing -%}
{#- An optional raw table that does not exist yet reads as empty. -#}
from (select 1 as placeholder) as missing_{{ source_table }}
where 1 = 0
{%- else -%}
from {{ relation }}
{%- endif %}
{%- endmacro %}

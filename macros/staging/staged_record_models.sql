{#-
    The staging relations for the configured CDP. kind: 'events' (track,
    page and custom calls: what the events fact is made of) or 'all'
    (events plus identifies and aliases, which feed identity only).
-#}
{% macro staged_record_models(kind='all') -%}
    {%- set cdp = var('product_warehouse_cdp') -%}
    {%- if cdp == 'custom' -%}
        {%- if not var('product_warehouse_custom_events_model') -%}
            {{ exceptions.raise_compiler_error(
                "product_warehouse: product_warehouse_cdp is 'custom', so set product_warehouse_custom_events_model"
                ~ " to the name of the model in your project that has the canonical event columns.") }}
        {%- endif -%}
        {%- set events = [ref('stg_product_custom__events')] -%}
        {%- set identity = [] -%}
    {%- elif cdp in ['segment', 'rudderstack'] -%}
        {%- set events = [ref('stg_product_cdp__tracks'), ref('stg_product_cdp__pages')] -%}
        {%- set identity = [ref('stg_product_cdp__identifies')] -%}
        {%- if cdp == 'rudderstack' -%}
            {%- do identity.append(ref('stg_product_rudderstack__aliases')) -%}
        {%- endif -%}
    {%- else -%}
        {{ exceptions.raise_compiler_error(
            "product_warehouse: product_warehouse_cdp must be segment, rudderstack or custom, got '" ~ cdp ~ "'") }}
    {%- endif -%}
    {{ return(events if kind == 'events' else events + identity) }}
{%- endmacro %}

{#- The record types that are events (rows of the events fact). -#}
{% macro event_record_types() -%}
    {{ return(['track', 'page', 'custom']) }}
{%- endmacro %}

{#- union all of the staged records of `kind` ('all' or 'events'), with
    source_table, record_type and the canonical columns named, not by
    position. -#}
{% macro union_staged_records(kind='all') -%}
    {%- set columns = product_warehouse.record_columns() -%}
    {%- for relation in product_warehouse.staged_record_models(kind) %}
    select
        {{ columns | join(',\n        ') }}
    from {{ relation }}
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
{%- endmacro %}

{#- source_table, record_type and the canonical columns, each prefixed
    with `qualifier.` when one is given. -#}
{% macro record_columns(qualifier=none) -%}
    {%- set names = ['source_table', 'record_type']
        + (product_warehouse.canonical_columns() | map('first') | list) -%}
    {%- if qualifier -%}
        {{ return(names | map('replace', '', qualifier ~ '.', 1) | list) }}
    {%- endif -%}
    {{ return(names) }}
{%- endmacro %}

{#- One string key per record id: `source_table:event_id`, null without an
    id (ids are unique per source table, and the table names hold no ':'). -#}
{% macro record_key(source_table='source_table', event_id='event_id') -%}
    {{ dbt.concat([source_table, "':'", event_id]) }}
{%- endmacro %}

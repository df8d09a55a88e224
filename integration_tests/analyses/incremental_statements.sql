{#- The statements an incremental run of the package's models issues
    after building the new rows, so the offline dialect check parses them
    too: the `visitor_replace` strategy (delete this run's visitors, insert
    the new rows), or on adapters without custom strategies the pre-hook's
    delete. Rendered for the events fact (the other models replace
    visitors too and differ only in their columns) and for the identified
    records, which replace records. -#}
-- depends_on: {{ ref('int_product_incremental_visitors') }}
-- depends_on: {{ ref('int_product_incremental_records') }}
{%- set events_fact = ref('wh_product_events_fact') -%}
{%- set new_rows = events_fact.incorporate(path={'identifier': 'wh_product_events_fact__dbt_tmp'}) -%}
{%- if product_warehouse.incremental_strategy() == 'visitor_replace' %}
{{ product_warehouse.visitor_replace_sql(
    events_fact, new_rows, [{'name': 'event_id'}, {'name': 'visitor_id'}, {'name': 'received_at'}]) }}
{%- else %}
{{ product_warehouse.delete_replaced_rows(events_fact) }}
{%- endif %};
{%- set records = ref('int_product_records_identified') -%}
{%- set new_records = records.incorporate(path={'identifier': 'int_product_records_identified__dbt_tmp'}) -%}
{%- if product_warehouse.incremental_strategy() == 'visitor_replace' %}
{{ product_warehouse.visitor_replace_sql(
    records, new_records, [{'name': 'record_key'}, {'name': 'visitor_id'}, {'name': 'received_at'}], 'records') }}
{%- else %}
{{ product_warehouse.delete_replaced_rows(records, 'records') }}
{%- endif %}

{#- The statements an incremental run of the package's models issues
    after building the new rows, so the offline dialect check parses them
    too: the `visitor_replace` strategy (delete the rows this run
    replaces, insert the new rows), or on adapters without custom
    strategies the pre-hook's delete. Rendered once per way of replacing
    rows: from each visitor's reopen point (the events fact; sessions and
    journeys differ only in columns), whole visitors (the users
    dimension), and records (the identified records). -#}
-- depends_on: {{ ref('int_product_incremental_visitors') }}
-- depends_on: {{ ref('int_product_incremental_records') }}
{%- set cases = [
    ('wh_product_events_fact', 'event_id', 'visitors',
        {'column': 'occurred_at', 'point': 'reopen_at', 'key': 'event_id'}),
    ('wh_product_users_dim', 'visitor_id', 'visitors', none),
    ('int_product_records_identified', 'record_key', 'records', none),
] -%}
{%- for name, key, replaces, reopen in cases -%}
{%- set target = ref(name) -%}
{%- set new_rows = target.incorporate(path={'identifier': name ~ '__dbt_tmp'}) -%}
{%- if product_warehouse.incremental_strategy() == 'visitor_replace' %}
{{ product_warehouse.visitor_replace_sql(
    target, new_rows, [{'name': key}, {'name': 'visitor_id'}, {'name': 'received_at'}],
    replaces, reopen) }}
{%- else %}
{{ product_warehouse.delete_replaced_rows(target, replaces, reopen) }}
{%- endif %}
{%- if not loop.last %};{% endif %}
{%- endfor %}

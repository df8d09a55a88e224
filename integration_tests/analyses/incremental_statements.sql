{#- The statements an incremental run of the package's models issues in its
    hooks (affected visitors, then the delete), so the offline dialect check
    parses them too. Rendered for the events fact; the other models differ
    only in the watermark column. -#}
{%- set events_fact = ref('wh_product_events_fact') -%}
{%- set affected = events_fact.incorporate(path={'identifier': 'wh_product_events_fact__pw_affected'}) -%}
drop table if exists {{ affected }};

{#- The hook wraps this in the adapter's own create_table_as. -#}
{{ product_warehouse.affected_visitors_sql('received_at', events_fact) }};

{{ product_warehouse.delete_visitor_rows(events_fact, affected) }};

drop table if exists {{ affected }}

{#- Sessions (README, "Sessions"): the rules live in
    sessionized_events_sql, which wh_product_events_fact also runs. -#}
{{ product_warehouse.sessionized_events_sql(
    ref('int_product_records_identified')) }}

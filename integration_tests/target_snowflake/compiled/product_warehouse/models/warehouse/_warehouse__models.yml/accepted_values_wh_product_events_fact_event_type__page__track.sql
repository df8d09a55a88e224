
    
    

with all_values as (

    select
        event_type as value_field,
        count(*) as n_records

    from offline.main.wh_product_events_fact
    group by event_type

)

select *
from all_values
where value_field not in (
    'page','track'
)



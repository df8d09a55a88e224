
    
    

with child as (
    select event_id as from_field
    from `offline-project`.`main`.`wh_product_journeys_fact`
    where event_id is not null
),

parent as (
    select event_id as to_field
    from `offline-project`.`main`.`wh_product_events_fact`
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null




    
    

with child as (
    select last_session_id as from_field
    from offline.main.wh_product_users_dim
    where last_session_id is not null
),

parent as (
    select session_id as to_field
    from offline.main.wh_product_sessions_fact
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null



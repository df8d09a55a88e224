
    
    

select
    visitor_id as unique_field,
    count(*) as n_records

from offline.main.int_product_user_traits
where visitor_id is not null
group by visitor_id
having count(*) > 1



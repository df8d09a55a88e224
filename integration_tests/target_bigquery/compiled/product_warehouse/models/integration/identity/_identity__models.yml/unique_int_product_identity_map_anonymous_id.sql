
    
    

with dbt_test__target as (

  select anonymous_id as unique_field
  from `offline-project`.`main`.`int_product_identity_map`
  where anonymous_id is not null

)

select
    unique_field,
    count(*) as n_records

from dbt_test__target
group by unique_field
having count(*) > 1



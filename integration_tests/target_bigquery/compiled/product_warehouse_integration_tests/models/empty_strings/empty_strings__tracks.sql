

select
    coalesce(id, '') as id,
    coalesce(anonymous_id, '') as anonymous_id,
    coalesce(user_id, '') as user_id,
    * exclude (id, anonymous_id, user_id)
from `offline-project`.`segment`.`tracks`
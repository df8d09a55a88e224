with

identifies as (

    select
        visitor_id,
        event_id,
        trait_email,
        trait_plan,
        occurred_at

    from "offline"."main"."int_product_records_identified"
    where record_type = 'identify'

),identifies_ranked as (

    select
        visitor_id,
        trait_email,
        row_number() over (
            partition by
                visitor_id,
                case when trait_email is null then 1 else 0 end
            order by occurred_at desc, event_id desc
        ) as email_rank,
        trait_plan,
        row_number() over (
            partition by
                visitor_id,
                case when trait_plan is null then 1 else 0 end
            order by occurred_at desc, event_id desc
        ) as plan_rank,
        occurred_at

    from identifies

),

user_traits as (

    select
        visitor_id,
        max(
            case when email_rank = 1 then trait_email end
        ) as email,
        max(
            case when plan_rank = 1 then trait_plan end
        ) as plan,
        max(occurred_at) as last_identified_at

    from identifies_ranked
    group by visitor_id

)

select * from user_traits
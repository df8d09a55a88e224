with

events as (

    select
        event_id,
        session_id,
        visitor_id,
        event_name,
        event_sequence_number

    from "offline"."main"."wh_product_events_fact"

),

journeys as (

    select
        event_id,
        session_id,
        visitor_id,
        event_name,
        lead(event_name, 1) over (
            partition by session_id
            order by event_sequence_number
        ) as event_2,
        lead(event_name, 2) over (
            partition by session_id
            order by event_sequence_number
        ) as event_3,
        event_sequence_number

    from events

),

journeys_with_path as (

    select
        event_id,
        session_id,
        visitor_id,
        event_name,
        event_2,
        event_3,
        nullif(substr(case when event_name is null then '' else ' > ' || event_name end || case when event_2 is null then '' else ' > ' || event_2 end || case when event_3 is null then '' else ' > ' || event_3 end, 4), '') as journey_path,
        event_sequence_number

    from journeys

)

select * from journeys_with_path
with

session_paths as (

    select
        session_id,
        journey_path

    from {{ ref('wh_product_journeys_fact') }}
    where event_sequence_number = 1

),

path_counts as (

    select
        journey_path,
        count(*) as session_count

    from session_paths
    group by 1

),

path_shares as (

    select
        journey_path,
        session_count,
        cast(session_count as {{ product_warehouse.type_double() }})
        / sum(session_count) over () as share_of_sessions,
        rank() over (order by session_count desc) as path_rank

    from path_counts

)

select * from path_shares

{#-
    The visitors list (docs/incremental.md): every visitor a new record
    names (its user_id, its anonymous_id, every user ever linked to that
    anonymous_id), each rebuilt whole (reopen_at null) or reopened, with
    its reopen points and what the events fact needs to number on from
    the sessions that stay. Empty on a full build.
-#}
{%- set timeout_seconds =
    var('product_warehouse_session_inactivity_minutes') * 60 -%}
{%- set identified = product_warehouse.stored_model_relation(
    'int_product_records_identified', 'received_at') -%}
{%- set stored_sessions = product_warehouse.stored_model_relation(
    'wh_product_sessions_fact', 'last_received_at') -%}
{%- set stored_events = product_warehouse.stored_model_relation(
    'wh_product_events_fact', 'received_at') -%}
{%- set journey_length = var('product_warehouse_journey_length') | int -%}
{%- set can_reopen = identified is not none
    and stored_sessions is not none
    and stored_events is not none
    and var('product_warehouse_sessionization') != 'source' %}

with

run as (

    select cutoff_at
    from {{ ref('int_product_incremental_run') }}

),

new_records as (

    select
        new_records.source_table,
        new_records.event_id,
        new_records.anonymous_id,
        new_records.user_id,
        new_records.occurred_at,
        run.cutoff_at

    from {{ ref('int_product_incremental_new_records') }} as new_records
    cross join run

),

{% if identified is not none -%}
    new_anonymous_ids as (

        select distinct anonymous_id

        from new_records
        where anonymous_id is not null

    ),

    {#- The links (anonymous_id -> user_id) of the new records' anonymous ids
        that records received before the cutoff carried, all stored in the
        identified records; is_kept: a kept record carried it. -#}
    earlier_links as (

        select
            identified.anonymous_id,
            identified.user_id,
            max(
                case when identified.rejection_reason is null then 1 else 0 end
            ) as is_kept

        from {{ identified }} as identified
        inner join new_anonymous_ids
            on identified.anonymous_id = new_anonymous_ids.anonymous_id
        cross join run
        where
            identified.user_id is not null
            and identified.received_at < run.cutoff_at
        group by 1, 2

    ),
{%- endif %}

{#- Every user any record links a new record's anonymous_id to. -#}
links as (

    select
        anonymous_id,
        user_id

    from new_records
    where anonymous_id is not null and user_id is not null
    {%- if identified is not none %}

    union all

    select
        anonymous_id,
        user_id

    from earlier_links
    {%- endif %}

),

{% if can_reopen -%}
    anonymous_ids_with_several_users as (

        select anonymous_id

        from links
        group by 1
        having count(distinct user_id) > 1

    ),

    ids_with_earlier_copies as (

        select distinct
            new_records.source_table,
            new_records.event_id

        from new_records
        inner join {{ identified }} as identified
            on
                new_records.source_table = identified.source_table
                and new_records.event_id = identified.event_id
        where identified.received_at < new_records.cutoff_at

    ),

    new_records_checked as (

        select
            new_records.anonymous_id,
            new_records.user_id,
            new_records.occurred_at,
            case
                when new_records.cutoff_at is null then 1
                when new_records.occurred_at is null then 1
                when ids_with_earlier_copies.event_id is not null then 1
                when
                    new_records.anonymous_id is not null
                    and new_records.user_id is not null
                    and (
                        earlier_links.anonymous_id is null
                        or several.anonymous_id is not null
                    )
                    then 1
                else 0
            end as rebuilds_whole

        from new_records
        left join earlier_links
            on
                new_records.anonymous_id = earlier_links.anonymous_id
                and new_records.user_id = earlier_links.user_id
                and earlier_links.is_kept = 1
        left join anonymous_ids_with_several_users as several
            on new_records.anonymous_id = several.anonymous_id
        left join ids_with_earlier_copies
            on
                new_records.source_table = ids_with_earlier_copies.source_table
                and new_records.event_id = ids_with_earlier_copies.event_id

    ),
{%- else -%}
    new_records_checked as (

        select
            anonymous_id,
            user_id,
            occurred_at,
            1 as rebuilds_whole

        from new_records

    ),
{%- endif %}

candidates as (

    select
        anonymous_id as visitor_id,
        occurred_at,
        rebuilds_whole

    from new_records_checked
    where anonymous_id is not null

    union all

    select
        user_id as visitor_id,
        occurred_at,
        rebuilds_whole

    from new_records_checked
    where user_id is not null

    union all

    select
        links.user_id as visitor_id,
        new_records_checked.occurred_at,
        new_records_checked.rebuilds_whole

    from new_records_checked
    inner join links
        on new_records_checked.anonymous_id = links.anonymous_id

),

visitors as (

    select
        visitor_id,
        max(rebuilds_whole) as rebuilds_whole,
        min(occurred_at) as earliest_new_at

    from candidates
    group by 1

),

{% if can_reopen -%}
    reopened_visitors as (

        select
            visitor_id,
            earliest_new_at

        from visitors
        where rebuilds_whole = 0

    ),

    sessions_classified as (

        select
            reopened_visitors.visitor_id,
            reopened_visitors.earliest_new_at,
            sessions.session_id,
            sessions.session_start_at,
            sessions.session_end_at,
            case
                when
                    {{ product_warehouse.seconds_between(
                        'sessions.session_end_at',
                        'reopened_visitors.earliest_new_at') }}
                    > {{ timeout_seconds }}
                    then 1
                else 0
            end as is_untouched

        from {{ stored_sessions }} as sessions
        inner join reopened_visitors
            on sessions.visitor_id = reopened_visitors.visitor_id

    ),

    reopen_points as (

        select
            visitor_id,
            count(
                case when is_untouched = 1 then session_start_at end
            ) as sessions_before,
            min(
                case when is_untouched = 0 then session_start_at end
            ) as first_touched_start_at,
            max(
                case when is_untouched = 1 then session_end_at end
            ) as previous_event_at,
            max(
                case when is_untouched = 1 then session_start_at end
            ) as previous_session_start_at

        from sessions_classified
        group by 1

    ),

    {#- ADR 0010: the first touched session T, when it started before the
        earliest new event e; the visitor continues it. -#}
    continued_sessions as (

        select
            sessions_classified.visitor_id,
            sessions_classified.session_id,
            sessions_classified.session_start_at,
            sessions_classified.earliest_new_at

        from sessions_classified
        inner join reopen_points
            on
                sessions_classified.visitor_id = reopen_points.visitor_id
                and sessions_classified.session_start_at
                = reopen_points.first_touched_start_at
        where
            sessions_classified.is_untouched = 0
            and sessions_classified.session_start_at
            < sessions_classified.earliest_new_at

    ),

    {#- T's stored events before e: they stay. position_from_end: 1 is
        the last of them. -#}
    continued_events as (

        select
            continued_sessions.visitor_id,
            events.occurred_at,
            row_number() over (
                partition by continued_sessions.visitor_id
                order by events.occurred_at desc, events.event_id desc
            ) as position_from_end

        from {{ stored_events }} as events
        inner join continued_sessions
            on
                events.visitor_id = continued_sessions.visitor_id
                and events.session_id = continued_sessions.session_id
        where events.occurred_at < continued_sessions.earliest_new_at

    ),

    {#- events_before: how many stay; last_kept_event_at: the last of
        them; journeys_reopen_at: the first of the last journey_length - 1
        of them, whose journeys reach into the rebuilt events. -#}
    continued_points as (

        select
            visitor_id,
            count(*) as events_before,
            max(occurred_at) as last_kept_event_at,
            min(
                case
                    when position_from_end <= {{ journey_length - 1 }}
                        then occurred_at
                end
            ) as journeys_reopen_at

        from continued_events
        group by 1

    ),

    reopened as (

        select
            reopened_visitors.visitor_id,
            continued_sessions.session_id as continued_session_id,
            continued_sessions.session_start_at as continued_session_start_at,
            coalesce(
                continued_points.events_before, 0
            ) as continued_events_before,
            case
                when continued_sessions.session_id is not null
                    then reopened_visitors.earliest_new_at
                when
                    reopen_points.first_touched_start_at
                    < reopened_visitors.earliest_new_at
                    then reopen_points.first_touched_start_at
                else reopened_visitors.earliest_new_at
            end as reopen_at,
            coalesce(reopen_points.sessions_before, 0)
            + case
                when continued_sessions.session_id is not null then 1 else 0
            end as sessions_before,
            case
                when continued_sessions.session_id is not null
                    then continued_points.last_kept_event_at
                else reopen_points.previous_event_at
            end as previous_event_at,
            case
                when continued_sessions.session_id is not null
                    then continued_sessions.session_start_at
                else reopen_points.previous_session_start_at
            end as previous_session_start_at,
            continued_points.journeys_reopen_at

        from reopened_visitors
        left join reopen_points
            on reopened_visitors.visitor_id = reopen_points.visitor_id
        left join continued_sessions
            on reopened_visitors.visitor_id = continued_sessions.visitor_id
        left join continued_points
            on reopened_visitors.visitor_id = continued_points.visitor_id

    ),
{%- else -%}
    reopened as (

        select
            visitor_id,
            cast(null as {{ dbt.type_string() }}) as continued_session_id,
            cast(
                null as {{ dbt.type_timestamp() }}
            ) as continued_session_start_at,
            0 as continued_events_before,
            cast(null as {{ dbt.type_timestamp() }}) as reopen_at,
            0 as sessions_before,
            cast(null as {{ dbt.type_timestamp() }}) as previous_event_at,
            cast(
                null as {{ dbt.type_timestamp() }}
            ) as previous_session_start_at,
            cast(null as {{ dbt.type_timestamp() }}) as journeys_reopen_at

        from visitors
        where 1 = 0

    ),
{%- endif %}

affected as (

    select
        visitors.visitor_id,
        reopened.reopen_at,
        reopened.previous_event_at,
        reopened.continued_session_id,
        reopened.continued_session_start_at,
        coalesce(reopened.sessions_before, 0) as sessions_before,
        coalesce(
            reopened.previous_session_start_at, reopened.reopen_at
        ) as sessions_reopen_at,
        coalesce(
            reopened.journeys_reopen_at, reopened.reopen_at
        ) as journeys_reopen_at,
        coalesce(
            reopened.continued_events_before, 0
        ) as continued_events_before

    from visitors
    left join reopened
        on visitors.visitor_id = reopened.visitor_id

)

select * from affected

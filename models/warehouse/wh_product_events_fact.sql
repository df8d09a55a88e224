{{ config(**product_warehouse.visitor_replace_config(
    unique_key='event_id', watermark_column='received_at',
    reopen_column='occurred_at')) }}
{#-
    Sessions (README, "Sessions"): the kept events of the identified
    records (track, page, custom), each with its session, sequence numbers
    and the seconds since the visitor's previous event.
    inactivity: per visitor, ordered by (occurred_at, event_id), a session
    starts at the first event and after every gap strictly longer than
    product_warehouse_session_inactivity_minutes, in exact seconds.
    source: per visitor and carried session id; events without one are
    split by inactivity among themselves.
    Incremental runs rebuild this run's visitors (a visitor's sessions
    depend on that visitor's events alone), each from its reopen_at
    (int_product_incremental_visitors; null: whole): the events before
    it are stored and stay, no new event can join their sessions, so the
    rebuilt part starts a session, its session numbers continue after
    the sessions_before stored ones, and its first event's previous event
    is the stored one at previous_event_at.
    A visitor that continues a stored session T (ADR 0010:
    continued_session_id) is rebuilt from its earliest new event: its
    rebuilt events before the rebuilt part's first session start
    (session_index 0) are T's, with T's id, start and number
    (sessions_before counts T), and event numbers after T's
    continued_events_before stored ones; later sessions are numbered on.
-#}
{%- set partition_by =
    product_warehouse.session_partition_columns() | join(', ') -%}
{%- set timeout_seconds =
    var('product_warehouse_session_inactivity_minutes') * 60 -%}
{%- set uses_source_sessions =
    var('product_warehouse_sessionization') == 'source' %}
-- depends_on: {{ ref('int_product_incremental_visitors') }}

with

{% if is_incremental() -%}
    affected as (

        select
            visitor_id,
            reopen_at,
            sessions_before,
            previous_event_at,
            continued_session_id,
            continued_session_start_at,
            continued_events_before

        from {{ ref('int_product_incremental_visitors') }}

    ),
{%- endif %}

events as (

    select
        records.event_id,
        records.visitor_id,
        records.resolved_user_id as user_id,
        records.anonymous_id,
        records.source_session_id,
        records.source_table,
        records.event_name,
        records.event_type,
        records.page_url,
        records.page_path,
        records.referrer,
        records.utm_source,
        records.utm_medium,
        records.utm_campaign,
        records.product_id,
        records.order_id,
        records.revenue,
        records.occurred_at,
        records.received_at,
        {%- if is_incremental() %}
            affected.sessions_before,
            affected.previous_event_at,
            affected.continued_session_id,
            affected.continued_session_start_at,
            affected.continued_events_before
        {%- else %}
            0 as sessions_before,
            cast(null as {{ dbt.type_timestamp() }}) as previous_event_at,
            cast(null as {{ dbt.type_string() }}) as continued_session_id,
            cast(
                null as {{ dbt.type_timestamp() }}
            ) as continued_session_start_at,
            0 as continued_events_before
        {%- endif %}

    from {{ ref('int_product_records_identified') }} as records
    {%- if is_incremental() %}
        inner join affected
            on
                records.visitor_id = affected.visitor_id
                and (
                    affected.reopen_at is null
                    or records.occurred_at >= affected.reopen_at
                )
    {%- endif %}
    where
        records.rejection_reason is null
        and records.record_type in (
            {{ product_warehouse.string_list(
                product_warehouse.event_record_types()) }}
        )

),

events_with_previous as (

    select
        *,
        {% if uses_source_sessions -%}
            lag(occurred_at) over (
                partition by {{ partition_by }}
                order by occurred_at, event_id
            ) as previous_in_session_scope_at,
        {% endif -%}
        coalesce(
            lag(occurred_at) over (
                partition by visitor_id
                order by occurred_at, event_id
            ),
            previous_event_at
        ) as previous_occurred_at

    from events

),

events_flagged as (

    {#- A gap strictly greater than the timeout, in exact seconds, starts a
        session; so does a visitor's (or source session's) first event. -#}
    select
        *,
        {#- With inactivity sessions the session scope is the visitor, so
            the visitor's previous event is the one to measure from. -#}
        {%- set previous_at = 'previous_in_session_scope_at'
            if uses_source_sessions else 'previous_occurred_at' %}
        case
            when {{ previous_at }} is null then 1
            {%- if uses_source_sessions %}
            when source_session_id is not null then 0
            {%- endif %}
            when
                {{ product_warehouse.seconds_between(
                previous_at, 'occurred_at') }}
                > {{ timeout_seconds }}
                then 1
            else 0
        end as is_session_start

    from events_with_previous

),

events_numbered as (

    select
        *,
        sum(is_session_start) over (
            partition by {{ partition_by }}
            order by occurred_at, event_id
            rows between unbounded preceding and current row
        ) as session_index

    from events_flagged

),

events_with_session_start as (

    select
        *,
        first_value(event_id) over (
            partition by {{ partition_by }}, session_index
            order by occurred_at, event_id
            rows between unbounded preceding and unbounded following
        ) as session_first_event_id,
        min(occurred_at) over (
            partition by {{ partition_by }}, session_index
        ) as rebuilt_session_start_at

    from events_numbered

),

events_with_session as (

    {#- session_index 0: before the rebuilt part's first session start,
        only in a continued session (the first event of any other rebuilt
        part starts a session). -#}
    select
        *,
        case
            when session_index = 0 then continued_session_id
            else
                {{ product_warehouse.generate_surrogate_key(
                    ['visitor_id', 'session_first_event_id']) }}
        end as session_id,
        case
            when session_index = 0 then continued_session_start_at
            else rebuilt_session_start_at
        end as session_start_at,
        case
            when session_index = 0 then 1 else 0
        end as is_continued

    from events_with_session_start

),

events_sequenced as (

    select
        event_id,
        visitor_id,
        user_id,
        anonymous_id,
        session_id,
        source_session_id,
        source_table,
        event_name,
        event_type,
        page_url,
        page_path,
        referrer,
        utm_source,
        utm_medium,
        utm_campaign,
        product_id,
        order_id,
        revenue,
        case
            when is_continued = 1 then sessions_before
            else
                sessions_before + dense_rank() over (
                    partition by visitor_id, is_continued
                    order by session_start_at, session_first_event_id
                )
        end as session_sequence_number,
        case
            when is_continued = 1 then continued_events_before else 0
        end
        + row_number() over (
            partition by session_id
            order by occurred_at, event_id
        ) as event_sequence_number,
        {{ product_warehouse.seconds_between(
            'previous_occurred_at', 'occurred_at') }}
            as seconds_since_previous_event,
        occurred_at,
        received_at

    from events_with_session

)

select * from events_sequenced

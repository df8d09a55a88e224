{{ config(**product_warehouse.visitor_replace_config(
    unique_key='event_id', watermark_column='received_at',
    reopen_column='occurred_at')) }}
{#-
    The kept events (track, page, custom) with their sessions: the
    sessions rule (docs/sessions-and-identity.md, "The rules") is this model's SQL. inactivity:
    a gap strictly longer than the timeout, in exact seconds, starts a
    session; source: the carried session id, events without one split by
    inactivity. Incremental (docs/incremental.md): rebuilds listed
    visitors from reopen_at, numbering on from the sessions that stay.
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
            affected.continued_events_before
        {%- else %}
            0 as sessions_before,
            cast(null as {{ dbt.type_timestamp() }}) as previous_event_at,
            cast(null as {{ dbt.type_string() }}) as continued_session_id,
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

{# The window passes below read only the columns the rules need; the
    other columns join back at the end by event_id, the fact's key:
    sorting narrow rows is what makes sessionizing cheap. #}
event_keys as (

    select
        event_id,
        visitor_id,
        source_session_id,
        occurred_at,
        sessions_before,
        previous_event_at,
        continued_session_id,
        continued_events_before

    from events

),

{# visitor_event_number: the event's place in its visitor's rebuilt
    events, in (occurred_at, event_id) order, the order of every rule
    below. #}
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
        ) as previous_occurred_at,
        row_number() over (
            partition by visitor_id
            order by occurred_at, event_id
        ) as visitor_event_number

    from event_keys

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

{# Within the session scope, in event order: session_index counts the
    session starts so far (0 before the first: a continued session's
    events), start_event_number is the visitor_event_number of the
    current session's first event, scope_event_number the event's place
    in its scope. #}
events_numbered as (

    select
        *,
        sum(is_session_start) over (
            partition by {{ partition_by }}
            order by visitor_event_number
            rows between unbounded preceding and current row
        ) as session_index,
        max(
            case when is_session_start = 1 then visitor_event_number end
        ) over (
            partition by {{ partition_by }}
            order by visitor_event_number
            rows between unbounded preceding and current row
        ) as start_event_number,
        row_number() over (
            partition by {{ partition_by }}
            order by visitor_event_number
        ) as scope_event_number

    from events_flagged

),

{# One row per rebuilt session that starts in this build: its first
    event, and its number among them in (start, first event) order. #}
session_starts as (

    select
        visitor_id,
        visitor_event_number as start_event_number,
        scope_event_number as start_scope_number,
        {{ product_warehouse.generate_surrogate_key(
            ['visitor_id', 'event_id']) }} as session_id,
        row_number() over (
            partition by visitor_id
            order by visitor_event_number
        ) as rebuilt_session_number

    from events_numbered
    where is_session_start = 1

),

{# session_index 0: before the rebuilt part's first session start, only
    in a continued session (the first event of any other rebuilt part
    starts a session): its stored id and number, and event numbers after
    its continued_events_before stored ones. #}
events_sequenced as (

    select
        events_numbered.event_id,
        case
            when events_numbered.session_index = 0
                then events_numbered.continued_session_id
            else session_starts.session_id
        end as session_id,
        events_numbered.sessions_before
        + coalesce(session_starts.rebuilt_session_number, 0)
            as session_sequence_number,
        case
            when events_numbered.session_index = 0
                then
                    events_numbered.continued_events_before
                    + events_numbered.scope_event_number
            else
                events_numbered.scope_event_number
                - session_starts.start_scope_number + 1
        end as event_sequence_number,
        {{ product_warehouse.seconds_between(
            'events_numbered.previous_occurred_at',
            'events_numbered.occurred_at') }}
            as seconds_since_previous_event

    from events_numbered
    left join session_starts
        on
            events_numbered.visitor_id = session_starts.visitor_id
            and events_numbered.start_event_number
            = session_starts.start_event_number

),

events_joined as (

    select
        events.event_id,
        events.visitor_id,
        events.user_id,
        events.anonymous_id,
        events_sequenced.session_id,
        events.source_session_id,
        events.source_table,
        events.event_name,
        events.event_type,
        events.page_url,
        events.page_path,
        events.referrer,
        events.utm_source,
        events.utm_medium,
        events.utm_campaign,
        events.product_id,
        events.order_id,
        events.revenue,
        events_sequenced.session_sequence_number,
        events_sequenced.event_sequence_number,
        events_sequenced.seconds_since_previous_event,
        events.occurred_at,
        events.received_at

    from events
    inner join events_sequenced
        on events.event_id = events_sequenced.event_id

)

select * from events_joined

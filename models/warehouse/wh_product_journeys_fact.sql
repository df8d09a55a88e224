{%- set journey_length = var('product_warehouse_journey_length') | int -%}
{%- set steps = ['event_name'] -%}
{%- for k in range(2, journey_length + 1) -%}
    {%- do steps.append('event_' ~ k) -%}
{%- endfor -%}

{{ config(**product_warehouse.visitor_replace_config(
    unique_key='event_id', watermark_column='received_at',
    reopen_column='occurred_at', reopen_point='journeys_reopen_at')) }}
{#- Incremental (docs/incremental.md): rebuilds listed visitors from
    journeys_reopen_at: the events the events fact rebuilt and, in a
    continued session, the last stored events before them whose journeys
    reach into them. -#}
-- depends_on: {{ ref('int_product_incremental_visitors') }}

with

{% if is_incremental() -%}
    affected as (

        select
            visitor_id,
            reopen_at,
            journeys_reopen_at

        from {{ ref('int_product_incremental_visitors') }}

    ),
{%- endif %}

events as (

    select
        events.event_id,
        events.session_id,
        events.visitor_id,
        events.event_name,
        events.event_sequence_number,
        events.occurred_at,
        events.received_at

    from {{ ref('wh_product_events_fact') }} as events
    {%- if is_incremental() %}
        inner join affected
            on events.visitor_id = affected.visitor_id
        where
            affected.reopen_at is null
            or events.occurred_at >= affected.journeys_reopen_at
    {%- endif %}

),

journeys as (

    select
        event_id,
        session_id,
        visitor_id,
        event_name,
        {%- for k in range(2, journey_length + 1) %}
            lead(event_name, {{ k - 1 }}) over (
                partition by session_id
                order by event_sequence_number
            ) as event_{{ k }},
        {%- endfor %}
        event_sequence_number,
        occurred_at,
        received_at

    from events

),

journeys_with_path as (

    select
        event_id,
        session_id,
        visitor_id,
        event_name,
        {%- for k in range(2, journey_length + 1) %}
            event_{{ k }},
        {%- endfor %}
        {{ product_warehouse.join_non_null(steps, ' > ') }} as journey_path,
        event_sequence_number,
        occurred_at,
        received_at

    from journeys

)

select * from journeys_with_path

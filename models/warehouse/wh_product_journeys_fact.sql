{%- set journey_length = var('product_warehouse_journey_length') | int -%}
{%- set steps = ['event_name'] -%}
{%- for k in range(2, journey_length + 1) -%}
    {%- do steps.append('event_' ~ k) -%}
{%- endfor -%}

{{ config(**product_warehouse.visitor_replace_config(
    unique_key='event_id', watermark_column='received_at')) }}
{#- Incremental runs rebuild this run's visitors (affected_visitors_filter). -#}
-- depends_on: {{ ref('int_product_incremental_visitors') }}

with

events as (

    select
        event_id,
        session_id,
        visitor_id,
        event_name,
        event_sequence_number,
        received_at

    from {{ ref('wh_product_events_fact') }}
    where {{ product_warehouse.affected_visitors_filter() }}

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
        received_at

    from journeys

)

select * from journeys_with_path

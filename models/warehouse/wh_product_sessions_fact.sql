{%- set event_counts = product_warehouse.session_event_count_columns() -%}
{#- An internal referrer host, or a subdomain of one, is no referrer. -#}
{%- set internal_host_matches = [] -%}
{%- for host in var('product_warehouse_internal_hosts') -%}
    {%- set host_literal = product_warehouse.string_literal(host | lower) -%}
    {%- set subdomain_literal = product_warehouse.string_literal('%.' ~ (host | lower)) -%}
    {%- do internal_host_matches.append('referrer_host = ' ~ host_literal) -%}
    {%- do internal_host_matches.append('referrer_host like ' ~ subdomain_literal) -%}
{%- endfor %}

{{ config(**product_warehouse.visitor_replace_config(
    unique_key='session_id', watermark_column='last_received_at',
    reopen_column='session_start_at', reopen_point='sessions_reopen_at')) }}
{#- Incremental runs rebuild this run's visitors, each from its
    sessions_reopen_at (int_product_incremental_visitors): the last stored
    session the events fact left alone is rebuilt too, for its
    next_session_start_at; a continued session (ADR 0010) is rebuilt from
    all its events, the stored ones before the new events included. -#}
-- depends_on: {{ ref('int_product_incremental_visitors') }}

with

{% if is_incremental() -%}
    affected as (

        select
            visitor_id,
            reopen_at,
            sessions_reopen_at

        from {{ ref('int_product_incremental_visitors') }}

    ),
{%- endif %}

events as (

    select
        events.event_id,
        events.session_id,
        events.visitor_id,
        events.user_id,
        events.event_name,
        events.event_type,
        events.page_path,
        events.referrer,
        events.utm_source,
        events.utm_medium,
        events.utm_campaign,
        events.session_sequence_number,
        events.event_sequence_number,
        events.occurred_at,
        events.received_at

    from {{ ref('wh_product_events_fact') }} as events
    {%- if is_incremental() %}
        inner join affected
            on events.visitor_id = affected.visitor_id
        where
            affected.reopen_at is null
            or events.occurred_at >= affected.sessions_reopen_at
    {%- endif %}

),

channel_sources as (

    select
        source_name,
        source_category

    from {{ ref('int_product_channel_sources') }}

),

session_totals as (

    select
        session_id,
        max(visitor_id) as visitor_id,
        max(user_id) as user_id,
        max(session_sequence_number) as session_sequence_number,
        count(*) as event_count,
        sum(
            case when event_type = 'page' then 1 else 0 end
        ) as page_view_count,
        {%- for event, column in event_counts %}
        sum(
            case
                when event_name = {{ product_warehouse.string_literal(event) }}
                    then 1
                else 0
            end
        ) as {{ column }},
        {%- endfor %}
        min(
            case when event_type = 'page' then event_sequence_number end
        ) as landing_page_number,
        max(
            case when event_type = 'page' then event_sequence_number end
        ) as exit_page_number,
        min(occurred_at) as session_start_at,
        max(occurred_at) as session_end_at,
        max(received_at) as last_received_at

    from events
    group by 1

),

landing_pages as (

    select
        events.session_id,
        events.page_path as landing_page_path,
        events.utm_source,
        events.utm_medium,
        events.utm_campaign,
        events.referrer

    from session_totals
    inner join events
        on
            session_totals.session_id = events.session_id
            and session_totals.landing_page_number
            = events.event_sequence_number

),

{# The landing page's source, medium, campaign and referrer host as the
    channel rules read them: lowercased, empty as null, an internal
    referrer host (product_warehouse_internal_hosts) as none. #}
landing_sources as (

    select
        session_id,
        nullif(lower(trim(utm_source)), '') as source_value,
        nullif(lower(trim(utm_medium)), '') as medium_value,
        nullif(lower(trim(utm_campaign)), '') as campaign_value,
        {{ product_warehouse.url_host('referrer') }} as referrer_host

    from landing_pages

),

landing_external_sources as (

    select
        session_id,
        source_value,
        medium_value,
        campaign_value,
        case
            when {{ internal_host_matches | join(' or ') or '1 = 0' }} then null
            else referrer_host
        end as referrer_host

    from landing_sources

),

{# A source or host matches a channel source by name or as a subdomain of it
    (www.google.com and m.facebook.com match google.com, facebook.com). #}
landing_categories as (

    select
        landing_external_sources.session_id,
        landing_external_sources.source_value,
        landing_external_sources.medium_value,
        landing_external_sources.campaign_value,
        landing_external_sources.referrer_host,
        max(source_match.source_category) as source_category,
        max(host_match.source_category) as referrer_category

    from landing_external_sources
    left join channel_sources as source_match
        on
            landing_external_sources.source_value = source_match.source_name
            or landing_external_sources.source_value like {{ dbt.concat(
                ["'%.'", 'source_match.source_name']) }}
    left join channel_sources as host_match
        on
            landing_external_sources.referrer_host = host_match.source_name
            or landing_external_sources.referrer_host like {{ dbt.concat(
                ["'%.'", 'host_match.source_name']) }}
    group by 1, 2, 3, 4, 5

),

exit_pages as (

    select
        events.session_id,
        events.page_path as exit_page_path

    from session_totals
    inner join events
        on
            session_totals.session_id = events.session_id
            and session_totals.exit_page_number
            = events.event_sequence_number

),

sessions_joined as (

    select
        session_totals.session_id,
        session_totals.visitor_id,
        session_totals.user_id,
        landing_pages.landing_page_path,
        exit_pages.exit_page_path,
        landing_pages.utm_source,
        landing_pages.utm_medium,
        landing_pages.utm_campaign,
        landing_pages.referrer,
        {{ product_warehouse.channel_group(
            'landing_categories.source_value',
            'landing_categories.medium_value',
            'landing_categories.campaign_value',
            'landing_categories.referrer_host',
            'landing_categories.source_category',
            'landing_categories.referrer_category'
        ) }} as channel,
        session_totals.session_sequence_number,
        {{ product_warehouse.seconds_between(
            'session_totals.session_start_at',
            'session_totals.session_end_at'
        ) }} as session_duration_seconds,
        session_totals.event_count,
        session_totals.page_view_count,
        {%- for event, column in event_counts %}
        session_totals.{{ column }},
        {%- endfor %}
        session_totals.session_start_at,
        session_totals.session_end_at,
        session_totals.last_received_at

    from session_totals
    left join landing_pages
        on session_totals.session_id = landing_pages.session_id
    left join landing_categories
        on session_totals.session_id = landing_categories.session_id
    left join exit_pages
        on session_totals.session_id = exit_pages.session_id

),

sessions_with_next as (

    select
        *,
        lead(session_start_at) over (
            partition by visitor_id
            order by session_sequence_number
        ) as next_session_start_at

    from sessions_joined

)

select * from sessions_with_next

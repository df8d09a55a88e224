{#- A derived fact (docs/incremental.md): a run rebuilds the touches of
    listed visitors' conversions whole; a conversion's touches are its
    own visitor's sessions. -#}
{{ config(**product_warehouse.visitor_replace_config(
    unique_key=['conversion_id', 'touch_number'],
    derived_from=['wh_product_events_fact', 'wh_product_sessions_fact'])) }}
{%- set lookback_days = var('product_warehouse_attribution_lookback_days') -%}
{%- set half_life_days = var('product_warehouse_attribution_half_life_days') -%}
{%- set lookback_seconds = lookback_days * 86400 -%}
{%- set half_life_seconds = half_life_days * 86400 -%}
{%- set double = product_warehouse.type_double() -%}
-- depends_on: {{ ref('int_product_incremental_visitors') }}
-- depends_on: {{ ref('int_product_incremental_manifest') }}
-- depends_on: {{ ref('wh_product_events_fact') }}

with

conversions as (

    select
        conversion_id,
        visitor_id,
        session_id,
        conversion_name,
        occurred_at

    from {{ ref('int_product_conversions') }}
    where {{ product_warehouse.affected_visitors_filter() }}

),

sessions as (

    select
        session_id,
        visitor_id,
        channel,
        utm_source,
        utm_medium,
        utm_campaign,
        referrer,
        session_start_at

    from {{ ref('wh_product_sessions_fact') }}
    where {{ product_warehouse.affected_visitors_filter() }}

),

conversion_sessions as (

    select
        conversions.conversion_id,
        conversions.visitor_id,
        conversions.session_id,
        conversions.conversion_name,
        conversions.occurred_at,
        sessions.session_start_at

    from conversions
    inner join sessions
        on conversions.session_id = sessions.session_id

),

{# The conversion's own session, and the visitor's sessions before it in
    (session_start_at, session_id) order that started at most the
    lookback before the conversion (exact seconds, the limit included). #}
touches as (

    select
        conversion_sessions.conversion_id,
        conversion_sessions.visitor_id,
        sessions.session_id,
        conversion_sessions.conversion_name,
        sessions.channel,
        sessions.utm_source,
        sessions.utm_medium,
        sessions.utm_campaign,
        sessions.referrer,
        {{ product_warehouse.seconds_between(
            'sessions.session_start_at', 'conversion_sessions.occurred_at'
        ) }} as seconds_before_conversion,
        sessions.session_start_at as touch_at

    from conversion_sessions
    inner join sessions
        on
            conversion_sessions.visitor_id = sessions.visitor_id
            and (
                conversion_sessions.session_start_at
                > sessions.session_start_at
                or (
                    conversion_sessions.session_start_at
                    = sessions.session_start_at
                    and conversion_sessions.session_id >= sessions.session_id
                )
            )
    where
        sessions.session_id = conversion_sessions.session_id
        or {{ product_warehouse.seconds_between(
            'sessions.session_start_at', 'conversion_sessions.occurred_at'
        ) }} <= {{ lookback_seconds }}

),

touches_numbered as (

    select
        *,
        row_number() over (
            partition by conversion_id
            order by touch_at, session_id
        ) as touch_number,
        count(*) over (partition by conversion_id) as touch_count,
        power(
            cast(2 as {{ double }}),
            -1 * seconds_before_conversion
            / cast({{ half_life_seconds }} as {{ double }})
        ) as time_decay_weight

    from touches

),

touches_with_last_non_direct as (

    select
        *,
        coalesce(
            max(
                case when channel != 'Direct' then touch_number end
            ) over (partition by conversion_id),
            touch_count
        ) as last_non_direct_touch_number,
        sum(time_decay_weight) over (
            partition by conversion_id
        ) as time_decay_weight_total

    from touches_numbered

),

touches_credited as (

    select
        conversion_id,
        visitor_id,
        session_id,
        conversion_name,
        channel,
        utm_source,
        utm_medium,
        utm_campaign,
        referrer,
        touch_number,
        touch_count,
        seconds_before_conversion,
        cast(
            case when touch_number = 1 then 1 else 0 end as {{ double }}
        ) as first_touch_credit,
        cast(
            case when touch_number = touch_count then 1 else 0 end
            as {{ double }}
        ) as last_touch_credit,
        cast(
            case
                when touch_number = last_non_direct_touch_number then 1
                else 0
            end as {{ double }}
        ) as last_non_direct_credit,
        cast(1 as {{ double }}) / touch_count as linear_credit,
        case
            when touch_count = 1 then cast(1 as {{ double }})
            when touch_count = 2 then cast(0.5 as {{ double }})
            when touch_number = 1 or touch_number = touch_count
                then cast(0.4 as {{ double }})
            else cast(0.2 as {{ double }}) / (touch_count - 2)
        end as position_based_credit,
        time_decay_weight / time_decay_weight_total as time_decay_credit,
        touch_at

    from touches_with_last_non_direct

)

select * from touches_credited

{#-
    A session's channel (docs/attribution.md, the ten rules, first match
    wins). Arguments are SQL expressions, already lowercased with empty
    strings as null: utm source, medium and campaign, the referrer's host
    (null when absent or internal), and the channel source category ('search',
    'social' or null) of the source and of the referrer host. Override it
    through dispatch to change the rules.
-#}
{% macro channel_group(source, medium, campaign, referrer_host, source_category, referrer_category) -%}
    {{ return(adapter.dispatch('channel_group', 'product_warehouse')(
        source, medium, campaign, referrer_host, source_category, referrer_category)) }}
{%- endmacro %}

{% macro default__channel_group(source, medium, campaign, referrer_host, source_category, referrer_category) -%}
    {#- `^(.*cp.*|ppc|retargeting|paid.*)$` as LIKE: no engine regex. -#}
    {%- set is_paid = "(" ~ medium ~ " like '%cp%' or " ~ medium ~ " in ('ppc', 'retargeting') or "
        ~ medium ~ " like 'paid%')" -%}
    {#- The source's category, or the referrer host's when there is no source. -#}
    {%- set origin = "(case when " ~ source ~ " is not null then " ~ source_category
        ~ " else " ~ referrer_category ~ " end)" -%}
    {%- set email = "('email', 'e-mail', 'e_mail', 'e mail')" -%}
    case
        when {{ source }} is null and {{ medium }} is null and {{ campaign }} is null
            and {{ referrer_host }} is null then 'Direct'
        when {{ is_paid }} and {{ origin }} = 'search' then 'Paid Search'
        when {{ is_paid }} and {{ origin }} = 'social' then 'Paid Social'
        when {{ medium }} in ('display', 'banner', 'expandable', 'interstitial', 'cpm') then 'Display'
        when {{ is_paid }} then 'Paid Other'
        when {{ medium }} in {{ email }} or {{ source }} in {{ email }} then 'Email'
        when {{ medium }} in ('social', 'social-network', 'social-media', 'sm', 'social network', 'social media')
            or {{ source_category }} = 'social' or {{ referrer_category }} = 'social' then 'Organic Social'
        when {{ medium }} = 'organic'
            or {{ source_category }} = 'search' or {{ referrer_category }} = 'search' then 'Organic Search'
        when {{ medium }} = 'affiliate' then 'Affiliates'
        when {{ medium }} = 'referral' or {{ referrer_host }} is not null then 'Referral'
        else 'Other'
    end
{%- endmacro %}

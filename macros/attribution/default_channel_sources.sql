{#-
    The package's search engines and social sites: the channel rules'
    default source list, as (source_name, source_category) pairs. A utm
    source or referrer host matches a name when it equals it or is a
    subdomain of it (www.google.com matches google.com). Override through
    dispatch to replace the list; product_warehouse_channel_sources adds
    or overrides rows without replacing it (int_product_channel_sources).
-#}
{% macro default_channel_sources() -%}
    {{ return(adapter.dispatch('default_channel_sources', 'product_warehouse')()) }}
{%- endmacro %}

{% macro default__default_channel_sources() -%}
    {%- set search = [
        'google', 'google.com', 'google.co.uk', 'google.de',
        'google.fr', 'bing', 'bing.com', 'yahoo', 'yahoo.com',
        'duckduckgo', 'duckduckgo.com', 'baidu', 'baidu.com', 'yandex',
        'yandex.ru', 'yandex.com', 'ecosia', 'ecosia.org'
    ] -%}
    {%- set social = [
        'facebook', 'facebook.com', 'fb', 'fb.com', 'instagram',
        'instagram.com', 'twitter', 'twitter.com', 't.co', 'x',
        'x.com', 'linkedin', 'linkedin.com', 'lnkd.in', 'reddit',
        'reddit.com', 'pinterest', 'pinterest.com', 'tiktok',
        'tiktok.com', 'youtube', 'youtube.com', 'youtu.be'
    ] -%}
    {%- set sources = [] -%}
    {%- for name in search %}{% do sources.append([name, 'search']) %}{% endfor -%}
    {%- for name in social %}{% do sources.append([name, 'social']) %}{% endfor -%}
    {{ return(sources) }}
{%- endmacro %}

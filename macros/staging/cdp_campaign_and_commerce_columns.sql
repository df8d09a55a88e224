{#-
    The columns Segment and RudderStack tracks and pages both carry under
    the same raw names: the campaign context (context_campaign_source,
    _medium, _name as utm_source, _medium, _campaign) and the commerce
    properties product_id, order_id and revenue. Each line ends with a
    comma.
-#}
{% macro cdp_campaign_and_commerce_columns() -%}
        context_campaign_source as utm_source,
        context_campaign_medium as utm_medium,
        context_campaign_name as utm_campaign,
        product_id,
        order_id,
        revenue,
{%- endmacro %}

{#-
    The host of a URL, lowercased: what lies between the scheme's `//`
    (when there is one) and the first `/`, `?`, `#` or `:`; null for a
    null or empty URL. Built from dbt.position and dbt.split_part, taking
    only parts that exist (Spark's split_part errors past the last part
    under ANSI mode).
-#}
{% macro url_host(url) -%}
    {{ return(adapter.dispatch('url_host', 'product_warehouse')(url)) }}
{%- endmacro %}

{% macro default__url_host(url) -%}
    {%- set text = "lower(trim(" ~ url ~ "))" -%}
    {%- set after_scheme = "(case when " ~ dbt.position("'//'", text) ~ " > 0 then "
        ~ dbt.split_part(text, "'//'", 2) ~ " else " ~ text ~ " end)" -%}
    {%- set parts = namespace(host=after_scheme) -%}
    {%- for delimiter in ["'/'", "'?'", "'#'", "':'"] -%}
        {%- set parts.host = dbt.split_part(parts.host, delimiter, 1) | trim -%}
    {%- endfor -%}
    nullif({{ parts.host }}, '')
{%- endmacro %}

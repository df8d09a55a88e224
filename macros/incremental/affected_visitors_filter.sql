{#- `where`-clause filter restricting a model body to this run's visitors
    on incremental runs; empty on full builds. A model that calls it
    declares `-- depends_on: {{ ref('int_product_incremental_visitors') }}`
    (dbt parses models as full builds, where the filter reads nothing). -#}
{% macro affected_visitors_filter(column='visitor_id') -%}
    {%- if is_incremental() -%}
        {{ column }} in (
            select affected.visitor_id
            from {{ ref('int_product_incremental_visitors') }} as affected
        )
    {%- else -%}
        1 = 1
    {%- endif -%}
{%- endmacro %}

{#- The median of a numeric expression, as an aggregate. -#}
{% macro median(expression) -%}
    {{ return(adapter.dispatch('median', 'product_warehouse')(expression)) }}
{%- endmacro %}

{#- Postgres and DuckDB: the ordered-set aggregate. -#}
{% macro default__median(expression) -%}
    percentile_cont(0.5) within group (order by {{ expression }})
{%- endmacro %}

{#- BigQuery has percentile_cont only as a window function; approx_quantiles
    with 100 buckets is its aggregate form (exact on small groups).
    https://cloud.google.com/bigquery/docs/reference/standard-sql/approximate_aggregate_functions#approx_quantiles -#}
{% macro bigquery__median(expression) -%}
    approx_quantiles({{ expression }}, 2)[offset(1)]
{%- endmacro %}

{#- https://docs.aws.amazon.com/redshift/latest/dg/r_MEDIAN.html -#}
{% macro redshift__median(expression) -%}
    median({{ expression }})
{%- endmacro %}

{#- https://docs.snowflake.com/en/sql-reference/functions/median -#}
{% macro snowflake__median(expression) -%}
    median({{ expression }})
{%- endmacro %}

{#- Spark: percentile is exact and interpolates like percentile_cont. -#}
{% macro spark__median(expression) -%}
    percentile({{ expression }}, 0.5)
{%- endmacro %}

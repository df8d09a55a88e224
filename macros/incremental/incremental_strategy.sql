{#- The incremental strategy of the package's models on this adapter:
    `visitor_replace` where dbt accepts a custom strategy. dbt-bigquery
    and dbt-spark accept only their own strategies, so there the delete
    is the pre-hook's and the strategy inserts (merge on BigQuery and
    Databricks; append on Spark, where the delete needs Delta anyway). -#}
{% macro incremental_strategy() -%}
    {{ return(adapter.dispatch('incremental_strategy', 'product_warehouse')()) }}
{%- endmacro %}

{% macro default__incremental_strategy() -%}
    {{ return('visitor_replace') }}
{%- endmacro %}

{% macro bigquery__incremental_strategy() -%}
    {{ return('merge') }}
{%- endmacro %}

{#- dbt-spark accepts merge only on delta/iceberg/hudi and checks that on
    every run, including the first; append works on every file format. -#}
{% macro spark__incremental_strategy() -%}
    {{ return('append') }}
{%- endmacro %}

{% macro databricks__incremental_strategy() -%}
    {{ return('merge') }}
{%- endmacro %}

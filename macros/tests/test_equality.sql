{#-
    Passes when `model` and `compare_model` hold the same rows as
    multisets: every distinct row appears the same number of times in
    both (a set-based except alone misses duplicated rows). The columns
    compared are `model`'s, less exclude_columns, so an expected-output
    seed (as `model`) pins just the columns it lists. Numeric columns are
    compared as 8-byte floats rounded to `precision` decimals, so engines
    that differ only in float rounding or numeric type agree. Each failing
    row is a distinct row with its count on one side that the other side
    lacks: diff_side is 'model_only' or 'compare_model_only'.
-#}
{% test equality(model, compare_model, exclude_columns=[], precision=6) %}
    {%- if not execute -%}
        {{ return('select 1 as placeholder where 1 = 0') }}
    {%- endif -%}
    {%- set excluded = exclude_columns | map('lower') | list -%}
    {%- set compare_types = product_warehouse.get_column_types(compare_model) -%}
    {%- set columns = [] -%}
    {%- for column in adapter.get_columns_in_relation(model) -%}
        {%- if column.name | lower not in excluded -%}
            {%- if column.name | lower not in compare_types -%}
                {{ exceptions.raise_compiler_error(
                    "equality: " ~ compare_model ~ " has no column '" ~ column.name ~ "' that " ~ model ~ " has") }}
            {%- endif -%}
            {%- do columns.append(column) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set expressions = [] -%}
    {%- for column in columns -%}
        {%- set name = column.name | lower -%}
        {%- set other = api.Column.create(name, compare_types[name]) -%}
        {%- if column.is_number() or other.is_number() -%}
            {%- do expressions.append(
                product_warehouse.round_number(name, precision) ~ ' as ' ~ name) -%}
        {%- else -%}
            {%- do expressions.append(name) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set names = columns | map(attribute='name') | map('lower') | list -%}

with

model_rows as (

    select {{ expressions | join(',\n        ') }}
    from {{ model }}

),

compare_rows as (

    select {{ expressions | join(',\n        ') }}
    from {{ compare_model }}

),

model_counts as (

    select {{ names | join(', ') }}, count(*) as row_count
    from model_rows
    group by {{ names | join(', ') }}

),

compare_counts as (

    select {{ names | join(', ') }}, count(*) as row_count
    from compare_rows
    group by {{ names | join(', ') }}

),

model_only as (

    select * from model_counts
    {{ dbt.except() }}
    select * from compare_counts

),

compare_model_only as (

    select * from compare_counts
    {{ dbt.except() }}
    select * from model_counts

)

select 'model_only' as diff_side, * from model_only
union all
select 'compare_model_only' as diff_side, * from compare_model_only
{% endtest %}

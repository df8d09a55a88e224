{#- Passes when, for every value of group_column, each credit column sums to 1 (within 1e-9). -#}
{% test credits_sum_to_one(model, group_column, credit_columns) %}
    {%- if credit_columns is string or credit_columns | length == 0 -%}
        {{ exceptions.raise_compiler_error(
            "credits_sum_to_one: 'credit_columns' must be a non-empty list of columns") }}
    {%- endif %}

select
    {{ group_column }},
    {%- for column in credit_columns %}
    sum({{ column }}) as {{ column }}_total{{ ',' if not loop.last }}
    {%- endfor %}
from {{ model }}
group by {{ group_column }}
having
    {%- for column in credit_columns %}
    {{ 'or ' if not loop.first }}abs(sum({{ column }}) - 1) > 0.000000001
    {%- endfor %}
{% endtest %}

{#- Passes when no two rows share the same values in all of combination (nulls compare equal). -#}
{% test unique_combination_of_columns(model, combination) %}
    {%- if combination is string or combination | length == 0 -%}
        {{ exceptions.raise_compiler_error(
            "unique_combination_of_columns: 'combination' must be a non-empty list of columns") }}
    {%- endif %}

select
    {{ combination | join(', ') }},
    count(*) as duplicate_count
from {{ model }}
group by {{ combination | join(', ') }}
having count(*) > 1
{% endtest %}

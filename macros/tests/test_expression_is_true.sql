{#- Passes when `expression` holds on every row (optionally only where `where_condition` holds); a null result fails. -#}
{% test expression_is_true(model, expression, where_condition=none) %}

select *
from {{ model }}
where
    {%- if where_condition %}
    ({{ where_condition }}) and
    {%- endif %}
    not coalesce({{ expression }}, false)
{% endtest %}

{#- The rows of `seed` with every null id column (id, anonymous_id,
    user_id) written as an empty string: the segment_empty_strings case. -#}
{% macro empty_string_ids(seed) -%}
    {%- set id_columns = ['id', 'anonymous_id', 'user_id'] %}
select
    {%- for column in adapter.get_columns_in_relation(seed) %}
    {%- if column.name | lower in id_columns %}
    coalesce({{ column.name }}, '') as {{ column.name }}
    {%- else %}
    {{ column.name }}
    {%- endif %}{{ ',' if not loop.last }}
    {%- endfor %}
from {{ seed }}
{%- endmacro %}

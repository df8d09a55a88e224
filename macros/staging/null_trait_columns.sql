{#-
    One typed null trait_<name> per configured trait
    (product_warehouse_user_traits), for the records that carry no
    traits (every record but identifies). Each line ends with a comma;
    nothing without traits.
-#}
{% macro null_trait_columns() -%}
    {%- for trait in product_warehouse.user_trait_columns() %}
        cast(null as {{ dbt.type_string() }}) as trait_{{ trait }},
    {%- endfor %}
{%- endmacro %}

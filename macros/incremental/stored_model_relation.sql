{#- The stored table of the package's model `name` (found in the graph,
    not through ref: it may be downstream), or none when it is not built
    yet; `column` is one it must have (watermark_relation). -#}
{% macro stored_model_relation(name, column) -%}
    {%- if execute -%}
        {%- for node in graph.nodes.values() -%}
            {%- if node.resource_type == 'model' and node.package_name == 'product_warehouse'
                and node.name == name and node.config.materialized in ['incremental', 'table'] -%}
                {{ return(product_warehouse.watermark_relation(node, column)) }}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(none) }}
{%- endmacro %}

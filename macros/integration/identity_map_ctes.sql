{#-
    The identity map CTEs over the kept records in CTE `input_cte`
    (rejection_reason already null): identity_links_ranked and
    identity_map, one row per anonymous_id with the user_id of its latest
    link (a record carrying both ids; ties go to the greater event_id).
    Used by int_product_identity_map on every record and by incremental
    runs of int_product_records_identified on the anonymous ids they need.
-#}
{% macro identity_map_ctes(input_cte) -%}
identity_links_ranked as (

    select
        anonymous_id,
        user_id,
        event_id,
        occurred_at,
        row_number() over (
            partition by anonymous_id
            order by occurred_at desc, event_id desc
        ) as link_rank

    from {{ input_cte }}
    where
        anonymous_id is not null
        and user_id is not null

),

identity_map as (

    select
        anonymous_id,
        user_id as mapped_user_id,
        event_id as mapped_by_event_id,
        occurred_at as mapped_at

    from identity_links_ranked
    where link_rank = 1

)
{%- endmacro %}

{%- set traits = product_warehouse.user_trait_columns() -%}

with

identifies as (

    select
        visitor_id,
        event_id,
        {%- for trait in traits %}
        trait_{{ trait }},
        {%- endfor %}
        occurred_at

    from {{ ref('int_product_records_identified') }}
    where
        record_type = 'identify'
        and rejection_reason is null

),

identifies_ranked as (

    {#- Per trait, the latest identify that sent a non-null value ranks 1
        in its (visitor, is-null) partition; rank 1 among nulls adds
        nothing to max() below. -#}
    select
        visitor_id,
        {%- for trait in traits %}
        trait_{{ trait }},
        row_number() over (
            partition by
                visitor_id,
                case when trait_{{ trait }} is null then 1 else 0 end
            order by occurred_at desc, event_id desc
        ) as {{ trait }}_rank,
        {%- endfor %}
        occurred_at

    from identifies

),

user_traits as (

    select
        visitor_id,
        {%- for trait in traits %}
        max(
            case when {{ trait }}_rank = 1 then trait_{{ trait }} end
        ) as {{ trait }},
        {%- endfor %}
        max(occurred_at) as last_identified_at

    from identifies_ranked
    group by 1

)

select * from user_traits

{#- Passes when, per conversion date, conversion name and attribution
    model, the model's attributed_conversions sum to the conversions of
    conversions_model and attributed_value to their value (within 1e-6, relative),
    and every conversion date and name has each of the six models. -#}
{% test attributions_add_up(model, conversions_model) %}

with

expected as (

    select
        conversion_date,
        conversion_name,
        count(*) as conversion_count,
        sum(conversion_value) as conversion_value
    from {{ conversions_model }}
    group by conversion_date, conversion_name

),

actual as (

    select
        conversion_date,
        conversion_name,
        attribution_model,
        sum(attributed_conversions) as attributed_conversions,
        sum(attributed_value) as attributed_value
    from {{ model }}
    group by conversion_date, conversion_name, attribution_model

),

model_counts as (

    select conversion_date, conversion_name, count(*) as model_count
    from actual
    group by conversion_date, conversion_name

)

select
    expected.conversion_date,
    expected.conversion_name,
    actual.attribution_model,
    expected.conversion_count,
    actual.attributed_conversions
from expected
left join actual
    on expected.conversion_date = actual.conversion_date
    and expected.conversion_name = actual.conversion_name
left join model_counts
    on expected.conversion_date = model_counts.conversion_date
    and expected.conversion_name = model_counts.conversion_name
where
    actual.attribution_model is null
    or model_counts.model_count != 6
    or abs(actual.attributed_conversions - expected.conversion_count) > 0.000001
    or abs(actual.attributed_value - expected.conversion_value)
        > 0.000001 * (1 + abs(expected.conversion_value))
{% endtest %}

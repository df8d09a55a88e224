{#-
    The validation CTEs (records_checked, records_ranked, records_validated)
    over the staged records in CTE `input_cte`: each record's
    rejection_reason (README, "Bad input"), checked in order missing_id,
    missing_timestamp, missing_identity, future_timestamp, then duplicate
    (the copy of an id received first, per table, is kept). Used by
    int_product_records_validated on every record, and by incremental runs
    of int_product_records_identified on every copy of the ids they need.
-#}
{% macro validate_records_ctes(input_cte) -%}
records_checked as (

    select
        *,
        case
            when event_id is null then 'missing_id'
            when occurred_at is null then 'missing_timestamp'
            when anonymous_id is null and user_id is null
                then 'missing_identity'
            when
                {{ product_warehouse.seconds_between(
                    'received_at', 'occurred_at') }}
                > {{ var('product_warehouse_max_future_minutes') * 60 }}
                then 'future_timestamp'
        end as invalid_reason

    from {{ input_cte }}

),

records_ranked as (

    {#- Copies of one id in one table: the one received first is kept. The
        later keys only make the pick deterministic among equal received_at. -#}
    select
        *,
        row_number() over (
            partition by source_table, event_id, invalid_reason
            order by
                case when received_at is null then 1 else 0 end,
                received_at,
                occurred_at,
                coalesce(anonymous_id, ''),
                coalesce(user_id, ''),
                coalesce(event_name, '')
        ) as copy_number

    from records_checked

),

records_validated as (

    select
        *,
        coalesce(
            invalid_reason,
            case when copy_number > 1 then 'duplicate' end
        ) as rejection_reason

    from records_ranked

)
{%- endmacro %}

{#-
    The visitors this run rebuilds (ADR 0004's rule, once for every
    incremental model): from every staged record, whatever its validity
    (a later copy can displace an earlier one), received at or after the
    run's cutoff (int_product_incremental_run) or with a null received_at:
    its user_id, its anonymous_id, and every user_id any record ever
    linked to that anonymous_id (the visitor its anonymous events
    belonged to before and the one they belong to now are among them).
    A null cutoff (a model missing or empty) takes every record. Empty
    when no model will run incrementally (--full-refresh, or none of them
    built yet): nothing reads the list then.
-#}
{%- set found = product_warehouse.incremental_watermarks() -%}
{%- set any_incremental = found['watermarks'] and not flags.FULL_REFRESH -%}

with

run as (

    select cutoff_at
    from {{ ref('int_product_incremental_run') }}

),

records as (

    select
        anonymous_id,
        user_id,
        received_at

    from {{ ref('int_product_records_staged') }}

),

new_records as (

    select
        records.anonymous_id,
        records.user_id

    from records
    cross join run
    where
        {{ 'true' if any_incremental else 'false' }}
        and (
            run.cutoff_at is null
            or records.received_at is null
            or records.received_at >= run.cutoff_at
        )

),

new_anonymous_ids as (

    select distinct anonymous_id

    from new_records
    where anonymous_id is not null

),

candidate_ids as (

    select anonymous_id as visitor_id
    from new_anonymous_ids

    union all

    select user_id as visitor_id
    from new_records
    where user_id is not null

    union all

    select records.user_id as visitor_id
    from records
    inner join new_anonymous_ids
        on records.anonymous_id = new_anonymous_ids.anonymous_id
    where records.user_id is not null

)

select distinct visitor_id
from candidate_ids

{#-
    The records this run validates and identifies again (README,
    "Incremental runs"; ADR 0006, ADR 0009), one row per (source_table,
    event_id): every id received at or after the run's cutoff, whatever
    its validity, and every id a record of this run's visitors rebuilt
    whole carries (its user_id is one of them, or its anonymous_id is one
    or was ever linked to one: the anonymous id's latest link is then
    among those records). A reopened visitor's identity cannot change
    (ADR 0008), so its stored records stay as they are and only its new
    ones are validated and identified (against the stored links).
    int_product_records_identified rebuilds every copy of these ids (the
    duplicate check sees them all) and every record without an id.
    Empty when no model will run incrementally.
-#}
{%- set found = product_warehouse.incremental_watermarks() -%}
{%- set any_incremental = found['watermarks'] and not flags.FULL_REFRESH %}

with

run as (

    select cutoff_at
    from {{ ref('int_product_incremental_run') }}

),

visitors as (

    select visitor_id
    from {{ ref('int_product_incremental_visitors') }}
    where reopen_at is null

),

staged as (

    select
        source_table,
        event_id,
        anonymous_id,
        user_id,
        received_at

    from {{ ref('int_product_records_staged') }}
    where
        {{ 'true' if any_incremental else 'false' }}
        and event_id is not null

),

linked_anonymous_ids as (

    select visitor_id as anonymous_id
    from visitors

    union all

    select staged.anonymous_id
    from staged
    inner join visitors
        on staged.user_id = visitors.visitor_id
    where staged.anonymous_id is not null

),

this_run_records as (

    select
        staged.source_table,
        staged.event_id

    from staged
    cross join run
    where
        staged.user_id in (
            select affected.visitor_id from visitors as affected
        )
        or staged.anonymous_id in (
            select linked.anonymous_id from linked_anonymous_ids as linked
        )
        or run.cutoff_at is null
        or staged.received_at is null
        or staged.received_at >= run.cutoff_at

)

select distinct
    {{ product_warehouse.record_key() }} as record_key,
    source_table,
    event_id

from this_run_records

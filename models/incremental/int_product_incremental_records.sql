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
    The new records are int_product_incremental_new_records; the records
    before them are read from the stored identified records, which hold
    every record received before the cutoff (ADR 0009). Empty when no
    model will run incrementally.
-#}
{%- set identified = product_warehouse.stored_model_relation(
    'int_product_records_identified', 'received_at') %}
-- depends_on: {{ ref('int_product_incremental_visitors') }}

with

new_records as (

    select
        source_table,
        event_id,
        anonymous_id,
        user_id

    from {{ ref('int_product_incremental_new_records') }}
    where event_id is not null

),

{% if identified is not none -%}
    visitors as (

        select visitor_id
        from {{ ref('int_product_incremental_visitors') }}
        where reopen_at is null

    ),

    linked_anonymous_ids as (

        select visitor_id as anonymous_id
        from visitors

        union all

        select new_records.anonymous_id
        from new_records
        inner join visitors
            on new_records.user_id = visitors.visitor_id
        where new_records.anonymous_id is not null

        union all

        select identified.anonymous_id
        from {{ identified }} as identified
        inner join visitors
            on identified.user_id = visitors.visitor_id
        where identified.anonymous_id is not null

    ),
{%- endif %}

{#- The new records, and the records before them (the stored identified
    records, ADR 0009; with none stored every record is new) of this
    run's visitors rebuilt whole. -#}
this_run_records as (

    select
        source_table,
        event_id

    from new_records
    {%- if identified is not none %}

    union all

    select
        identified.source_table,
        identified.event_id

    from {{ identified }} as identified
    where
        identified.event_id is not null
        and (
            identified.user_id in (
                select affected.visitor_id from visitors as affected
            )
            or identified.anonymous_id in (
                select linked.anonymous_id from linked_anonymous_ids as linked
            )
        )
    {%- endif %}

)

select distinct
    {{ product_warehouse.record_key() }} as record_key,
    source_table,
    event_id

from this_run_records

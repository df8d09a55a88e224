{#-
    The records list (docs/incremental.md): what the identified records
    validate and identify again, whole, one row per copy: the new records
    and, from the stored identified records, every copy of an id that they
    or a record of a visitor rebuilt whole carry, and every record without
    an id (a reopened visitor's stored records stay). Empty on a full build.
-#}
{%- set identified = product_warehouse.stored_model_relation(
    'int_product_records_identified', 'received_at') %}
-- depends_on: {{ ref('int_product_incremental_visitors') }}
-- depends_on: {{ ref('int_product_incremental_run') }}

with

new_records as (

    select
        record_key,
        {{ product_warehouse.record_columns() | join(',\n        ') }}

    from {{ ref('int_product_incremental_new_records') }}

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
        where
            new_records.anonymous_id is not null
            and new_records.event_id is not null

        union all

        select identified.anonymous_id
        from {{ identified }} as identified
        inner join visitors
            on identified.user_id = visitors.visitor_id
        where identified.anonymous_id is not null

    ),

    {# The ids of the new records and of the stored records of this run's
        visitors rebuilt whole. #}
    this_run_ids as (

        select record_key
        from new_records
        where record_key is not null

        union all

        select identified.record_key

        from {{ identified }} as identified
        where
            identified.record_key is not null
            and (
                identified.user_id in (
                    select affected.visitor_id from visitors as affected
                )
                or identified.anonymous_id in (
                    select linked.anonymous_id from linked_anonymous_ids as linked
                )
            )

    ),

    run as (

        select cutoff_at
        from {{ ref('int_product_incremental_run') }}

    ),

    {# Received before the cutoff: the copies of those ids, and the records
        without an id. #}
    stored_records as (

        select
            identified.record_key,
            {{ product_warehouse.record_columns('identified') | join(',\n            ') }}

        from {{ identified }} as identified
        cross join run
        where
            identified.received_at < run.cutoff_at
            and (
                identified.record_key is null
                or identified.record_key in (
                    select this_run_ids.record_key from this_run_ids
                )
            )

    ),
{%- endif %}

this_run_records as (

    select * from new_records
    {%- if identified is not none %}

    union all

    select * from stored_records
    {%- endif %}

)

select * from this_run_records

{{ config(**product_warehouse.visitor_replace_config(
    unique_key=['source_table', 'event_id'], watermark_column='received_at',
    reads_records=true, replaces='records')) }}
{#-
    Every staged record, validated, and the kept ones identified: the
    validation and identity rules (README, "Bad input", "Identity") are
    this model's SQL.
    Validation: each record's rejection_reason, checked in order
    missing_id, missing_timestamp, missing_identity, future_timestamp,
    then duplicate (of the copies of an id in one table, the one received
    first is kept). Kept records have a null rejection_reason.
    Identity: an anonymous_id maps to the user_id of its latest kept
    record carrying both (ties to the greater event_id); a kept record's
    resolved_user_id is its own user_id, else its anonymous_id's mapped
    user; visitor_id adds the anonymous_id as the last fallback.
    Incremental (README, "Incremental runs"): a run reads only the
    records int_product_incremental_records holds (every copy of each id,
    so the duplicate check sees them all, and the records without an id),
    not the raw records (ADR 0012), and replaces those of them that are
    rejected or belong to this run's visitors (the `visitor_replace`
    strategy, replaces='records'). The
    identity links are those of the records read and of the stored kept
    records it does not replace (ADR 0009): the same links a full build
    ranks, so a reopened visitor's new records map as its stored ones do.
-#}
-- depends_on: {{ ref('int_product_incremental_visitors') }}
-- depends_on: {{ ref('int_product_incremental_run') }}
-- depends_on: {{ ref('int_product_incremental_records') }}

with

{% if is_incremental() -%}
    {# The records this run validates again, whole (the run layer's, not
        the raw records: ADR 0012). #}
    records as (

        select
            record_key,
            {{ product_warehouse.record_columns() | join(',\n            ') }}

        from {{ ref('int_product_incremental_records') }}

    ),
{%- else -%}
    records as (

        select
            {{ product_warehouse.record_key() }} as record_key,
            {{ product_warehouse.record_columns() | join(',\n            ') }}

        from {{ ref('int_product_records_staged') }}

    ),
{%- endif %}

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

    from records

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

),

identity_links as (

    select
        anonymous_id,
        user_id,
        occurred_at,
        event_id

    from records_validated
    where
        rejection_reason is null
        and anonymous_id is not null
        and user_id is not null
    {%- if is_incremental() %}

    {#- The stored kept links of this run's anonymous ids whose records this
        run does not read again. #}

    union all

    select
        stored.anonymous_id,
        stored.user_id,
        stored.occurred_at,
        stored.event_id

    from {{ this }} as stored
    left join records as this_run_records
        on stored.record_key = this_run_records.record_key
    where
        stored.rejection_reason is null
        and stored.user_id is not null
        and stored.anonymous_id in (
            select run_anonymous_ids.anonymous_id
            from records as run_anonymous_ids
        )
        and this_run_records.record_key is null
    {%- endif %}

),

identity_links_ranked as (

    select
        anonymous_id,
        user_id,
        row_number() over (
            partition by anonymous_id
            order by occurred_at desc, event_id desc
        ) as link_rank

    from identity_links

),

identity_map as (

    select
        anonymous_id,
        user_id as mapped_user_id

    from identity_links_ranked
    where link_rank = 1

),

records_identified as (

    select
        records_validated.record_key,
        {{ product_warehouse.record_columns('records_validated')
            | join(',\n        ') }},
        records_validated.rejection_reason,
        records_validated.copy_number,
        case
            when records_validated.rejection_reason is null
                then coalesce(
                    records_validated.user_id, identity_map.mapped_user_id
                )
        end as resolved_user_id,
        case
            when records_validated.rejection_reason is null
                then coalesce(
                    records_validated.user_id,
                    identity_map.mapped_user_id,
                    records_validated.anonymous_id
                )
        end as visitor_id

    from records_validated
    left join identity_map
        on records_validated.anonymous_id = identity_map.anonymous_id

)

select * from records_identified
{%- if is_incremental() %}
where
    visitor_id is null
    or {{ product_warehouse.affected_visitors_filter() }}
{%- endif %}

{{ config(**product_warehouse.visitor_replace_config(
    unique_key=['source_table', 'event_id'], watermark_column='received_at',
    reads_records=true, replaces='records')) }}
{#-
    Every staged record, validated, and the kept ones identified: the
    validation and identity rules (docs/sessions-and-identity.md, "The rules") are this model's
    SQL. Incremental (docs/incremental.md): it replaces records, reading
    the records list, and ranks its links with the stored kept links of
    the same anonymous ids that it does not read again: a full build's.
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

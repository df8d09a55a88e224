{{ config(**product_warehouse.visitor_replace_config(
    unique_key=['source_table', 'event_id'], watermark_column='received_at',
    reads_records=true)) }}
{#- The kept records with their visitor. Incremental (README, "Incremental
    runs"): a run validates and identifies again only the records that can
    belong to the affected visitors, so nothing scales with history but
    the scans. -#}
-- depends_on: {{ ref('int_product_records_staged') }}
-- depends_on: {{ ref('int_product_incremental_visitors') }}
-- depends_on: {{ ref('int_product_incremental_run') }}

with

{% if is_incremental() -%}
    affected_visitors as (

        select visitor_id
        from {{ ref('int_product_incremental_visitors') }}

    ),

    staged as (

        select
            {{ product_warehouse.record_columns() | join(',\n        ') }}

        from {{ ref('int_product_records_staged') }}

    ),

    {#- A record belongs to an affected visitor only if its user_id is one, or
        its anonymous_id is one or was ever linked to one (its latest link can
        only be among those links). -#}
    linked_anonymous_ids as (

        select visitor_id as anonymous_id
        from affected_visitors

        union all

        select staged.anonymous_id
        from staged
        inner join affected_visitors
            on staged.user_id = affected_visitors.visitor_id
        where staged.anonymous_id is not null

    ),

    candidate_keys as (

        select distinct
            source_table,
            event_id

        from staged
        where
            event_id is not null
            and (
                user_id in (select visitor_id from affected_visitors)
                or anonymous_id in (select anonymous_id from linked_anonymous_ids)
            )

    ),

    {#- Every copy of those ids, so the duplicate check sees them all. -#}
    candidate_records as (

        select staged.*

        from staged
        inner join candidate_keys
            on
                staged.source_table = candidate_keys.source_table
                and staged.event_id = candidate_keys.event_id

    ),

    {{ product_warehouse.validate_records_ctes('candidate_records') }},

    records as (

        select
            {{ product_warehouse.record_columns() | join(',\n        ') }}

        from records_validated
        where rejection_reason is null

    ),

    {{ product_warehouse.identity_map_ctes('records') }},
{%- else -%}
    records as (

        select
            {{ product_warehouse.record_columns() | join(',\n        ') }}

        from {{ ref('int_product_records_validated') }}
        where rejection_reason is null

    ),

    identity_map as (

        select
            anonymous_id,
            mapped_user_id

        from {{ ref('int_product_identity_map') }}

    ),
{%- endif %}

records_identified as (

    select
        {{ product_warehouse.record_columns('records') | join(',\n        ') }},
        coalesce(
            records.user_id, identity_map.mapped_user_id
        ) as resolved_user_id,
        coalesce(
            records.user_id,
            identity_map.mapped_user_id,
            records.anonymous_id
        ) as visitor_id

    from records
    left join identity_map
        on records.anonymous_id = identity_map.anonymous_id

)

select * from records_identified
where {{ product_warehouse.affected_visitors_filter() }}

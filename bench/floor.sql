-- The like-for-like floor (bench/run.py): hand-written DuckDB statements
-- that build, from the raw Segment tables, tables holding exactly the rows
-- of the package's full build of wh_product_events_fact, _sessions_fact,
-- _users_dim, _journeys_fact and wh_product_event_rejections, with the
-- package's default vars (no traits, no session event counts, journey
-- length 5, 30-minute inactivity sessions, max future minutes 1440, page
-- event name 'page_view', no internal hosts). run.py checks the equality
-- after the package's build, so nothing here may cut a corner.
--
-- run.py fills in: {schema} (where the five tables go), {seed} (the
-- package's channel sources as a values list), {max_future_seconds},
-- {timeout_us}, and three staged selects: the package's own staging
-- models (stg_product_cdp__*) as compiled for this database, so the
-- mapping from raw columns to canonical ones is the package's (a column
-- the loader never created reads as a typed null, ids have '' as null,
-- timestamps are in UTC), with k added: {records} (every record of
-- tracks, pages and identifies, narrow: k, source_table, record_type,
-- event_id, anonymous_id, user_id, event_name, occurred_at, received_at),
-- {events} (tracks and pages with every canonical column) and {pages}.
-- k is a bigint key of the raw row (its rowid plus a per-table offset):
-- the narrow passes carry it and the wide columns are joined back on it
-- once, instead of dragging them through every sort.
-- Statements are separated by a semicolon at the end of a line.

set preserve_insertion_order = false;

drop schema if exists {schema} cascade;

create schema {schema};

-- Validation. Only ids that occur more than once in a table (and the
-- records without an id) need the copy ranking; every other record is
-- copy 1.
create temp table floor_records as
with staged as (
    {records}
),
checked as (
    select *,
        case
            when event_id is null then 'missing_id'
            when occurred_at is null then 'missing_timestamp'
            when anonymous_id is null and user_id is null then 'missing_identity'
            when (epoch_us(occurred_at) - epoch_us(received_at)) / 1000000.0 > {max_future_seconds}
                then 'future_timestamp'
        end as invalid_reason
    from staged
),
repeated as (
    select source_table, event_id
    from checked
    where event_id is not null
    group by all
    having count(*) > 1
),
ranked as (
    select checked.*,
        row_number() over (
            partition by source_table, event_id, invalid_reason
            order by received_at asc nulls last, occurred_at asc nulls last,
                coalesce(anonymous_id, ''), coalesce(user_id, ''), coalesce(event_name, '')
        ) as copy_number
    from checked
    where event_id is null
        or exists (
            select 1 from repeated
            where repeated.source_table = checked.source_table
                and repeated.event_id = checked.event_id
        )
),
single as (
    select checked.*, cast(1 as bigint) as copy_number
    from checked
    anti join repeated
        on repeated.source_table = checked.source_table
        and repeated.event_id = checked.event_id
    where checked.event_id is not null
)
select * exclude (invalid_reason),
    coalesce(invalid_reason, case when copy_number > 1 then 'duplicate' end) as rejection_reason
from (select * from ranked union all select * from single);

create table {schema}.wh_product_event_rejections as
select
    md5(source_table || '-' || coalesce(event_id, '_null_') || '-' || rejection_reason
        || '-' || cast(copy_number as varchar)) as rejection_id,
    source_table, record_type, event_id as raw_id, anonymous_id, user_id,
    rejection_reason as reason, occurred_at, received_at
from floor_records
where rejection_reason is not null;

-- Identity: an anonymous_id maps to the user_id of its latest kept record
-- carrying both, by (occurred_at, event_id). is_resolved: the record has a
-- resolved user, which is then its visitor_id.
create temp table floor_identified as
with links as (
    select anonymous_id, arg_max(user_id, (occurred_at, event_id)) as mapped_user_id
    from floor_records
    where rejection_reason is null and anonymous_id is not null and user_id is not null
    group by 1
)
select records.k, records.record_type, records.event_id, records.event_name,
    records.occurred_at, records.received_at,
    coalesce(records.user_id, links.mapped_user_id) is not null as is_resolved,
    coalesce(records.user_id, links.mapped_user_id, records.anonymous_id) as visitor_id
from floor_records as records
left join links on records.anonymous_id = links.anonymous_id
where records.rejection_reason is null;

-- Sessions: two window passes over each visitor's events in
-- (occurred_at, event_id) order, on narrow rows. The first finds each
-- event's predecessor and position; the second numbers the sessions,
-- carries each session's md5 key from its first event and looks four
-- events ahead for the journeys (cut at the next session start).
create temp table floor_sequenced as
with flagged as (
    select k, visitor_id, is_resolved, event_id, event_name, occurred_at, received_at,
        record_type = 'page' as is_page,
        lag(occurred_at) over w as previous_occurred_at,
        row_number() over w as visitor_event_number
    from floor_identified
    where record_type in ('track', 'page')
    window w as (partition by visitor_id order by occurred_at, event_id)
),
starts as (
    select *,
        previous_occurred_at is null
            or epoch_us(occurred_at) - epoch_us(previous_occurred_at) > {timeout_us}
            as is_session_start
    from flagged
),
numbered as (
    select *,
        cast(sum(cast(is_session_start as integer)) over w as bigint) as session_sequence_number,
        last_value(
            case when is_session_start then md5(visitor_id || '-' || event_id) end ignore nulls
        ) over w as session_id,
        max(case when is_session_start then visitor_event_number end) over w as start_number,
        lead(is_session_start, 1) over v as s1, lead(is_session_start, 2) over v as s2,
        lead(is_session_start, 3) over v as s3, lead(is_session_start, 4) over v as s4,
        lead(event_name, 1) over v as n1, lead(event_name, 2) over v as n2,
        lead(event_name, 3) over v as n3, lead(event_name, 4) over v as n4
    from starts
    window v as (partition by visitor_id order by visitor_event_number),
        w as (v rows between unbounded preceding and current row)
)
select k, visitor_id, is_resolved, event_id, event_name, occurred_at, received_at, is_page,
    previous_occurred_at, visitor_event_number, session_sequence_number, session_id,
    visitor_event_number - start_number + 1 as event_sequence_number,
    case when not s1 then n1 end as event_2,
    case when not (s1 or s2) then n2 end as event_3,
    case when not (s1 or s2 or s3) then n3 end as event_4,
    case when not (s1 or s2 or s3 or s4) then n4 end as event_5
from numbered;

create table {schema}.wh_product_events_fact as
with wide as (
    {events}
)
select sequenced.event_id, sequenced.visitor_id,
    case when sequenced.is_resolved then sequenced.visitor_id end as user_id,
    wide.anonymous_id, sequenced.session_id, wide.source_session_id, wide.source_table,
    sequenced.event_name, wide.event_type, wide.page_url, wide.page_path, wide.referrer,
    wide.utm_source, wide.utm_medium, wide.utm_campaign, wide.product_id, wide.order_id,
    wide.revenue, sequenced.session_sequence_number, sequenced.event_sequence_number,
    (epoch_us(sequenced.occurred_at) - epoch_us(sequenced.previous_occurred_at)) / 1000000.0
        as seconds_since_previous_event,
    sequenced.occurred_at, sequenced.received_at
from floor_sequenced as sequenced
inner join wide on sequenced.k = wide.k;

create table {schema}.wh_product_journeys_fact as
select event_id, session_id, visitor_id, event_name, event_2, event_3, event_4, event_5,
    nullif(concat_ws(' > ', event_name, event_2, event_3, event_4, event_5), '') as journey_path,
    event_sequence_number, occurred_at, received_at
from floor_sequenced;

-- Sessions: totals on the narrow rows, the landing and exit page rows
-- joined back by key, the channel from the landing page's sources.
create temp table floor_sessions as
with totals as (
    select session_id, any_value(visitor_id) as visitor_id,
        any_value(session_sequence_number) as session_sequence_number,
        bool_or(is_resolved) as is_resolved,
        arg_min(k, visitor_event_number) filter (where is_page) as landing_k,
        arg_max(k, visitor_event_number) filter (where is_page) as exit_k,
        count(*) as event_count,
        sum(case when is_page then 1 else 0 end) as page_view_count,
        min(occurred_at) as session_start_at,
        max(occurred_at) as session_end_at,
        max(received_at) as last_received_at
    from floor_sequenced
    group by session_id
),
pages as (
    {pages}
),
landed as (
    select totals.*,
        landing.page_path as landing_page_path, exit_page.page_path as exit_page_path,
        landing.utm_source, landing.utm_medium, landing.utm_campaign, landing.referrer,
        nullif(lower(trim(landing.utm_source)), '') as source_value,
        nullif(lower(trim(landing.utm_medium)), '') as medium_value,
        nullif(lower(trim(landing.utm_campaign)), '') as campaign_value,
        nullif(string_split(string_split(string_split(string_split(
            case when position('//' in lower(trim(landing.referrer))) > 0
                then string_split(lower(trim(landing.referrer)), '//')[2]
                else lower(trim(landing.referrer)) end,
            '/')[1], '?')[1], '#')[1], ':')[1], '') as referrer_host
    from totals
    left join pages as landing on totals.landing_k = landing.k
    left join pages as exit_page on totals.exit_k = exit_page.k
),
categories as (
    select value, max(source_category) as category
    from (select source_value as value from landed union select referrer_host from landed) as v
    inner join {seed} as sources
        on v.value = sources.source_name or v.value like '%.' || sources.source_name
    group by 1
),
categorized as (
    select landed.*,
        source_match.category as source_category,
        host_match.category as referrer_category,
        medium_value like '%cp%' or medium_value in ('ppc', 'retargeting')
            or medium_value like 'paid%' as is_paid
    from landed
    left join categories as source_match on landed.source_value = source_match.value
    left join categories as host_match on landed.referrer_host = host_match.value
)
select *,
    case
        when source_value is null and medium_value is null and campaign_value is null
            and referrer_host is null then 'Direct'
        when is_paid and (case when source_value is not null then source_category
            else referrer_category end) = 'search' then 'Paid Search'
        when is_paid and (case when source_value is not null then source_category
            else referrer_category end) = 'social' then 'Paid Social'
        when medium_value in ('display', 'banner', 'expandable', 'interstitial', 'cpm') then 'Display'
        when is_paid then 'Paid Other'
        when medium_value in ('email', 'e-mail', 'e_mail', 'e mail')
            or source_value in ('email', 'e-mail', 'e_mail', 'e mail') then 'Email'
        when medium_value in ('social', 'social-network', 'social-media', 'sm', 'social network',
                'social media')
            or source_category = 'social' or referrer_category = 'social' then 'Organic Social'
        when medium_value = 'organic' or source_category = 'search'
            or referrer_category = 'search' then 'Organic Search'
        when medium_value = 'affiliate' then 'Affiliates'
        when medium_value = 'referral' or referrer_host is not null then 'Referral'
        else 'Other'
    end as channel,
    lead(session_start_at) over (partition by visitor_id order by session_sequence_number)
        as next_session_start_at
from categorized;

create table {schema}.wh_product_sessions_fact as
select session_id, visitor_id, case when is_resolved then visitor_id end as user_id,
    landing_page_path, exit_page_path, utm_source, utm_medium,
    utm_campaign, referrer, channel, session_sequence_number,
    (epoch_us(session_end_at) - epoch_us(session_start_at)) / 1000000.0
        as session_duration_seconds,
    event_count, page_view_count, session_start_at, session_end_at, last_received_at,
    next_session_start_at
from floor_sessions;

-- Users: from the sessions (a visitor's user_id is its visitor_id when any
-- of its events has a resolved user), the last identify from the kept
-- identifies.
create table {schema}.wh_product_users_dim as
with visitors as (
    select visitor_id, bool_or(is_resolved) as is_identified, count(*) as session_count,
        max(case when session_sequence_number = 1 then session_id end) as first_session_id,
        arg_max(session_id, session_sequence_number) as last_session_id,
        cast(sum(event_count) as bigint) as event_count,
        min(session_start_at) as first_seen_at,
        max(session_end_at) as last_seen_at,
        max(last_received_at) as last_received_at
    from floor_sessions
    group by 1
),
identified as (
    select visitor_id, max(occurred_at) as last_identified_at
    from floor_identified
    where record_type = 'identify'
    group by 1
)
select visitors.visitor_id,
    case when visitors.is_identified then visitors.visitor_id end as user_id,
    visitors.first_session_id, visitors.last_session_id, visitors.session_count,
    visitors.event_count, visitors.is_identified, visitors.first_seen_at,
    visitors.last_seen_at, identified.last_identified_at, visitors.last_received_at
from visitors
left join identified on visitors.visitor_id = identified.visitor_id;

drop table floor_records;

drop table floor_identified;

drop table floor_sequenced;

drop table floor_sessions;

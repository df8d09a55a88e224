{#-
    Runs on-run-start: fails the run, before anything builds, on a var
    value the package cannot honour, with a message that names the var.
-#}
{% macro validate_vars() -%}
    {%- set errors = [] -%}

    {%- set cdp = var('product_warehouse_cdp') -%}
    {%- if cdp not in ['segment', 'rudderstack', 'custom'] -%}
        {%- do errors.append("product_warehouse_cdp must be segment, rudderstack or custom, got '" ~ cdp ~ "'") -%}
    {%- endif -%}
    {%- if cdp == 'custom' and not var('product_warehouse_custom_events_model') -%}
        {%- do errors.append("product_warehouse_cdp is custom, so set product_warehouse_custom_events_model to the name of your events model") -%}
    {%- endif -%}

    {%- set mode = var('product_warehouse_sessionization') -%}
    {%- if mode not in ['inactivity', 'source'] -%}
        {%- do errors.append("product_warehouse_sessionization must be inactivity or source, got '" ~ mode ~ "'") -%}
    {%- endif -%}

    {%- set minutes = var('product_warehouse_session_inactivity_minutes') -%}
    {%- if minutes is string or minutes is not number or minutes <= 0 -%}
        {%- do errors.append("product_warehouse_session_inactivity_minutes must be a positive number, got '" ~ minutes ~ "'") -%}
    {%- endif -%}

    {%- set max_future = var('product_warehouse_max_future_minutes') -%}
    {%- if max_future is string or max_future is not number or max_future < 0 -%}
        {%- do errors.append("product_warehouse_max_future_minutes must be a number >= 0, got '" ~ max_future ~ "'") -%}
    {%- endif -%}

    {%- set lookback = var('product_warehouse_incremental_lookback_hours') -%}
    {%- if lookback is string or lookback is not number or lookback < 0 -%}
        {%- do errors.append("product_warehouse_incremental_lookback_hours must be a number >= 0, got '" ~ lookback ~ "'") -%}
    {%- endif -%}

    {%- set backfill_start = var('product_warehouse_backfill_start') -%}
    {%- if backfill_start is not none and not modules.re.match('^\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}(:\\d{2})?)?$', backfill_start | string) -%}
        {%- do errors.append("product_warehouse_backfill_start must be null or a UTC timestamp 'YYYY-MM-DD[ HH:MM[:SS]]', got '" ~ backfill_start ~ "'") -%}
    {%- endif -%}

    {%- set journey_length = var('product_warehouse_journey_length') -%}
    {%- if journey_length is string or journey_length is not number or journey_length != journey_length | int or journey_length < 1 -%}
        {%- do errors.append("product_warehouse_journey_length must be a whole number >= 1, got '" ~ journey_length ~ "'") -%}
    {%- endif -%}

    {%- set page_event_name = var('product_warehouse_page_event_name') -%}
    {%- if page_event_name is none or page_event_name | string | length == 0 -%}
        {%- do errors.append("product_warehouse_page_event_name must be a non-empty string") -%}
    {%- endif -%}

    {%- set reserved = ['visitor_id', 'user_id', 'first_session_id', 'last_session_id', 'session_count',
                        'event_count', 'is_identified', 'first_seen_at', 'last_seen_at', 'last_identified_at', 'last_received_at'] -%}
    {%- for trait in product_warehouse.user_trait_columns() -%}
        {%- if trait in reserved -%}
            {%- do errors.append("product_warehouse_user_traits: '" ~ trait ~ "' would collide with the users dimension's own column of that name") -%}
        {%- endif -%}
    {%- endfor -%}

    {%- set counts = product_warehouse.session_event_count_columns() -%}

    {#- product metrics -#}
    {%- set active_events = var('product_warehouse_active_event_names') -%}
    {%- if active_events is string or active_events is not iterable or active_events is mapping -%}
        {%- do errors.append("product_warehouse_active_event_names must be a list of event names, got '" ~ active_events ~ "'") -%}
    {%- else -%}
        {%- for name in active_events -%}
            {%- if name is not string or name | length == 0 -%}
                {%- do errors.append("product_warehouse_active_event_names: every entry must be a non-empty event name, got '" ~ name ~ "'") -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {%- for retention_var in ['product_warehouse_retention_days', 'product_warehouse_retention_weeks'] -%}
        {%- set periods = var(retention_var) -%}
        {%- if periods is string or periods is not number or periods != periods | int or periods < 0 -%}
            {%- do errors.append(retention_var ~ " must be a whole number >= 0, got '" ~ periods ~ "'") -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if var('product_warehouse_enable_time_spine') not in [true, false] -%}
        {%- do errors.append("product_warehouse_enable_time_spine must be true or false, got '" ~ var('product_warehouse_enable_time_spine') ~ "'") -%}
    {%- endif -%}
    {%- set spine_dates = {} -%}
    {%- for spine_var in ['product_warehouse_spine_start_date', 'product_warehouse_spine_end_date'] -%}
        {%- set value = var(spine_var) | string -%}
        {%- if var(spine_var) is none -%}
        {%- elif not modules.re.match('^\\d{4}-\\d{2}-\\d{2}$', value) -%}
            {%- do errors.append(spine_var ~ " must be a date 'YYYY-MM-DD' or null, got '" ~ value ~ "'") -%}
        {%- else -%}
            {%- do spine_dates.update({spine_var: value}) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if spine_dates | length == 2 and spine_dates['product_warehouse_spine_end_date'] < spine_dates['product_warehouse_spine_start_date'] -%}
        {%- do errors.append("product_warehouse_spine_end_date must not be before product_warehouse_spine_start_date") -%}
    {%- endif -%}

    {#- -- attribution -- (the conversions fail on their own, naming the conversion) -#}
    {%- set conversions = product_warehouse.conversion_definitions() -%}
    {%- for name in ['product_warehouse_attribution_lookback_days', 'product_warehouse_attribution_half_life_days'] -%}
        {%- set days = var(name) -%}
        {%- if days is string or days is not number or days <= 0 -%}
            {%- do errors.append(name ~ " must be a positive number of days, got '" ~ days ~ "'") -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set internal_hosts = var('product_warehouse_internal_hosts') -%}
    {%- if internal_hosts is string or internal_hosts is mapping or internal_hosts is not iterable
          or internal_hosts | reject('string') | list | length > 0 -%}
        {%- do errors.append("product_warehouse_internal_hosts must be a list of host names, got '" ~ internal_hosts ~ "'") -%}
    {%- endif -%}

    {%- if errors -%}
        {{ exceptions.raise_compiler_error("product_warehouse: invalid configuration:\n  - " ~ errors | join("\n  - ")) }}
    {%- endif -%}
    {{ return('') }}
{%- endmacro %}

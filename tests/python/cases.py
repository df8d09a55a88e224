"""The integration fixtures: each case is one `dbt build` of
integration_tests with these vars on top of the project's own."""

CASES: dict[str, dict] = {
    "segment": {
        "product_warehouse_test_case": "segment",
        "product_warehouse_cdp": "segment",
    },
    "rudderstack": {
        "product_warehouse_test_case": "rudderstack",
        "product_warehouse_cdp": "rudderstack",
        "product_warehouse_session_event_counts": [
            "it's done \\ ok",
            {"event": "product viewed", "column": "viewed_count"},
        ],
    },
    "custom": {
        "product_warehouse_test_case": "custom",
        "product_warehouse_cdp": "custom",
        "product_warehouse_custom_events_model": "custom_events",
        "product_warehouse_sessionization": "source",
        "product_warehouse_session_event_counts": ["add_to_cart"],
    },
    "segment_empty": {
        "product_warehouse_test_case": "segment_empty",
        "product_warehouse_cdp": "segment",
        "product_warehouse_source_schema": "segment_empty",
    },
}

# The Segment fixture with '' for every null id: must give the Segment
# case's expected outputs exactly.
CASES["segment_empty_strings"] = {
    **CASES["segment"],
    "product_warehouse_test_case": "segment_empty_strings",
    "product_warehouse_source_schema": "segment_empty_strings",
}

# The generated shop (tests/python/test_funnels.py): an app's own events
# with source sessions and two funnels.
SHOP_FUNNELS = [
    {"name": "cart_checkout", "steps": ["page_view", "add_to_cart", "checkout"],
     "scope": "session", "count": "sessions"},
    {"name": "product_funnel", "steps": ["page_view", "add_to_cart", "checkout"],
     "scope": "visitor", "count": "visitors", "breakdown": "product_id"},
    {"name": "quick cart's", "scope": "visitor", "ordered": False, "window_minutes": 60,
     "steps": ["page_view", {"name": "cart with product", "event": "add_to_cart",
                             "where": "product_id is not null"}]},
]
CASES["shop"] = {
    "product_warehouse_test_case": "shop",
    "product_warehouse_cdp": "custom",
    "product_warehouse_custom_events_model": "shop_events",
    "product_warehouse_sessionization": "source",
    "product_warehouse_session_event_counts": ["add_to_cart", "checkout"],
    "product_warehouse_funnels": SHOP_FUNNELS,
    "product_warehouse_orders_source": "shop_orders",
}

# The metrics case (tests/python/test_metrics.py): a small app events table
# with hand-worked daily metrics, retention, lifecycle and stickiness.
CASES["metrics"] = {
    "product_warehouse_test_case": "metrics",
    "product_warehouse_cdp": "custom",
    "product_warehouse_custom_events_model": "metrics_events",
    "product_warehouse_sessionization": "source",
}
CASES["metrics_active_events"] = {
    **CASES["metrics"],
    "product_warehouse_active_event_names": ["add_to_cart", "checkout"],
}

# Attribution (tests/python/test_attribution.py). The hand-worked case:
# a three-session path converting with value 140, and a conversion whose
# name has a quote and non-ASCII, with a null value.
ATTRIBUTION_CONVERSIONS = [
    {"name": "order", "event": "order_completed"},
    {"name": "sign-up's ✓", "event": "signed_up"},
]
CASES["attribution"] = {
    "product_warehouse_test_case": "attribution",
    "product_warehouse_cdp": "custom",
    "product_warehouse_custom_events_model": "attribution_events",
    "product_warehouse_conversions": ATTRIBUTION_CONVERSIONS,
}
# The generated case: its expected tables come from the test's own
# implementation of the rules; non-default lookback, half-life and
# internal hosts, a where and a value expression.
CASES["attribution_generated"] = {
    "product_warehouse_test_case": "attribution_generated",
    "product_warehouse_cdp": "custom",
    "product_warehouse_custom_events_model": "attribution_generated_events",
    "product_warehouse_sessionization": "source",
    "product_warehouse_conversions": [
        {"name": "order", "event": "order_completed", "value": "revenue"},
        {"name": "signup", "event": "signed_up", "where": "page_url like '%/welcome%'",
         "value": "10"},
    ],
    "product_warehouse_attribution_lookback_days": 10,
    "product_warehouse_attribution_half_life_days": 3,
    "product_warehouse_internal_hosts": ["shop.example"],
}

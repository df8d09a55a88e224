"""Edges that an expected-output seed cannot express on its own: empty raw
tables, an absent optional table, and configuration errors."""

from __future__ import annotations

import pytest

from cases import CASES
from conftest import query, run_dbt

pytestmark = pytest.mark.engine

WAREHOUSE_MODELS = [
    "wh_product_events_fact",
    "wh_product_sessions_fact",
    "wh_product_users_dim",
    "wh_product_journeys_fact",
    "wh_product_event_rejections",
]


def test_empty_source_tables_build_empty_models(seeded):
    run_dbt("build", "--full-refresh", "--resource-type", "model", "test", "unit_test",
            vars=CASES["segment_empty"])
    for model in WAREHOUSE_MODELS:
        assert query(f"select count(*) from {{{{ ref('{model}') }}}}") == [(0,)], model


def test_absent_aliases_table_means_no_aliases(seeded):
    vars = {**CASES["rudderstack"], "product_warehouse_test_case": "none",
            "product_warehouse_aliases_table": "no_such_aliases_table"}
    run_dbt("build", "--full-refresh", "--resource-type", "model", "test", vars=vars)
    # Without the alias ra1 -> ru1, ra1's events stay anonymous.
    rows = query(
        "select event_id, visitor_id, user_id from {{ ref('wh_product_events_fact') }}"
        " where anonymous_id = 'ra1' order by event_id"
    )
    assert rows == [("r_p1", "ra1", None), ("r_t1", "ra1", None), ("r_t2", "ra1", None)]


def _compile_error(vars: dict) -> str:
    result = run_dbt("compile", "--select", "wh_product_users_dim wh_product_funnels_xa",
                     vars=vars, expect_success=False)
    assert not result.success
    return str(result.exception) + "".join(
        str(getattr(r, "message", "")) for r in (getattr(result.result, "results", None) or [])
    )


def test_unknown_cdp_fails_with_a_message_naming_the_var(seeded):
    message = _compile_error({"product_warehouse_cdp": "snowplow"})
    assert "product_warehouse_cdp" in message and "snowplow" in message


def test_custom_cdp_without_a_model_fails_with_a_message(seeded):
    message = _compile_error({"product_warehouse_cdp": "custom"})
    assert "product_warehouse_custom_events_model" in message


def test_bad_session_vars_fail_at_run_start(seeded):
    message = _compile_error({"product_warehouse_sessionization": "daily",
                              "product_warehouse_session_inactivity_minutes": -5,
                              "product_warehouse_journey_length": 0})
    assert "product_warehouse_sessionization" in message
    assert "product_warehouse_session_inactivity_minutes" in message
    assert "product_warehouse_journey_length" in message


def test_trait_that_collides_with_a_users_column_fails(seeded):
    message = _compile_error({"product_warehouse_user_traits": ["email", "user_id"]})
    assert "user_id" in message and "collide" in message


def test_malformed_funnels_fail_at_compile_time_naming_funnel_and_problem(seeded):
    cases = [
        ({"name": "no_steps", "steps": []}, "steps must be a non-empty list"),
        ({"name": "bad_scope", "steps": ["page_view"], "scope": "account"}, "unknown scope 'account'"),
        ({"name": "bad_breakdown", "steps": ["page_view"], "breakdown": "colour"},
         "unknown breakdown column 'colour'"),
    ]
    for funnel, problem in cases:
        message = _compile_error({"product_warehouse_funnels": [funnel]})
        assert f"funnel '{funnel['name']}'" in message and problem in message, message

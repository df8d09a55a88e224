"""Edges that an expected-output seed cannot express on its own: empty raw
tables, an absent optional table, and configuration errors."""

from __future__ import annotations

import pytest

from cases import CASES


WAREHOUSE_MODELS = [
    "wh_product_events_fact",
    "wh_product_sessions_fact",
    "wh_product_users_dim",
    "wh_product_journeys_fact",
    "wh_product_event_rejections",
]


@pytest.mark.engine
def test_empty_source_tables_build_empty_models(seeded):
    seeded.build_case(CASES["segment_empty"])
    for model in WAREHOUSE_MODELS:
        assert seeded.query(f"select count(*) from {{{{ ref('{model}') }}}}",
                            vars=CASES["segment_empty"]) == [(0,)], model


@pytest.mark.engine
def test_absent_aliases_table_means_no_aliases(seeded):
    vars = {**CASES["rudderstack"], "product_warehouse_test_case": "rudderstack_no_aliases",
            "product_warehouse_aliases_table": "no_such_aliases_table"}
    seeded.build_case(vars)
    # Without the alias ra1 -> ru1, ra1's events stay anonymous.
    rows = seeded.query(
        "select event_id, visitor_id, user_id from {{ ref('wh_product_events_fact') }}"
        " where anonymous_id = 'ra1' order by event_id"
    )
    assert rows == [("r_p1", "ra1", None), ("r_t1", "ra1", None), ("r_t2", "ra1", None)]


# The configuration errors below are raised at compile time, whatever the
# engine: they run once, on DuckDB (`make test`), not in every engine's
# suite.

def _compile_error(dbt, vars: dict) -> str:
    result = dbt.run("compile", "--select", "wh_product_users_dim wh_product_funnels_xa",
                     vars=vars, expect_success=False)
    assert not result.success
    return str(result.exception) + "".join(
        str(getattr(r, "message", "")) for r in (getattr(result.result, "results", None) or [])
    )


def test_unknown_cdp_fails_with_a_message_naming_the_var(dbt):
    message = _compile_error(dbt, {"product_warehouse_cdp": "snowplow"})
    assert "product_warehouse_cdp" in message and "snowplow" in message


def test_custom_cdp_without_a_model_fails_with_a_message(dbt):
    message = _compile_error(dbt, {"product_warehouse_cdp": "custom"})
    assert "product_warehouse_custom_events_model" in message


def test_bad_session_vars_fail_at_run_start(dbt):
    message = _compile_error(dbt, {"product_warehouse_sessionization": "daily",
                              "product_warehouse_session_inactivity_minutes": -5,
                              "product_warehouse_journey_length": 0})
    assert "product_warehouse_sessionization" in message
    assert "product_warehouse_session_inactivity_minutes" in message
    assert "product_warehouse_journey_length" in message


def test_trait_that_collides_with_a_users_column_fails(dbt):
    message = _compile_error(dbt, {"product_warehouse_user_traits": ["email", "user_id"]})
    assert "user_id" in message and "collide" in message


def test_malformed_funnels_fail_at_compile_time_naming_funnel_and_problem(dbt):
    cases = [
        ({"name": "no_steps", "steps": []}, "steps must be a non-empty list"),
        ({"name": "bad_scope", "steps": ["page_view"], "scope": "account"}, "unknown scope 'account'"),
        ({"name": "bad_breakdown", "steps": ["page_view"], "breakdown": "colour"},
         "unknown breakdown column 'colour'"),
    ]
    for funnel, problem in cases:
        message = _compile_error(dbt, {"product_warehouse_funnels": [funnel]})
        assert f"funnel '{funnel['name']}'" in message and problem in message, message

"""The funnel analyses compile and run in the integration project on the
shop fixture, and the exposure's lineage reaches the funnel models."""

from __future__ import annotations

import pytest

from cases import CASES
from conftest import build_case, query, run_dbt, target_path

pytestmark = pytest.mark.engine


def run_analysis(name: str) -> list[tuple]:
    run_dbt("compile", "--select", name, vars=CASES["shop"])
    path = next((target_path() / "compiled" / "product_warehouse" / "analyses").rglob(f"{name}.sql"))
    return query(path.read_text(), vars=CASES["shop"])


def test_funnel_analyses_run_and_agree_with_the_funnel_models(seeded):
    build_case("shop", CASES["shop"])
    totals = dict(query(
        "select step_number, entrants from {{ ref('wh_product_funnels_xa') }}"
        " where funnel_name = 'cart_checkout'", vars=CASES["shop"]))

    states = run_analysis("funnel_state_per_user")
    assert states and {row[0] for row in states} == {"cart_checkout", "product_funnel", "quick cart's"}
    assert all(1 <= row[3] <= 3 for row in states)

    # The ad-hoc macro is the same session funnel as cart_checkout.
    durations = {row[0]: row for row in run_analysis("funnel_step_durations")}
    assert sorted(durations) == [2, 3]
    assert durations[2][2] == totals[2] and durations[3][2] == totals[3]
    assert all(row[4] >= 0 for row in durations.values())

    daily = run_analysis("funnel_daily")
    step_1_days = [row for row in daily if row[0] == "cart_checkout" and row[2] == 1]
    assert sum(row[3] for row in step_1_days) == totals[1]
    assert max(row[5] for row in step_1_days) == totals[1]


def test_exposure_lineage_includes_the_funnel_models(installed):
    result = run_dbt("ls", "--select", "+exposure:product_funnel_dashboard",
                     "--resource-type", "model", "--output", "name", vars=CASES["shop"])
    names = set(result.result)
    assert {"wh_product_funnels_xa", "wh_product_funnel_daily_xa",
            "wh_product_funnel_progress_fact", "wh_product_events_fact"} <= names

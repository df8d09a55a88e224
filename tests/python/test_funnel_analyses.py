"""The funnel analyses compile and run in the integration project on the
shop fixture, and the exposure's lineage reaches the funnel models."""

from __future__ import annotations

import pytest

from cases import CASES

pytestmark = pytest.mark.engine


def run_analysis(dbt, name: str) -> list[tuple]:
    dbt.run("compile", "--select", name, vars=CASES["shop"])
    return dbt.query(dbt.compiled_path(name, CASES["shop"]).read_text(), vars=CASES["shop"])


@pytest.mark.usefixtures("seeded")
def test_funnel_analyses_run_and_agree_with_the_funnel_models(dbt):
    dbt.build_case(CASES["shop"])
    totals = dict(dbt.query(
        "select step_number, entrants from {{ ref('wh_product_funnels_xa') }}"
        " where funnel_name = 'cart_checkout'", vars=CASES["shop"]))

    states = run_analysis(dbt, "funnel_state_per_user")
    assert states and {row[0] for row in states} == {"cart_checkout", "product_funnel", "quick cart's"}
    assert all(1 <= row[3] <= 3 for row in states)

    # The ad-hoc macro is the same session funnel as cart_checkout.
    durations = {row[0]: row for row in run_analysis(dbt, "funnel_step_durations")}
    assert sorted(durations) == [2, 3]
    assert durations[2][2] == totals[2] and durations[3][2] == totals[3]
    assert all(row[4] >= 0 for row in durations.values())

    daily = run_analysis(dbt, "funnel_daily")
    step_1_days = [row for row in daily if row[0] == "cart_checkout" and row[2] == 1]
    assert sum(row[3] for row in step_1_days) == totals[1]
    assert max(row[5] for row in step_1_days) == totals[1]


def test_exposure_lineage_includes_the_funnel_models(dbt):
    result = dbt.run("ls", "--select", "+exposure:product_funnel_dashboard",
                     "--resource-type", "model", "--output", "name", vars=CASES["shop"])
    names = set(result.result)
    assert {"wh_product_funnels_xa", "wh_product_funnel_daily_xa",
            "wh_product_funnel_progress_fact", "wh_product_events_fact"} <= names

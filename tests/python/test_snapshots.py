"""The orders snapshot, the classic case: snapshot, three orders change
from preparing to shipped, snapshot again. Runs on the default engine
(DuckDB); on Spark, dbt snapshots need Delta tables, which the in-process
session here does not have."""

from __future__ import annotations

import csv

import pytest

from cases import CASES
from product_warehouse_harness.integration import PROJECT_DIR


pytestmark = pytest.mark.usefixtures("seeded")


def test_three_shipped_orders_get_a_closed_and_a_current_version(dbt):
    with open(PROJECT_DIR / "seeds" / "shop" / "input__shop__orders.csv") as f:
        orders = list(csv.DictReader(f))
    preparing = sorted(o["order_id"] for o in orders if o["status"] == "preparing")
    shipped_now = preparing[:3]
    assert len(preparing) > 3

    vars = dict(CASES["shop"])
    dbt.run("run-operation", "drop_test_relation", "--args", "{name: wh_product_orders_snapshot}",
            vars=vars)
    dbt.run("run", "--full-refresh", "--select", "shop_orders", vars=vars)
    dbt.run("snapshot", "--select", "wh_product_orders_snapshot", vars=vars)
    vars["product_warehouse_test_shipped"] = shipped_now
    dbt.run("run", "--full-refresh", "--select", "shop_orders", vars=vars)
    dbt.run("snapshot", "--select", "wh_product_orders_snapshot", vars=vars)

    rows = dbt.query(
        "select order_id, status, dbt_valid_to is null as is_current"
        " from {{ ref('wh_product_orders_snapshot') }}", vars=vars)
    versions: dict[str, list[tuple[str, bool]]] = {}
    for order_id, status, is_current in rows:
        versions.setdefault(order_id, []).append((status, bool(is_current)))
    assert len(rows) == len(orders) + 3
    for order in orders:
        history = sorted(versions[order["order_id"]], key=lambda v: v[1])
        if order["order_id"] in shipped_now:
            assert history == [("preparing", False), ("shipped", True)]
        else:
            assert history == [(order["status"], True)]


def test_user_traits_snapshot_tracks_the_configured_traits(dbt):
    dbt.run("run-operation", "drop_test_relation", "--args", "{name: wh_product_user_traits_snapshot}",
            vars=CASES["segment"])
    dbt.build_case(CASES["segment"])
    dbt.run("snapshot", "--select", "wh_product_user_traits_snapshot", vars=CASES["segment"])
    rows = dbt.query(
        "select visitor_id, email, plan from {{ ref('wh_product_user_traits_snapshot') }}"
        " where dbt_valid_to is null and visitor_id in ('u1', 'u4') order by visitor_id")
    # The Segment fixture's identifies (integration_tests/seeds/segment).
    assert rows == [("u1", "u1@example.com", None), ("u4", "u4@example.com", "pro")]

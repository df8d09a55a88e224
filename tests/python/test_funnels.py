"""Funnels and paths on the generated shop fixture (an app's own events,
source sessions), against an independent Python implementation of the
README's funnel and path rules computed from the fixture's CSV rows."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict

import pytest

from cases import CASES
from product_warehouse_harness.integration import PROJECT_DIR

pytestmark = [pytest.mark.engine, pytest.mark.usefixtures("seeded")]

STEPS = ["page_view", "add_to_cart", "checkout"]
JOURNEY_LENGTH = 3  # integration_tests/dbt_project.yml


def shop_events():
    path = PROJECT_DIR / "seeds" / "shop" / "input__shop__app_events.csv"
    with open(path) as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        row["product_id"] = row["product_id"] or None
    # The package's order: (occurred_at, event_id).
    return sorted(rows, key=lambda r: (r["created_at"], r["event_id"]))


def ordered_funnel(events, breakdown_of_entry=None):
    """Greedy ordered funnel over one scope's events (already in order):
    returns how many steps were reached. With breakdown_of_entry (a
    product id or None), step 1 is the first page_view with that product
    and later steps need a null or equal product_id."""
    position, reached = -1, 0
    for number, step in enumerate(STEPS, start=1):
        for index in range(position + 1, len(events)):
            event = events[index]
            if event["event_type"] != step:
                continue
            if breakdown_of_entry is not ...:
                value = event["product_id"]
                if number == 1 and value != breakdown_of_entry:
                    continue
                if number > 1 and value is not None and value != breakdown_of_entry:
                    continue
            position, reached = index, number
            break
        else:
            return reached
    return reached


def expected_session_funnel():
    by_session = defaultdict(list)
    for event in shop_events():
        by_session[event["session_id"]].append(event)
    reached = Counter(ordered_funnel(events, ...) for events in by_session.values())
    return {step: sum(n for depth, n in reached.items() if depth >= step) for step in (1, 2, 3)}


def expected_product_funnel():
    by_visitor = defaultdict(list)
    for event in shop_events():
        by_visitor[event["user_id"]].append(event)
    counts = Counter()
    for events in by_visitor.values():
        entries = {e["product_id"] for e in events if e["event_type"] == "page_view"}
        for value in entries:
            depth = ordered_funnel(events, value)
            for step in range(1, depth + 1):
                counts[(value, step)] += 1
    return counts


def rates(entrants: list[int]) -> list[float]:
    return [1.0] + [b / a if a else None for a, b in zip(entrants, entrants[1:])]


def test_shop_funnels_match_an_independent_computation(dbt):
    dbt.build_case(CASES["shop"])

    session = expected_session_funnel()
    rows = dbt.query(
        "select step_number, step_name, entrants, conversion_rate_from_previous,"
        " conversion_rate_from_first, drop_off_count"
        " from {{ ref('wh_product_funnels_xa') }}"
        " where funnel_name = 'cart_checkout' order by step_number")
    entrants = [session[1], session[2], session[3]]
    assert [r[2] for r in rows] == entrants
    assert [r[1] for r in rows] == STEPS
    assert [round(r[3], 9) for r in rows] == [round(x, 9) for x in rates(entrants)]
    assert [round(r[4], 9) for r in rows] == [round(x / entrants[0], 9) for x in entrants]
    assert [r[5] for r in rows] == [0, entrants[0] - entrants[1], entrants[1] - entrants[2]]
    assert entrants[0] > 250 and 0 < entrants[2] < entrants[1] < entrants[0]

    product = expected_product_funnel()
    rows = dbt.query(
        "select breakdown_value, step_number, entrants from {{ ref('wh_product_funnels_xa') }}"
        " where funnel_name = 'product_funnel'")
    actual = {(value, step): n for value, step, n in rows if n}
    assert actual == dict(product)
    assert len({value for value, _ in product}) == 9  # P1..P8 and no product


def test_largest_drop_off_is_one_query(dbt):
    dbt.build_case(CASES["shop"])
    session = expected_session_funnel()
    drop_rates = {2: 1 - session[2] / session[1], 3: 1 - session[3] / session[2]}
    # The README's query.
    rows = dbt.query(
        "select step_name from {{ ref('wh_product_funnels_xa') }}"
        " where funnel_name = 'cart_checkout' and drop_off_rank = 1")
    assert rows == [(STEPS[max(drop_rates, key=drop_rates.get) - 1],)]


def test_paths_match_an_independent_computation(dbt):
    dbt.build_case(CASES["shop"])
    by_session = defaultdict(list)
    for event in shop_events():
        by_session[event["session_id"]].append(event["event_type"])
    paths = Counter(" > ".join(names[:JOURNEY_LENGTH]) for names in by_session.values())
    rows = dbt.query("select journey_path, session_count, share_of_sessions from {{ ref('wh_product_paths_xa') }}")
    assert {path: n for path, n, _ in rows} == dict(paths)
    total = sum(paths.values())
    assert all(abs(share - n / total) < 1e-9 for _, n, share in rows)

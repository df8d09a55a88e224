"""Product metrics (README, "Product metrics"): the four models against
hand-worked figures on the small metrics fixture, and against an
independent Python implementation of the README's rules computed from the
CSV rows of the metrics and shop fixtures, with and without an active
event list."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date, datetime, timedelta

import pytest

from cases import CASES
from product_warehouse_harness.integration import PROJECT_DIR

pytestmark = [pytest.mark.engine, pytest.mark.usefixtures("seeded")]

MODELS = ["wh_product_metrics_xa", "wh_product_retention_xa",
          "wh_product_lifecycle_xa", "wh_product_stickiness_xa"]
RETENTION_DAYS, RETENTION_WEEKS = 30, 12  # the package's defaults
FIXTURES = {
    "metrics": PROJECT_DIR / "seeds" / "metrics" / "input__metrics__app_events.csv",
    "metrics_active_events": PROJECT_DIR / "seeds" / "metrics" / "input__metrics__app_events.csv",
    "shop": PROJECT_DIR / "seeds" / "shop" / "input__shop__app_events.csv",
}
CASES_HERE = CASES


def day(value) -> str:
    """A date as 'YYYY-MM-DD', however the engine returns it."""
    return str(value)[:10]


def number(value):
    return None if value is None else round(float(value), 9)


# -- the independent implementation -------------------------------------


def events_of(case: str) -> list[dict]:
    with open(FIXTURES[case]) as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        row["at"] = datetime.fromisoformat(row["created_at"])
        row["date"] = row["at"].date()
    return rows


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def month(d: date) -> date:
    return d.replace(day=1)


def previous_month(d: date) -> date:
    return (d - timedelta(days=1)).replace(day=1)


def next_month(d: date) -> date:
    return (d.replace(day=28) + timedelta(days=4)).replace(day=1)


def dates_between(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


class Expected:
    """The README's rules, computed over one fixture's rows."""

    def __init__(self, case: str):
        active_names = CASES_HERE[case].get("product_warehouse_active_event_names")
        self.events = events_of(case)
        self.active = defaultdict(set)      # visitor -> active dates
        self.identified = defaultdict(set)  # visitor -> dates with a user_id on an active event
        self.first_seen = {}
        for e in self.events:
            visitor = e["user_id"]
            self.first_seen[visitor] = min(self.first_seen.get(visitor, e["date"]), e["date"])
            if not active_names or e["event_type"] in active_names:
                self.active[visitor].add(e["date"])
                self.identified[visitor].add(e["date"])
        self.dates = dates_between(min(e["date"] for e in self.events),
                                   max(e["date"] for e in self.events))
        self.last = self.dates[-1]

    def metrics(self) -> list[tuple]:
        sessions = defaultdict(list)
        for e in self.events:
            sessions[(e["user_id"], e["session_id"])].append(e["at"])
        rows = []
        for d in self.dates:
            def in_window(n):
                return sum(1 for ds in self.active.values()
                           if any(d - timedelta(days=n - 1) <= a <= d for a in ds))
            dau = sum(1 for ds in self.active.values() if d in ds)
            mau = in_window(30)
            starting = [s for s in sessions.values() if min(s).date() == d]
            durations = [(max(s) - min(s)).total_seconds() for s in starting]
            rows.append((
                day(d), dau, in_window(7), mau, dau / mau if mau else None,
                sum(1 for f in self.first_seen.values() if f == d),
                sum(1 for v, ds in self.active.items() if d in ds and self.first_seen[v] < d),
                sum(1 for ds in self.identified.values() if d in ds),
                len(starting),
                sum(1 for e in self.events if e["date"] == d),
                sum(1 for e in self.events if e["date"] == d and e["event_type"] == "page_view"),
                sum(durations) / len(durations) if durations else None,
                sum(1 for s in starting if len(s) == 1) / len(starting) if starting else None,
            ))
        return [tuple(number(v) if isinstance(v, float) else v for v in r) for r in rows]

    def retention(self) -> list[tuple]:
        rows = []
        for granularity, length, periods in (("day", 1, RETENTION_DAYS), ("week", 7, RETENTION_WEEKS)):
            start_of = (lambda d: d) if granularity == "day" else monday
            for cohort in sorted({start_of(d) for d in self.dates}):
                members = [v for v, f in self.first_seen.items() if start_of(f) == cohort]
                for n in range(periods + 1):
                    begin = cohort + timedelta(days=n * length)
                    end = begin + timedelta(days=length - 1)
                    if n == 0:
                        on = after = len(members)
                    else:
                        on = sum(1 for v in members if any(begin <= a <= end for a in self.active[v]))
                        after = sum(1 for v in members if any(a >= begin for a in self.active[v]))
                    size = len(members)
                    rows.append((granularity, day(cohort), n, size, on, after,
                                 number(on / size) if size else None,
                                 number(after / size) if size else None, end <= self.last))
        return sorted(rows)

    def lifecycle(self) -> list[tuple]:
        rows = []
        kinds = (("day", lambda d: d, lambda p: p - timedelta(days=1)),
                 ("week", monday, lambda p: p - timedelta(days=7)),
                 ("month", month, previous_month))
        for granularity, start_of, previous in kinds:
            for period in sorted({start_of(d) for d in self.dates}):
                before = previous(period)
                active_now = {v for v, ds in self.active.items() if any(start_of(a) == period for a in ds)}
                active_before = {v for v, ds in self.active.items() if any(start_of(a) == before for a in ds)}
                new = {v for v in active_now if start_of(self.first_seen[v]) == period}
                current = (active_now & active_before) - new
                rows.append((granularity, day(period), len(new), len(current),
                             len(active_now - new - current), len(active_before - active_now)))
        return sorted(rows)

    def stickiness(self) -> list[tuple]:
        rows = []
        for granularity, start_of, most in (("week", monday, 7), ("month", month, 31)):
            for period in sorted({start_of(d) for d in self.dates}):
                counts = [sum(1 for a in ds if start_of(a) == period) for ds in self.active.values()]
                for n in range(1, most + 1):
                    rows.append((granularity, day(period), n, counts.count(n),
                                 sum(1 for c in counts if c >= n)))
        return sorted(rows)


# -- what the models hold -------------------------------------------------


def actual_metrics(dbt) -> list[tuple]:
    rows = dbt.query(
        "select metric_date, active_visitors, weekly_active_visitors, monthly_active_visitors,"
        " stickiness, new_visitors, returning_visitors, identified_active_visitors, sessions,"
        " events, page_views, avg_session_duration_seconds, bounce_rate"
        " from {{ ref('wh_product_metrics_xa') }} order by metric_date")
    return [(day(r[0]), *r[1:4], number(r[4]), *r[5:11], number(r[11]), number(r[12])) for r in rows]


def actual_retention(dbt) -> list[tuple]:
    rows = dbt.query(
        "select cohort_granularity, cohort_start_date, period_number, cohort_size,"
        " retained_visitors, retained_on_or_after_visitors, retention_rate,"
        " unbounded_retention_rate, is_complete from {{ ref('wh_product_retention_xa') }}")
    return sorted((r[0], day(r[1]), *r[2:6], number(r[6]), number(r[7]), bool(r[8])) for r in rows)


def actual_lifecycle(dbt) -> list[tuple]:
    rows = dbt.query(
        "select period_granularity, period_start_date, new_visitors, current_visitors,"
        " resurrected_visitors, dormant_visitors from {{ ref('wh_product_lifecycle_xa') }}")
    return sorted((r[0], day(r[1]), *r[2:]) for r in rows)


def actual_stickiness(dbt) -> list[tuple]:
    rows = dbt.query(
        "select period_granularity, period_start_date, active_days, visitors, visitors_at_least"
        " from {{ ref('wh_product_stickiness_xa') }}")
    return sorted((r[0], day(r[1]), *r[2:]) for r in rows)


def first_differences(actual: list, expected: list) -> str:
    missing = [r for r in expected if r not in actual][:5]
    extra = [r for r in actual if r not in expected][:5]
    return f"expected, not built: {missing}\nbuilt, not expected: {extra}"


# -- the hand-worked case -------------------------------------------------


# metrics fixture: u1 on Mon Feb 26 (page view and add_to_cart, 300 s) and
# Mon Mar 4; u2 on Feb 29 23:59:59 and Mar 1 00:00:00 (two sessions); u3 on
# Sun Mar 3; u4 on Mon Mar 4 (page view and checkout, 30 s). Feb 27-28 and
# Mar 2 have no events. Columns: date, DAU, WAU, MAU, stickiness, new,
# returning, identified, sessions, events, page views, avg session seconds,
# bounce rate.
HAND_METRICS = [
    ("2024-02-26", 1, 1, 1, 1.0, 1, 0, 1, 1, 2, 1, 300.0, 0.0),
    ("2024-02-27", 0, 1, 1, 0.0, 0, 0, 0, 0, 0, 0, None, None),
    ("2024-02-28", 0, 1, 1, 0.0, 0, 0, 0, 0, 0, 0, None, None),
    ("2024-02-29", 1, 2, 2, 0.5, 1, 0, 1, 1, 1, 1, 0.0, 1.0),
    ("2024-03-01", 1, 2, 2, 0.5, 0, 1, 1, 1, 1, 1, 0.0, 1.0),
    ("2024-03-02", 0, 2, 2, 0.0, 0, 0, 0, 0, 0, 0, None, None),
    # u1's Feb 26 is exactly 6 days back: in WAU.
    ("2024-03-03", 1, 3, 3, number(1 / 3), 1, 0, 1, 1, 1, 1, 0.0, 1.0),
    ("2024-03-04", 2, 4, 4, 0.5, 1, 1, 2, 2, 3, 2, 15.0, 0.5),
]
# With active events [add_to_cart, checkout] only u1 on Feb 26 and u4 on
# Mar 4 are active; first-seen dates (new visitors) still count any event.
HAND_METRICS_ACTIVE_EVENTS = [
    ("2024-02-26", 1, 1, 1, 1.0, 1, 0, 1),
    ("2024-02-27", 0, 1, 1, 0.0, 0, 0, 0),
    ("2024-02-28", 0, 1, 1, 0.0, 0, 0, 0),
    ("2024-02-29", 0, 1, 1, 0.0, 1, 0, 0),
    ("2024-03-01", 0, 1, 1, 0.0, 0, 0, 0),
    ("2024-03-02", 0, 1, 1, 0.0, 0, 0, 0),
    ("2024-03-03", 0, 1, 1, 0.0, 1, 0, 0),
    # Feb 26 is 7 days back: out of WAU, in MAU.
    ("2024-03-04", 1, 1, 2, 0.5, 1, 0, 1),
]
# (granularity, period start, new, current, resurrected, dormant)
HAND_LIFECYCLE = [
    ("day", "2024-02-26", 1, 0, 0, 0),
    ("day", "2024-02-27", 0, 0, 0, 1),
    ("day", "2024-02-28", 0, 0, 0, 0),
    ("day", "2024-02-29", 1, 0, 0, 0),
    ("day", "2024-03-01", 0, 1, 0, 0),
    ("day", "2024-03-02", 0, 0, 0, 1),
    ("day", "2024-03-03", 1, 0, 0, 0),
    ("day", "2024-03-04", 1, 0, 1, 1),
    ("month", "2024-02-01", 2, 0, 0, 0),
    ("month", "2024-03-01", 2, 2, 0, 0),
    ("week", "2024-02-26", 3, 0, 0, 0),
    ("week", "2024-03-04", 1, 1, 0, 2),
]
# Some retention rows: (granularity, cohort, period, size, on, on or after,
# rate, unbounded rate, complete).
HAND_RETENTION = [
    ("day", "2024-02-26", 0, 1, 1, 1, 1.0, 1.0, True),
    ("day", "2024-02-26", 1, 1, 0, 1, 0.0, 1.0, True),
    ("day", "2024-02-26", 7, 1, 1, 1, 1.0, 1.0, True),
    ("day", "2024-02-26", 8, 1, 0, 0, 0.0, 0.0, False),
    ("day", "2024-02-27", 0, 0, 0, 0, None, None, True),
    ("day", "2024-02-29", 1, 1, 1, 1, 1.0, 1.0, True),
    ("day", "2024-02-29", 2, 1, 0, 0, 0.0, 0.0, True),
    ("week", "2024-02-26", 0, 3, 3, 3, 1.0, 1.0, True),
    ("week", "2024-02-26", 1, 3, 1, 1, number(1 / 3), number(1 / 3), False),
    ("week", "2024-03-04", 0, 1, 1, 1, 1.0, 1.0, False),
]
# (granularity, period start, active days, visitors, at least) with visitors > 0
HAND_STICKINESS = [
    ("month", "2024-02-01", 1, 2, 2),
    ("month", "2024-03-01", 1, 4, 4),
    ("week", "2024-02-26", 1, 2, 3),
    ("week", "2024-02-26", 2, 1, 1),
    ("week", "2024-03-04", 1, 2, 2),
]


def assert_matches_independent_computation(dbt, case: str) -> None:
    expected = Expected(case)
    for name, actual, wanted in (
        ("wh_product_metrics_xa", actual_metrics(dbt), expected.metrics()),
        ("wh_product_retention_xa", actual_retention(dbt), expected.retention()),
        ("wh_product_lifecycle_xa", actual_lifecycle(dbt), expected.lifecycle()),
        ("wh_product_stickiness_xa", actual_stickiness(dbt), expected.stickiness()),
    ):
        assert actual == wanted, f"{name}:\n{first_differences(actual, wanted)}"


def test_hand_worked_case_gives_the_hand_worked_figures(dbt):
    dbt.build_case(CASES["metrics"])
    assert actual_metrics(dbt) == HAND_METRICS
    assert actual_lifecycle(dbt) == HAND_LIFECYCLE
    retention = actual_retention(dbt)
    assert [r for r in HAND_RETENTION if r not in retention] == []
    # 8 day cohorts x 31 periods, 2 ISO weeks x 13.
    assert len(retention) == 8 * 31 + 2 * 13
    stickiness = actual_stickiness(dbt)
    assert [r for r in stickiness if r[3]] == HAND_STICKINESS
    assert len(stickiness) == 2 * 7 + 2 * 31
    assert_matches_independent_computation(dbt, "metrics")


def test_active_event_list_decides_who_is_active(dbt):
    dbt.build_case(CASES["metrics_active_events"])
    assert [r[:8] for r in actual_metrics(dbt)] == HAND_METRICS_ACTIVE_EVENTS
    assert_matches_independent_computation(dbt, "metrics_active_events")


def test_shop_metrics_match_an_independent_computation(dbt):
    dbt.build_case(CASES["shop"])
    assert_matches_independent_computation(dbt, "shop")
    # The fixture really exercises the windows and every state.
    expected = Expected("shop")
    assert len(expected.dates) >= 14
    lifecycle = expected.lifecycle()
    assert all(any(r[column] for r in lifecycle) for column in (2, 3, 4, 5))

"""The event generator: deterministic for a seed, with the promised bad
input, and the package builds on its output with every raw row
accounted for (the conservation test among the build's tests)."""

from __future__ import annotations

import duckdb

from product_warehouse_harness.project import build_user_project
from product_warehouse_harness.generate import generate


def table_digest(database, schema):
    con = duckdb.connect(str(database))
    try:
        return [
            con.execute(f"select count(*), sum(hash(t)) from {schema}.{table} as t").fetchone()
            for table in ("tracks", "pages", "identifies")
        ]
    finally:
        con.close()


def test_same_seed_same_rows_other_seed_other_rows(tmp_path):
    for name, seed in (("a", 1), ("b", 1), ("c", 2)):
        generate(tmp_path / f"{name}.duckdb", 5_000, days=5, seed=seed, progress=False)
    a, b, c = (table_digest(tmp_path / f"{n}.duckdb", "segment") for n in "abc")
    assert a == b and a != c


def test_package_builds_on_generated_rudderstack_data(tmp_path):
    database = tmp_path / "raw.duckdb"
    counts = generate(database, 30_000, days=7, cdp="rudderstack", seed=3, progress=False)
    assert counts["aliases"] > 0 and counts["identifies"] > 0
    build_user_project(tmp_path, database, vars={"product_warehouse_cdp": "rudderstack"})
    con = duckdb.connect(str(database))
    try:
        reasons = dict(con.execute(
            "select reason, count(*) from analytics.wh_product_event_rejections"
            " where record_type in ('track', 'page') group by 1").fetchall())
        raw, kept = con.execute(
            "select (select count(*) from rudderstack.tracks) + (select count(*) from rudderstack.pages),"
            " (select count(*) from analytics.wh_product_events_fact)").fetchone()
        sessions, identified = con.execute(
            "select (select count(*) from analytics.wh_product_sessions_fact),"
            " (select count(*) from analytics.wh_product_users_dim where is_identified)").fetchone()
    finally:
        con.close()
    assert all(reasons.get(r, 0) > 0 for r in ("duplicate", "missing_id", "future_timestamp")), reasons
    assert raw == kept + sum(n for r, n in reasons.items())
    assert sessions > 1000 and identified > 0

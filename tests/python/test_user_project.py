"""What the README promises a user: a fresh dbt project that adds the
package with `local:`, has Segment-shaped raw tables in schema `segment`
of its DuckDB database (some optional columns missing, zoned timestamps),
sets no vars, and gets the four models from `dbt deps`, `dbt run` and
`dbt test`: no `dbt seed` step."""

from __future__ import annotations

import duckdb

from product_warehouse_harness.project import build_user_project


def test_readme_quickstart_on_a_users_own_segment_tables(tmp_path):
    database = tmp_path / "warehouse.duckdb"
    con = duckdb.connect(str(database))
    con.execute("create schema segment")
    # tracks without any context_* column; pages without referrer or search.
    con.execute("""create table segment.tracks (
        id varchar, anonymous_id varchar, user_id varchar, event varchar,
        "timestamp" timestamptz, received_at timestamptz, sent_at timestamptz,
        some_property_nobody_asked_for integer)""")
    con.execute("""insert into segment.tracks values
        ('t1', 'anon', null, 'signed_up', '2024-05-01 10:05:00+00', '2024-05-01 10:05:01+00', null, 1),
        ('t2', 'anon', 'user-1', 'logged_in', '2024-05-01 10:06:00+00', '2024-05-01 10:06:01+00', null, 2)""")
    con.execute("""create table segment.pages (
        id varchar, anonymous_id varchar, user_id varchar, "timestamp" timestamptz,
        received_at timestamptz, sent_at timestamptz, path varchar, url varchar, title varchar)""")
    con.execute("""insert into segment.pages values
        ('p1', 'anon', null, '2024-05-01 10:00:00+00', '2024-05-01 10:00:01+00', null,
         '/pricing', 'https://x.example/pricing', 'Pricing')""")
    con.execute("""create table segment.identifies (
        id varchar, anonymous_id varchar, user_id varchar, "timestamp" timestamptz,
        received_at timestamptz, sent_at timestamptz)""")
    con.close()

    build_user_project(tmp_path, database, commands=(("deps",), ("run",), ("test",)))

    con = duckdb.connect(str(database))
    try:
        events = con.execute(
            "select event_id, visitor_id, event_name, page_path, referrer "
            "from analytics.wh_product_events_fact order by occurred_at").fetchall()
        sessions = con.execute(
            "select visitor_id, event_count, landing_page_path, session_duration_seconds "
            "from analytics.wh_product_sessions_fact").fetchall()
        users = con.execute(
            "select visitor_id, user_id, session_count from analytics.wh_product_users_dim").fetchall()
        journeys = con.execute(
            "select journey_path from analytics.wh_product_journeys_fact "
            "where event_id = 'p1'").fetchall()
    finally:
        con.close()
    # Browsing before the login joins user-1: one visitor, one session.
    assert events == [
        ("p1", "user-1", "page_view", "/pricing", None),
        ("t1", "user-1", "signed_up", None, None),
        ("t2", "user-1", "logged_in", None, None),
    ]
    assert sessions == [("user-1", 3, "/pricing", 360)]
    assert users == [("user-1", "user-1", 1)]
    assert journeys == [("page_view > signed_up > logged_in",)]

    # The next day's load: a late page view from before the first one
    # (within the 30-minute timeout, received a day later) and a new visitor.
    # A plain `dbt build` (incremental) extends the session backwards.
    con = duckdb.connect(str(database))
    con.execute("""insert into segment.pages values
        ('p0', 'anon', null, '2024-05-01 09:45:00+00', '2024-05-02 08:00:00+00', null,
         '/', 'https://x.example/', 'Home'),
        ('p9', 'other', null, '2024-05-02 07:00:00+00', '2024-05-02 07:00:01+00', null,
         '/', 'https://x.example/', 'Home')""")
    con.close()
    build_user_project(tmp_path, database, commands=(("build",),))
    con = duckdb.connect(str(database))
    try:
        sessions = con.execute(
            "select visitor_id, event_count, landing_page_path, session_duration_seconds,"
            " cast(last_received_at as varchar) from analytics.wh_product_sessions_fact"
            " order by visitor_id").fetchall()
        sequence = con.execute(
            "select event_id, event_sequence_number from analytics.wh_product_events_fact"
            " where visitor_id = 'user-1' order by event_sequence_number").fetchall()
    finally:
        con.close()
    assert sessions == [("other", 1, "/", 0, "2024-05-02 07:00:01"),
                        ("user-1", 4, "/", 1260, "2024-05-02 08:00:00")]
    assert sequence == [("p0", 1), ("p1", 2), ("t1", 3), ("t2", 4)]

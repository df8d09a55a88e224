"""What the README promises a user of attribution: a fresh DuckDB project
with Segment tables that adds product_warehouse_conversions to its vars
gets the four attribution models from `dbt build`; a seed of its own
named by product_warehouse_channel_sources (docs/attribution.md) adds a
search engine to the package's list."""

from __future__ import annotations

import duckdb

from product_warehouse_harness.project import DbtProject, build_user_project


def test_user_conversions_and_own_channel_sources(tmp_path):
    database = tmp_path / "warehouse.duckdb"
    con = duckdb.connect(str(database))
    con.execute("create schema segment")
    con.execute("""create table segment.tracks (
        id varchar, anonymous_id varchar, user_id varchar, event varchar,
        "timestamp" timestamptz, received_at timestamptz, revenue double)""")
    con.execute("""insert into segment.tracks values
        ('t1', 'anon', null, 'Order Completed', '2024-05-08 10:05:00+00', '2024-05-08 10:05:01+00', 80)""")
    con.execute("""create table segment.pages (
        id varchar, anonymous_id varchar, user_id varchar, "timestamp" timestamptz,
        received_at timestamptz, path varchar, url varchar, referrer varchar)""")
    con.execute("""insert into segment.pages values
        ('p1', 'anon', null, '2024-05-01 10:00:00+00', '2024-05-01 10:00:01+00', '/', 'https://x.example/',
         'https://www.search.example/?q=x'),
        ('p2', 'anon', null, '2024-05-08 10:00:00+00', '2024-05-08 10:00:01+00', '/', 'https://x.example/', null)""")
    con.execute("""create table segment.identifies (
        id varchar, anonymous_id varchar, user_id varchar, "timestamp" timestamptz,
        received_at timestamptz)""")
    con.close()
    vars = {"product_warehouse_conversions": [{"name": "order", "event": "Order Completed"}],
            "product_warehouse_channel_sources": "my_channel_sources"}
    project = build_user_project(tmp_path, database, vars=vars, commands=())
    # The user's own channel sources: a seed of the user's project.
    (project / "seeds").mkdir()
    (project / "seeds" / "my_channel_sources.csv").write_text(
        "source_name,source_category\nsearch.example,search\n")
    user = DbtProject(project)
    for command in (("deps",), ("build",)):
        user.invoke(*command)

    con = duckdb.connect(str(database))
    try:
        conversions = con.execute(
            "select event_id, conversion_name, conversion_value, touch_count"
            " from analytics.wh_product_conversions_fact").fetchall()
        touches = con.execute(
            "select touch_number, channel, last_non_direct_credit, first_touch_credit"
            " from analytics.wh_product_attribution_touches_fact order by touch_number").fetchall()
        paths = con.execute(
            "select channel_path, conversions from analytics.wh_product_conversion_paths_xa").fetchall()
        models = con.execute(
            "select count(distinct attribution_model) from analytics.wh_product_attributions_xa").fetchall()
    finally:
        con.close()
    assert conversions == [("t1", "order", 80, 2)]
    # search.example is a search engine only in the user's seed.
    assert touches == [(1, "Organic Search", 1, 1), (2, "Direct", 0, 0)]
    assert paths == [("Organic Search > Direct", 1)]
    assert models == [(6,)]

"""The semantic layer: `mf query` (dbt-metricflow) on generated demo-shaped
data serves the same DAU, WAU, MAU and stickiness per day as
wh_product_metrics_xa. DuckDB only, in a throwaway user project (not marked
`engine`: `make test` runs it, the per-engine runs do not)."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from product_warehouse_harness.project import DbtProject, build_user_project

METRICS = ["product_warehouse_dau", "product_warehouse_wau",
           "product_warehouse_mau", "product_warehouse_stickiness"]


@pytest.fixture(scope="module")
def user_project(tmp_path_factory) -> tuple[Path, Path]:
    """3,000 generated Segment events over 40 days, the package built on
    them in a fresh user project."""
    from product_warehouse_harness.generate import generate

    work = tmp_path_factory.mktemp("semantic_layer")
    database = work / "warehouse.duckdb"
    generate(database, 3000, days=40, cdp="segment", seed=7)
    # dbt and mf in child processes: dbt-duckdb holds the file open for
    # the life of the process that ran it, and mf needs it.
    project = build_user_project(work, database, commands=(), vars={
        "product_warehouse_conversions": [{"name": "order", "event": "order_completed"}]})
    dbt = DbtProject(project)
    for command in (["deps"], ["build", "--select", "package:product_warehouse"]):
        dbt.invoke_in_child(*command)
    return project, database


def run_command(project: Path, program: str, *args: str) -> str:
    run = subprocess.run(
        [str(Path(sys.executable).with_name(program)), *args], cwd=project, capture_output=True,
        text=True, timeout=300,
        env={**os.environ, "DBT_PROFILES_DIR": str(project), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"})
    assert run.returncode == 0, f"{program} {args[0]} failed:\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}"
    return run.stdout


def mf_query(project: Path, *args: str) -> list[dict]:
    out = project / "mf_out.csv"
    out.unlink(missing_ok=True)
    run_command(project, "mf", "query", *args, "--csv", str(out))
    with open(out) as f:
        return list(csv.DictReader(f))


def test_mf_query_serves_the_metrics_model_figures(user_project):
    project, database = user_project
    rows = mf_query(project, "--metrics", ",".join(METRICS), "--group-by", "metric_time__day",
                    "--order", "metric_time__day")
    served = {r["metric_time__day"][:10]: r for r in rows}
    con = duckdb.connect(str(database), read_only=True)
    try:
        expected = con.execute(
            "select cast(metric_date as varchar), active_visitors, weekly_active_visitors,"
            " monthly_active_visitors, stickiness from analytics.wh_product_metrics_xa"
            " order by metric_date").fetchall()
    finally:
        con.close()
    assert len(expected) >= 30 and max(r[3] for r in expected) > max(r[1] for r in expected)
    differences = []
    for metric_date, dau, wau, mau, stickiness in expected:
        row = served.get(metric_date)
        figures = None if row is None else (
            int(float(row["product_warehouse_dau"] or 0)),
            int(float(row["product_warehouse_wau"] or 0)),
            int(float(row["product_warehouse_mau"] or 0)),
            round(float(row["product_warehouse_stickiness"]), 9) if row["product_warehouse_stickiness"] else None,
        )
        wanted = (dau, wau, mau, None if stickiness is None else round(stickiness, 9))
        if figures != wanted:
            differences.append(f"{metric_date}: mf {figures} != wh_product_metrics_xa {wanted}")
    assert not differences, "\n".join(differences[:10])
    # The time spine follows the data: it ends at the last activity date,
    # so nothing is served after it.
    later = [day for day in served if day > expected[-1][0]]
    assert later == [], later


def test_mf_query_serves_conversions_and_the_session_conversion_rate(user_project):
    project, database = user_project
    rows = mf_query(project, "--metrics", "product_warehouse_conversions,product_warehouse_conversion_value,"
                    "product_warehouse_session_conversion_rate", "--group-by", "metric_time__day")
    served = {r["metric_time__day"][:10]: r for r in rows}
    con = duckdb.connect(str(database), read_only=True)
    try:
        expected = con.execute("""
            with converting as (
                select cast(occurred_at as date) as day, count(distinct session_id) as sessions
                from analytics.wh_product_conversions_fact group by 1),
            started as (
                select cast(session_start_at as date) as day, count(*) as sessions
                from analytics.wh_product_sessions_fact group by 1)
            select cast(metrics.metric_date as varchar), metrics.conversions,
                metrics.conversion_value, converting.sessions * 1.0 / started.sessions
            from analytics.wh_product_metrics_xa as metrics
            left join converting on metrics.metric_date = converting.day
            left join started on metrics.metric_date = started.day
            order by 1""").fetchall()
    finally:
        con.close()
    assert sum(r[1] for r in expected) > 10
    differences = []
    for metric_date, conversions, value, rate in expected:
        row = served.get(metric_date, {})
        figures = (int(float(row.get("product_warehouse_conversions") or 0)),
                   round(float(row.get("product_warehouse_conversion_value") or 0), 6),
                   round(float(row["product_warehouse_session_conversion_rate"]), 9)
                   if row.get("product_warehouse_session_conversion_rate") else None)
        wanted = (conversions, round(value, 6), None if rate is None else round(rate, 9))
        if figures != wanted:
            differences.append(f"{metric_date}: mf {figures} != expected {wanted}")
    assert not differences, "\n".join(differences[:10])


def test_time_spine_can_be_turned_off(tmp_path):
    """With product_warehouse_enable_time_spine false the package ships no
    time spine, and a project with its own parses: exactly one remains."""
    import json

    project = build_user_project(tmp_path, tmp_path / "empty.duckdb",
                                 vars={"product_warehouse_enable_time_spine": False},
                                 commands=(("deps",),))
    (project / "models").mkdir()
    (project / "models" / "my_time_spine.sql").write_text(
        "select cast('2024-01-01' as date) as date_day")
    (project / "models" / "my_time_spine.yml").write_text(
        "models:\n  - name: my_time_spine\n    time_spine:\n"
        "      standard_granularity_column: date_day\n"
        "    columns:\n      - name: date_day\n        granularity: day\n")
    DbtProject(project).invoke("parse")
    manifest = json.loads((project / "target" / "manifest.json").read_text())
    spines = sorted(n["name"] for n in manifest["nodes"].values()
                    if n["resource_type"] == "model" and n.get("time_spine"))
    assert spines == ["my_time_spine"]

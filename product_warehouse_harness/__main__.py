"""python -m product_warehouse_harness demo | generate ... | report ...

demo: generates 30 days of Segment data (200,000 events, seeded) into an
embedded DuckDB file, builds the package on the first 29 days (by load
time), loads the last day and runs it incrementally, prints a short
summary of users, sessions, events and both runs, and writes the HTML
report (a funnel and a conversion are configured for it).
generate: writes deterministic raw Segment/RudderStack tables of any size
into a DuckDB file (see product_warehouse_harness/generate.py).
report: reads the warehouse models of any dbt project through its own
profile and writes one self-contained HTML file
(product_warehouse_harness/report.py)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT_DIR = ROOT / "integration_tests"


DEMO_EVENTS = 200_000
# The demo's configuration: the generated data's product funnel (per
# session, and per product across sessions) and orders as conversions.
DEMO_VARS = {
    "product_warehouse_test_case": "none",
    "product_warehouse_cdp": "segment",
    "product_warehouse_funnels": [
        {"name": "checkout", "scope": "session", "count": "sessions",
         "steps": ["product_viewed", "add_to_cart", "checkout_started", "order_completed"]},
        {"name": "product to cart", "scope": "visitor", "count": "visitors",
         "breakdown": "product_id", "window_minutes": 10080,
         "steps": ["product_viewed", "add_to_cart"]},
    ],
    "product_warehouse_conversions": [
        {"name": "order", "event": "order_completed", "value": "revenue"},
    ],
}
RAW_TABLES = ("tracks", "pages", "identifies")


def _timed(project, *args: str) -> float:
    """Runs one dbt command of `project` (a DbtProject); its wall seconds.
    A failure ends the demo with dbt's messages."""
    import time

    from product_warehouse_harness.project import DbtError

    started = time.perf_counter()
    try:
        project.invoke(*args, "--quiet")
    except DbtError as error:
        sys.exit(f"{error}\n(run it in integration_tests/ for the full log)")
    return time.perf_counter() - started


def summary(database: Path, generated: int = DEMO_EVENTS) -> str:
    import duckdb

    con = duckdb.connect(str(database))
    try:
        def one(sql: str):
            return con.execute(sql).fetchone()

        users, identified = one(
            "select count(*), count(*) filter (where is_identified) from main.wh_product_users_dim")
        sessions, avg_seconds, avg_events = one(
            "select count(*), avg(session_duration_seconds), avg(event_count)"
            " from main.wh_product_sessions_fact")
        events, pages, tracks = one(
            "select count(*), count(*) filter (where event_type = 'page'),"
            " count(*) filter (where event_type = 'track') from main.wh_product_events_fact")
        rejections = con.execute(
            "select reason, count(*) from main.wh_product_event_rejections group by 1 order by 1"
        ).fetchall()
        paths = con.execute(
            "select journey_path, count(*) from main.wh_product_journeys_fact"
            " where event_sequence_number = 1 group by 1 order by 2 desc, 1 limit 3"
        ).fetchall()
    finally:
        con.close()
    lines = [
        f"product_warehouse demo (DuckDB, {generated:,} generated Segment events, 30 days)",
        f"  users     {users:>6}  ({identified} identified, {users - identified} anonymous)",
        f"  sessions  {sessions:>6}  (avg {avg_seconds or 0:.1f} s, {avg_events or 0:.1f} events)",
        f"  events    {events:>6}  ({pages} page views, {tracks} tracks)",
        "  rejected  {:>6}  ({})".format(
            sum(n for _, n in rejections), ", ".join(f"{n} {r}" for r, n in rejections) or "none"),
        "  top session paths:",
        *[f"    {n:>4}  {p}" for p, n in paths],
        f"  database: {database}",
    ]
    return "\n".join(lines)


def _hold_back_last_day(database: Path) -> None:
    """Moves the raw rows received after the start of day 30 (the last day,
    and stragglers received later) to schema demo_hold."""
    import duckdb

    con = duckdb.connect(str(database))
    try:
        cutoff = con.execute(
            "select date_trunc('day', min(\"timestamp\")) + interval 29 day from segment.tracks"
        ).fetchone()[0]
        con.execute("create schema demo_hold")
        for raw in RAW_TABLES:
            con.execute(f"create table demo_hold.{raw} as select * from segment.{raw} where received_at > ?",
                        [cutoff])
            con.execute(f"delete from segment.{raw} where received_at > ?", [cutoff])
    finally:
        con.close()


def _load_last_day(database: Path) -> int:
    import duckdb

    con = duckdb.connect(str(database))
    try:
        for raw in RAW_TABLES:
            con.execute(f"insert into segment.{raw} select * from demo_hold.{raw}")
        return sum(con.execute(f"select count(*) from demo_hold.{raw}").fetchone()[0] for raw in RAW_TABLES)
    finally:
        con.close()


def demo(events: int = DEMO_EVENTS, report_path: Path | None = None) -> Path:
    """Runs the demo; returns the report's path."""
    from product_warehouse_harness.generate import generate
    from product_warehouse_harness.project import DbtProject
    from product_warehouse_harness.report import write_report

    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    database = PROJECT_DIR / "target" / "demo.duckdb"
    database.parent.mkdir(parents=True, exist_ok=True)
    for stale in (database, database.with_suffix(".duckdb.wal")):
        stale.unlink(missing_ok=True)
    os.environ["PRODUCT_WAREHOUSE_DUCKDB_PATH"] = str(database)
    generate(database, events, days=30, cdp="segment", seed=42, progress=sys.stderr.isatty())
    _hold_back_last_day(database)
    project = DbtProject(PROJECT_DIR, target="duckdb", vars=DEMO_VARS)
    select = ["--select", "package:product_warehouse", "--resource-type", "model", "test"]
    _timed(project, "deps")
    full_seconds = _timed(project, "build", "--full-refresh", *select)
    late_rows = _load_last_day(database)
    incremental_seconds = _timed(project, "build", *select)
    print(summary(database, events))
    print(f"  runs: full build of days 1-29 {full_seconds:.1f} s (models and tests); "
          f"day 30 ({late_rows:,} raw rows) incremental {incremental_seconds:.1f} s")
    report = write_report(project, report_path or PROJECT_DIR / "target" / "demo_report.html",
                          title="Product report: demo data")
    print(f"  report: {report}")
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m product_warehouse_harness")
    commands = parser.add_subparsers(dest="command", required=True)
    demo_parser = commands.add_parser(
        "demo", help="build the package on demo data (DuckDB), print a summary, write the report")
    demo_parser.add_argument("--events", type=lambda v: int(v.replace("_", "")), default=DEMO_EVENTS)
    demo_parser.add_argument("--report", type=Path, default=None,
                             help="where to write the report (default integration_tests/target/demo_report.html)")
    report = commands.add_parser(
        "report", help="write a self-contained HTML report of a project's warehouse models")
    report.add_argument("--project-dir", type=Path, required=True)
    report.add_argument("--profiles-dir", type=Path, default=None,
                        help="default: the project dir, as dbt itself")
    report.add_argument("--target", default=None, help="default: the profile's own target")
    report.add_argument("--vars", default=None, help="dbt vars (YAML or JSON), as for dbt")
    report.add_argument("--title", default="Product report")
    report.add_argument("--out", type=Path, required=True)
    gen = commands.add_parser("generate", help="write raw CDP tables of any size into a DuckDB file")
    gen.add_argument("--events", type=lambda v: int(v.replace("_", "")), required=True)
    gen.add_argument("--days", type=int, default=30)
    gen.add_argument("--cdp", choices=["segment", "rudderstack"], default="segment")
    gen.add_argument("--seed", type=int, default=42)
    gen.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "demo":
        demo(args.events, args.report)
    elif args.command == "report":
        import yaml

        from product_warehouse_harness.project import DbtProject
        from product_warehouse_harness.report import write_report

        project = DbtProject(args.project_dir, args.profiles_dir, args.target,
                             yaml.safe_load(args.vars) if args.vars else None)
        print(f"wrote {write_report(project, args.out, args.title)}")
    elif args.command == "generate":
        from product_warehouse_harness.generate import generate

        counts = generate(args.out, args.events, days=args.days, cdp=args.cdp, seed=args.seed)
        print(f"wrote {args.out}: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))


if __name__ == "__main__":
    main()

"""Benchmark: the package's full build against the floor, per size.

    .venv/bin/python bench/run.py                 # 1M and 10M events
    .venv/bin/python bench/run.py --sizes 1000000 # one size
    .venv/bin/python bench/run.py --with-50m      # adds 50M

For each size, one process (this script re-invoked with --one) works on
the same generated Segment data (bench/data/, made once by the generator,
seed 42, 30 days):
- floor: one hand-written DuckDB statement computing the sessions fact's
  essentials (dedupe, identity stitching, 30-minute sessionization,
  per-session totals) from the raw tables: what the engine needs for the
  essential work;
- incremental: the raw rows received after the start of day 30 (the last
  day, and stragglers received later) are set aside, the package is built
  on the rest (not timed), those rows are loaded back and a plain `dbt run`
  of the package's models is timed: one day on top of 29;
- full: `dbt run --full-refresh` of the package's models on all 30 days,
  in the same fresh user project (tests not included). Its four
  incremental models must hold the same row counts as after the
  incremental run, or the benchmark fails.
It prints a table of wall seconds, peak memory (RSS of the process,
sampled every 20 ms), events per second and the ratios full/floor and
incremental/full, then the full build's seconds of each product metrics
model, and writes them to bench/results.json.
Ratios are computed against the floor measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW_TABLES = ("tracks", "pages", "identifies")
INCREMENTAL_MODELS = ("int_product_records_identified", "wh_product_events_fact",
                      "wh_product_sessions_fact", "wh_product_users_dim",
                      "wh_product_journeys_fact", "int_product_visitor_days")
# Product metrics: their one read of the events, then the four models.
METRICS_MODELS = ("int_product_visitor_days", "wh_product_metrics_xa", "wh_product_retention_xa",
                  "wh_product_lifecycle_xa", "wh_product_stickiness_xa")
DATA = ROOT / "bench" / "data"
sys.path.insert(0, str(ROOT))

FLOOR_SQL = """
create or replace table main.bench_floor_sessions as
with raw_events as (
    select id, anonymous_id, user_id, "timestamp" as ts, received_at, 'track' as kind
    from segment.tracks
    union all
    select id, anonymous_id, user_id, "timestamp", received_at, 'page' from segment.pages
),
kept as (
    select * from raw_events
    where id is not null and ts is not null
      and (anonymous_id is not null or user_id is not null)
    qualify row_number() over (partition by kind, id order by received_at) = 1
),
links as (
    select anonymous_id, arg_max(user_id, (ts, id)) as mapped_user_id
    from (
        select anonymous_id, user_id, ts, id from kept
        where anonymous_id is not null and user_id is not null
        union all
        select anonymous_id, user_id, "timestamp", id from segment.identifies
        where id is not null and "timestamp" is not null
          and anonymous_id is not null and user_id is not null
    )
    group by 1
),
visited as (
    select coalesce(kept.user_id, links.mapped_user_id, kept.anonymous_id) as visitor_id,
           kept.ts, kept.id, kept.kind
    from kept left join links on kept.anonymous_id = links.anonymous_id
),
flagged as (
    select *,
        case when epoch_us(ts) - epoch_us(lag(ts) over w) <= 1800000000 then 0 else 1 end
            as is_session_start
    from visited
    window w as (partition by visitor_id order by ts, id)
),
numbered as (
    select *, sum(is_session_start) over (
        partition by visitor_id order by ts, id rows between unbounded preceding and current row
    ) as session_number
    from flagged
)
select visitor_id, session_number, min(ts) as session_start_at, max(ts) as session_end_at,
       count(*) as event_count, count(*) filter (where kind = 'page') as page_view_count
from numbered
group by 1, 2
"""


class PeakRss:
    """Peak resident memory of this process during a block (MB)."""

    def __enter__(self):
        self.peak, self.running = 0, True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self):
        while self.running:
            with open("/proc/self/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        self.peak = max(self.peak, int(line.split()[1]) // 1024)
            time.sleep(0.02)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()


def data_file(events: int) -> Path:
    from product_warehouse_harness.generate import generate

    path = DATA / f"segment_{events}.duckdb"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        generate(partial, events, days=30, cdp="segment", seed=42)
        partial.rename(path)
    return path


def measure_one(events: int) -> dict:
    """Floor, then the package's full build, on a copy of the data."""
    import duckdb
    from dbt.cli.main import dbtRunner

    os.environ["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    source = data_file(events)
    work = Path(tempfile.mkdtemp(prefix="product_warehouse_bench_"))
    database = work / "warehouse.duckdb"
    database.write_bytes(source.read_bytes())
    result = {"events": events}

    with PeakRss() as rss:
        started = time.perf_counter()
        con = duckdb.connect(str(database))
        con.execute(FLOOR_SQL)
        result["floor_sessions"] = con.execute(
            "select count(*) from main.bench_floor_sessions").fetchone()[0]
        con.close()
        result["floor_seconds"] = time.perf_counter() - started
    result["floor_peak_mb"] = rss.peak

    project = work / "project"
    project.mkdir()
    (project / "dbt_project.yml").write_text(
        "name: bench\nversion: '1.0'\nconfig-version: 2\nprofile: bench\n")
    (project / "packages.yml").write_text(f"packages:\n  - local: {ROOT}\n")
    (project / "profiles.yml").write_text(json.dumps({"bench": {"target": "dev", "outputs": {
        "dev": {"type": "duckdb", "path": str(database), "schema": "analytics", "threads": 2}}}}))
    args = ["--project-dir", str(project), "--profiles-dir", str(project), "--quiet"]
    assert dbtRunner().invoke(["deps", *args]).success
    # The package's own seed (search engines and social sites, for channels).
    assert dbtRunner().invoke(["seed", "--select", "package:product_warehouse", *args]).success

    def dbt_run(*flags: str, profile: str | None = None) -> float:
        started = time.perf_counter()
        run = dbtRunner().invoke(["run", *flags, "--select", "package:product_warehouse", *args])
        if not run.success:
            raise SystemExit(f"package build {flags} failed at {events} events: {run.exception}")
        seconds = time.perf_counter() - started
        if profile:
            # The slowest models of this run (seconds), for the README's why.
            timings = sorted(((r.node.name, round(r.execution_time, 1)) for r in run.result.results),
                             key=lambda item: -item[1])
            result[f"{profile}_slowest_models"] = timings[:6]
            result[f"{profile}_metrics_models"] = {
                name: seconds for name, seconds in timings if name in METRICS_MODELS}
        return seconds

    def row_counts() -> dict:
        con = duckdb.connect(str(database))
        counts = {m: con.execute(f"select count(*) from analytics.{m}").fetchone()[0]
                  for m in INCREMENTAL_MODELS}
        con.close()
        return counts

    # 29 days, then the last day's rows (by load time) on top.
    con = duckdb.connect(str(database))
    last_day = con.execute(
        "select date_trunc('day', min(\"timestamp\")) + interval 29 day from segment.tracks").fetchone()[0]
    con.execute("create schema bench_hold")
    for raw in RAW_TABLES:
        con.execute(f"create table bench_hold.{raw} as select * from segment.{raw} "
                    "where received_at > ?", [last_day])
        con.execute(f"delete from segment.{raw} where received_at > ?", [last_day])
    result["incremental_events"] = sum(
        con.execute(f"select count(*) from bench_hold.{raw}").fetchone()[0]
        for raw in ("tracks", "pages"))
    con.close()
    result["base_seconds"] = dbt_run("--full-refresh")
    con = duckdb.connect(str(database))
    for raw in RAW_TABLES:
        con.execute(f"insert into segment.{raw} select * from bench_hold.{raw}")
    con.close()
    with PeakRss() as rss:
        result["incremental_seconds"] = dbt_run(profile="incremental")
    result["incremental_peak_mb"] = rss.peak
    after_incremental = row_counts()

    with PeakRss() as rss:
        result["full_seconds"] = dbt_run("--full-refresh", profile="full")
    result["full_peak_mb"] = rss.peak
    after_full = row_counts()
    if after_incremental != after_full:
        raise SystemExit(f"incremental {after_incremental} != full refresh {after_full}")
    result["package_sessions"] = after_full["wh_product_sessions_fact"]
    database.unlink()
    return result


def table(results: list[dict]) -> str:
    lines = [
        "| events | floor s | floor peak MB | full build s | full peak MB | full events/s | full/floor "
        "| last-day events | incremental s | incremental peak MB | incremental/full |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['events']:,} | {r['floor_seconds']:.1f} | {r['floor_peak_mb']:,} | "
            f"{r['full_seconds']:.1f} | {r['full_peak_mb']:,} | {r['events'] / r['full_seconds']:,.0f} | "
            f"{r['full_seconds'] / r['floor_seconds']:.2f} | {r['incremental_events']:,} | "
            f"{r['incremental_seconds']:.1f} | {r['incremental_peak_mb']:,} | "
            f"{r['incremental_seconds'] / r['full_seconds']:.2f} |")
    lines += ["", "| events | " + " | ".join(f"{m} s (full)" for m in METRICS_MODELS) + " |",
              "|---:|" + "---:|" * len(METRICS_MODELS)]
    for r in results:
        seconds = r.get("full_metrics_models", {})
        lines.append(f"| {r['events']:,} | "
                     + " | ".join(f"{seconds[m]:.1f}" if m in seconds else "-" for m in METRICS_MODELS)
                     + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000_000, 10_000_000])
    parser.add_argument("--with-50m", action="store_true")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one)))
        return
    sizes = args.sizes + ([50_000_000] if args.with_50m else [])
    results = []
    for events in sizes:
        run = subprocess.run([sys.executable, __file__, "--one", str(events)],
                             capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(run.stdout + run.stderr)
        results.append(json.loads(run.stdout.strip().splitlines()[-1]))
    machine = f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_version()}"
    report = {"machine": machine, "results": results, "table": table(results)}
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"machine: {machine}\n{report['table']}")


if __name__ == "__main__":
    main()

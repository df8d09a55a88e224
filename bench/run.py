"""Benchmark: the package's full build against two floors, per size.

    .venv/bin/python bench/run.py                 # 1M and 10M events
    .venv/bin/python bench/run.py --sizes 1000000 # one size
    .venv/bin/python bench/run.py --with-50m      # adds 50M
    .venv/bin/python bench/run.py --sizes --with-100m  # 100M, full build only

For each size, one process (this script re-invoked with --one) works on
a copy of the same generated Segment data (bench/data/, made once by the
generator, seed 42, 30 days), in this order:
- essentials floor: one hand-written DuckDB statement (FLOOR_SQL)
  computing only the sessions fact's essentials (dedupe, identity
  stitching, 30-minute sessionization, per-session totals) from the raw
  tables: what the engine needs for the essential work. Timed in this
  process.
- like-for-like floor: hand-written DuckDB statements (bench/floor.sql)
  that build, from the raw tables as the package's own staging models
  read them (their SQL compiled in the bench project, untimed) and the
  package's channel sources (the lists of the macro
  default_channel_sources), tables holding exactly the rows of
  the package's full build of wh_product_events_fact, _sessions_fact,
  _users_dim, _journeys_fact and wh_product_event_rejections with the
  package's default vars, in schema bench_floor of the same DuckDB file.
  The package's project sets one funnel (the generator's
  product_viewed -> add_to_cart -> checkout_started -> order_completed)
  and one conversion (order_completed, valued by revenue), which those
  five tables do not read.
  Timed in a child process of its own (this script with --floor), from
  connecting to closing the database, so its peak memory is its own.
- incremental: the raw rows received after the start of day 30 (the last
  day, and stragglers received later) are set aside, the package is built
  on the rest (not timed), those rows are loaded back and a plain `dbt run`
  of the package's models is timed: one day on top of 29; then the same
  `dbt run` again with nothing newly loaded (what any run costs, whatever
  it loads: dbt's per-model work, the tables rebuilt whole, the reads of
  stored tables, and the records of the lookback window read again),
  which must change no row count;
- full: `dbt run --full-refresh` of the package's models on all 30 days,
  in the same fresh user project (tests not included). Its
  incremental models must hold the same row counts as after the
  incremental run, and each like-for-like floor table must equal the
  package's table row for row (same columns and types; `except all` both
  ways empty, DOUBLE columns rounded to 6 decimals, timestamps exact), or
  the benchmark fails naming the table;
- core: `dbt run --full-refresh` of only those five tables and the models
  they read (`+wh_product_events_fact ...`): the full build's part that
  the like-for-like floor also does, with dbt's per-model work; the
  floor's tables are compared with the package's after it;
- dbt parse+compile: then `dbt parse --no-partial-parse` plus
  `dbt compile --select package:product_warehouse` (on the full data),
  timed together: dbt's own fixed cost, part of every run.
With --with-100m, 100M events get only the full build (seconds and
peak memory, no floors, no incremental run): the target there is that it
builds at all within the machine's memory.
dbt commands run through the harness's DbtProject (dbtRunner): the timed
ones in this process (Python start-up and imports not included), deps and
the staging compile in a child process; peak memory is the RSS of the process, sampled
every 20 ms. The script prints a table of wall seconds, peak memory,
events per second and the ratios full/floor (for both floors),
core/like-for-like floor and incremental/full, then the full build's
seconds of each product metrics model, and writes them to
bench/results.json. Ratios are computed against
the floors measured in the same run.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import platform
import re
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
                      "wh_product_journeys_fact", "int_product_visitor_days",
                      "wh_product_funnel_progress_fact", "wh_product_attribution_touches_fact",
                      "wh_product_conversions_fact")
# Product metrics: their one read of the events, then the four models.
METRICS_MODELS = ("int_product_visitor_days", "wh_product_metrics_xa", "wh_product_retention_xa",
                  "wh_product_lifecycle_xa", "wh_product_stickiness_xa")
DATA = ROOT / "bench" / "data"
FLOOR_FILE = ROOT / "bench" / "floor.sql"
FLOOR_SCHEMA = "bench_floor"
# The tables the like-for-like floor builds, each equal to the package's.
FLOOR_TABLES = ("wh_product_events_fact", "wh_product_sessions_fact", "wh_product_users_dim",
                "wh_product_journeys_fact", "wh_product_event_rejections")
# The package's default vars that the like-for-like floor hard-codes
# (journey length 5, no traits, no session event counts, no internal hosts
# are in its SQL; staging is the package's own compiled SQL).
MAX_FUTURE_MINUTES = 1440
SESSION_INACTIVITY_MINUTES = 30
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

# The package's staging models whose compiled SQL the like-for-like floor
# reads (per raw table), and k, the raw row's key: its rowid plus its
# table's offset.
STAGING_MODELS = {raw: f"stg_product_cdp__{raw}" for raw in RAW_TABLES}
KEY_OFFSETS = {"tracks": 0, "pages": 1 << 40, "identifies": 2 << 40}
NARROW_COLUMNS = ("k", "source_table", "record_type", "event_id", "anonymous_id", "user_id",
                  "event_name", "occurred_at", "received_at")


def compile_staging(project: Path) -> dict:
    """The package's staging models for the raw tables, compiled in the
    bench project (dbt deps, then dbt compile, in a child process through
    the harness: dbt in a process keeps the DuckDB file locked, and the
    floor's process must open it): their SQL by raw table."""
    from product_warehouse_harness.project import DbtError, DbtProject

    dbt = DbtProject(project)
    try:
        dbt.invoke_in_child("deps", "--quiet")
        dbt.invoke_in_child("compile", "--select", *STAGING_MODELS.values(), "--quiet")
    except DbtError as error:
        raise SystemExit(f"compiling the staging models failed: {error}")
    compiled = project / "target" / "compiled" / "product_warehouse" / "models" / "staging" / "cdp"
    return {raw: (compiled / f"{model}.sql").read_text() for raw, model in STAGING_MODELS.items()}


def keyed(raw: str, compiled: str) -> str:
    """The package's compiled staging SQL of one raw table with k added:
    the source CTE selects the raw row's key and the renamed CTE passes
    it on, first. Everything else is the package's SQL as compiled."""
    sql = compiled
    for cte, column in (("source", f"rowid + {KEY_OFFSETS[raw]} as k"), ("renamed", "k")):
        head = f"{cte} as (\n\n    select\n"
        if sql.count(head) != 1:
            raise SystemExit(f"bench: the compiled {STAGING_MODELS[raw]} has no single "
                             f"'{cte} as ( select' to add k to; update keyed()")
        sql = sql.replace(head, f"{head}        {column},\n")
    return sql


def channel_sources_values() -> str:
    """The package's search engines and social sites (the lists in the
    macro default_channel_sources, read as data) as a SQL values list
    with the columns source_name, source_category."""
    text = (ROOT / "macros" / "attribution" / "default_channel_sources.sql").read_text()
    rows = [(name, category) for category, body in
            re.findall(r"set (search|social) = \[(.*?)\]", text, re.S)
            for name in ast.literal_eval("[" + body + "]")]
    values = ", ".join(f"('{name}', '{category}')" for name, category in rows)
    return f"(select * from (values {values}) as t(source_name, source_category))"


def floor_statements(staging: dict) -> list[str]:
    """bench/floor.sql, filled in with the package's staging SQL (from
    compile_staging), one string per statement."""
    union = "\n    union all\n    ".join
    text = "\n".join(line for line in FLOOR_FILE.read_text().splitlines()
                     if not line.lstrip().startswith("--"))
    text = text.format(
        schema=FLOOR_SCHEMA, seed=channel_sources_values(),
        max_future_seconds=MAX_FUTURE_MINUTES * 60,
        timeout_us=SESSION_INACTIVITY_MINUTES * 60 * 1_000_000,
        records=union(f"select {', '.join(NARROW_COLUMNS)} from ({keyed(raw, staging[raw])}) as {raw}"
                      for raw in RAW_TABLES),
        events=union(f"select * from ({keyed(raw, staging[raw])}) as {raw}"
                     for raw in ("tracks", "pages")),
        pages=f"select * from ({keyed('pages', staging['pages'])}) as pages")
    return [s.strip() for s in re.split(r";\s*\n", text) if s.strip()]


def like_floor(database: Path, staging: dict) -> dict:
    """The like-for-like floor on `database` (run in a child process)."""
    import duckdb

    statements = floor_statements(staging)
    with PeakRss() as rss:
        started = time.perf_counter()
        con = duckdb.connect(str(database))
        for statement in statements:
            con.execute(statement)
        rows = {t: con.execute(f"select count(*) from {FLOOR_SCHEMA}.{t}").fetchone()[0]
                for t in FLOOR_TABLES}
        con.close()
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak_mb": rss.peak, "rows": rows}


def check_floor_equals_package(con) -> None:
    """Each floor table holds exactly the package table's rows, or SystemExit."""
    def columns(schema, name):
        return con.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_schema = ? and table_name = ? order by ordinal_position",
            [schema, name]).fetchall()

    for name in FLOOR_TABLES:
        package, floor = columns("analytics", name), columns(FLOOR_SCHEMA, name)
        if sorted(package) != sorted(floor):
            raise SystemExit(f"like-for-like floor: {name} columns differ: "
                             f"package {package}, floor {floor}")
        select = ", ".join(f'round("{c}", 6) as "{c}"' if data_type == "DOUBLE" else f'"{c}"'
                           for c, data_type in package)
        package_rows = f"select {select} from analytics.{name}"
        floor_rows = f"select {select} from {FLOOR_SCHEMA}.{name}"
        missing = f"({package_rows} except all {floor_rows})"
        extra = f"({floor_rows} except all {package_rows})"
        counts = [con.execute(f"select count(*) from {q}").fetchone()[0] for q in (missing, extra)]
        if any(counts):
            examples = [con.execute(f"select * from {q} limit 2").fetchall() for q in (missing, extra)]
            raise SystemExit(
                f"like-for-like floor: {name} differs from the package's: {counts[0]} package rows "
                f"missing from the floor, e.g. {examples[0]}; {counts[1]} floor rows not in the "
                f"package, e.g. {examples[1]} (columns {[c for c, _ in package]})")


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


def measure_one(events: int, build_only: bool = False) -> dict:
    """Floors, incremental run and full build, on a copy of the data
    (build_only: the full build alone)."""
    import duckdb

    from product_warehouse_harness.project import DbtError, DbtProject

    os.environ["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    source = data_file(events)
    work = Path(tempfile.mkdtemp(prefix="product_warehouse_bench_"))
    database = work / "warehouse.duckdb"
    database.write_bytes(source.read_bytes())
    result = {"events": events}

    if not build_only:
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
    # The generator's product funnel and its orders as a conversion, so the
    # derived facts (funnel progress, touches, conversions) hold rows.
    (project / "dbt_project.yml").write_text(
        "name: bench\nversion: '1.0'\nconfig-version: 2\nprofile: bench\n"
        "vars:\n"
        "  product_warehouse_funnels:\n"
        "    - {name: purchase, steps: [product_viewed, add_to_cart, checkout_started, order_completed]}\n"
        "  product_warehouse_conversions:\n"
        "    - {name: order, event: order_completed}\n")
    (project / "packages.yml").write_text(f"packages:\n  - local: {ROOT}\n")
    (project / "profiles.yml").write_text(json.dumps({"bench": {"target": "dev", "outputs": {
        "dev": {"type": "duckdb", "path": str(database), "schema": "analytics", "threads": 2}}}}))
    # deps, and the staging models' SQL for the like-for-like floor.
    staging_file = work / "staging.json"
    staging_file.write_text(json.dumps(compile_staging(project)))

    if not build_only:
        # The like-for-like floor, on all 30 days, before any package build.
        floor = subprocess.run([sys.executable, __file__, "--floor", str(database),
                                "--staging", str(staging_file)],
                               capture_output=True, text=True)
        if floor.returncode != 0:
            raise SystemExit(f"like-for-like floor failed at {events} events:\n{floor.stderr}")
        floor = json.loads(floor.stdout.strip().splitlines()[-1])
        result["like_floor_seconds"] = floor["seconds"]
        result["like_floor_peak_mb"] = floor["peak_mb"]
        result["like_floor_rows"] = floor["rows"]

    dbt = DbtProject(project)

    def timed(*command: str):
        started = time.perf_counter()
        try:
            run = dbt.invoke(*command, "--quiet")
        except DbtError as error:
            raise SystemExit(f"at {events} events: {error}")
        return run, time.perf_counter() - started

    def dbt_run(*flags: str, select: tuple[str, ...] = ("package:product_warehouse",),
                profile: str | None = None) -> float:
        run, seconds = timed("run", *flags, "--select", *select)
        if profile:
            # The slowest models of this run (seconds), for the README's why.
            timings = sorted(((r.node.name, round(r.execution_time, 1)) for r in run.result.results),
                             key=lambda item: -item[1])
            result[f"{profile}_slowest_models"] = timings[:6]
            result[f"{profile}_model_seconds"] = dict(timings)
            result[f"{profile}_metrics_models"] = {
                name: seconds for name, seconds in timings if name in METRICS_MODELS}
        return seconds

    def row_counts() -> dict:
        con = duckdb.connect(str(database))
        counts = {m: con.execute(f"select count(*) from analytics.{m}").fetchone()[0]
                  for m in INCREMENTAL_MODELS}
        con.close()
        return counts

    if build_only:
        with PeakRss() as rss:
            result["full_seconds"] = dbt_run("--full-refresh", profile="full")
        result["full_peak_mb"] = rss.peak
        result["full_row_counts"] = row_counts()
        database.unlink()
        return result

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
    # The same run again with nothing newly loaded: what any run costs,
    # whatever it loads (it still reads the lookback window again).
    result["noop_seconds"] = dbt_run(profile="noop")
    if row_counts() != after_incremental:
        raise SystemExit(f"a run with nothing new changed row counts at {events} events")

    with PeakRss() as rss:
        result["full_seconds"] = dbt_run("--full-refresh", profile="full")
    result["full_peak_mb"] = rss.peak
    after_full = row_counts()
    if after_incremental != after_full:
        raise SystemExit(f"incremental {after_incremental} != full refresh {after_full}")
    result["package_sessions"] = after_full["wh_product_sessions_fact"]
    # The same five tables as the like-for-like floor and the models they
    # read, nothing else: the full build's like-for-like part.
    result["core_seconds"] = dbt_run(
        "--full-refresh", select=tuple(f"+{name}" for name in FLOOR_TABLES))
    con = duckdb.connect(str(database))
    check_floor_equals_package(con)
    con.close()

    # dbt's fixed cost: parsing the project and compiling the package.
    for step, command in (("parse", ["parse", "--no-partial-parse"]),
                          ("compile", ["compile", "--select", "package:product_warehouse"])):
        result[f"{step}_seconds"] = timed(*command)[1]
    result["parse_compile_seconds"] = result["parse_seconds"] + result["compile_seconds"]
    result["full_over_floor"] = result["full_seconds"] / result["floor_seconds"]
    result["full_over_like_floor"] = result["full_seconds"] / result["like_floor_seconds"]
    result["core_over_like_floor"] = result["core_seconds"] / result["like_floor_seconds"]
    result["incremental_over_full"] = result["incremental_seconds"] / result["full_seconds"]
    database.unlink()
    return result


def table(results: list[dict]) -> str:
    lines = [
        "| events | essentials floor s | essentials floor peak MB | like-for-like floor s "
        "| like-for-like floor peak MB | full build s | full peak MB | full events/s "
        "| full/essentials floor | full/like-for-like floor | core build s "
        "| core/like-for-like floor | last-day events | incremental s "
        "| incremental peak MB | incremental/full | nothing-new run s | dbt parse+compile s |",
        "|---:|" + "---:|" * 17,
    ]
    for r in results:
        lines.append(
            f"| {r['events']:,} | {r['floor_seconds']:.1f} | {r['floor_peak_mb']:,} | "
            f"{r['like_floor_seconds']:.1f} | {r['like_floor_peak_mb']:,} | "
            f"{r['full_seconds']:.1f} | {r['full_peak_mb']:,} | {r['events'] / r['full_seconds']:,.0f} | "
            f"{r['full_seconds'] / r['floor_seconds']:.2f} | "
            f"{r['full_seconds'] / r['like_floor_seconds']:.2f} | {r['core_seconds']:.1f} | "
            f"{r['core_seconds'] / r['like_floor_seconds']:.2f} | {r['incremental_events']:,} | "
            f"{r['incremental_seconds']:.1f} | {r['incremental_peak_mb']:,} | "
            f"{r['incremental_seconds'] / r['full_seconds']:.2f} | {r['noop_seconds']:.1f} | "
            f"{r['parse_compile_seconds']:.1f} |")
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
    parser.add_argument("--with-100m", action="store_true",
                        help="adds 100M events, full build only (not in CI)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--floor", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--staging", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args()
    if args.floor:
        print(json.dumps(like_floor(args.floor, json.loads(args.staging.read_text()))))
        return
    if args.one:
        print(json.dumps(measure_one(args.one, build_only=args.build_only)))
        return
    sizes = args.sizes + ([50_000_000] if args.with_50m else [])

    def measure(events: int, *flags: str) -> dict:
        run = subprocess.run([sys.executable, __file__, "--one", str(events), *flags],
                             capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(run.stdout + run.stderr)
        return json.loads(run.stdout.strip().splitlines()[-1])

    results = [measure(events) for events in sizes]
    machine = f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_version()}"
    report = {"machine": machine, "results": results, "table": table(results) if results else ""}
    if args.with_100m:
        big = measure(100_000_000, "--build-only")
        report["build_only"] = big
        report["table"] += (
            "\n\n| events | full build s | full peak MB | full events/s |\n|---:|---:|---:|---:|\n"
            f"| {big['events']:,} | {big['full_seconds']:.1f} | {big['full_peak_mb']:,} | "
            f"{big['events'] / big['full_seconds']:,.0f} |")
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"machine: {machine}\n{report['table']}")


if __name__ == "__main__":
    main()

"""The incremental property: for any order of arrival, after any number of
incremental runs, the incremental models (events, sessions, users,
journeys, visitor days, rejections, and the funnel progress, attribution
touches and conversions derived from them) equal a full refresh on the
same raw rows, row for row.

Raw Segment tables (schema `incremental`) are written straight through
the engine's driver; each schedule loads random datasets in batches that
arrive by load time, runs the nine models above (and what they depend
on) incrementally after each batch, and compares them with a full
refresh of the whole data. The
datasets hold late events (received hours or days after they happened),
copies of one event across batches (some received earlier than the copy
already loaded), logins that re-map earlier anonymous events (shared
devices, several devices per user), gaps of exactly the session timeout,
equal timestamps, server-side calls with a user_id only, null ids and
future timestamps.

A loader may deliver rows out of received_at order only within
product_warehouse_incremental_lookback_hours; the last test lands a row
outside it, shows the conservation test counting it, and repairs it with
product_warehouse_backfill_start."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import re
from collections import Counter

import pytest


pytestmark = [
    pytest.mark.engine,
    pytest.mark.incremental,
]

SCHEMA = "incremental"
LOOKBACK_HOURS = 6
MODELS = ["wh_product_events_fact", "wh_product_sessions_fact",
          "wh_product_users_dim", "wh_product_journeys_fact", "int_product_visitor_days",
          "wh_product_event_rejections",
          # derived from the warehouse models (ADR 0011)
          "wh_product_funnel_progress_fact", "wh_product_attribution_touches_fact",
          "wh_product_conversions_fact"]
# The models and everything upstream of them (staging, validation, the
# incremental identified records), as `dbt run` of the package does.
SELECT_MODELS = " ".join("+" + model for model in MODELS)
BASE_VARS = {
    "product_warehouse_test_case": "none",
    "product_warehouse_cdp": "segment",
    "product_warehouse_source_schema": SCHEMA,
    "product_warehouse_incremental_lookback_hours": LOOKBACK_HOURS,
    # A session funnel, a visitor funnel with a window, and a conversion,
    # on the datasets' own events, so the derived models hold rows.
    "product_warehouse_funnels": [
        {"name": "cart", "steps": ["page_view", "add_to_cart", "checkout"]},
        {"name": "sign_in", "steps": ["page_view", "signed_in"], "scope": "visitor",
         "window_minutes": 120},
    ],
    "product_warehouse_conversions": [{"name": "purchase", "event": "checkout", "value": "1"}],
}
T0 = dt.datetime(2026, 3, 1, 8, 0, 0)

COLUMNS = {
    "tracks": ["id", "anonymous_id", "user_id", "event", "context_session_id", "timestamp", "received_at"],
    "pages": ["id", "anonymous_id", "user_id", "path", "referrer", "context_campaign_source",
              "context_session_id", "timestamp", "received_at"],
    "identifies": ["id", "anonymous_id", "user_id", "email", "plan", "timestamp", "received_at"],
}
TIMESTAMPS = {"timestamp", "received_at"}


# -- the engine, through its own driver --------------------------------------

class Warehouse:
    """Write raw tables and read models without dbt, through the engine's
    own driver (Snowflake: the connector, patched by its emulator), one
    short-lived connection per call, so dbt's own connection is never
    contended."""

    def __init__(self, dbt):
        self.dbt = dbt
        self.engine = engine = dbt.engine
        # Where the models are (the integration profile's schema).
        self.model_schema = "analytics" if engine == "snowflake" else "main"

    @contextlib.contextmanager
    def _connection(self):
        with contextlib.ExitStack() as stack:
            if self.engine == "duckdb":
                import duckdb

                connection = duckdb.connect(os.environ["PRODUCT_WAREHOUSE_DUCKDB_PATH"])
            elif self.engine == "snowflake":
                import fakesnow
                import snowflake.connector

                stack.enter_context(fakesnow.patch(db_path=os.environ["PRODUCT_WAREHOUSE_FAKESNOW_DIR"]))
                connection = snowflake.connector.connect(
                    account="fakesnow", user="fake", password="fake", warehouse="fake",
                    database="product_warehouse", schema="analytics")
            else:
                import psycopg2

                connection = psycopg2.connect(
                    host="127.0.0.1", port=int(os.environ.get("PRODUCT_WAREHOUSE_PG_PORT", "5432")),
                    user=os.environ.get("PRODUCT_WAREHOUSE_PG_USER", "product_warehouse"),
                    password=os.environ.get("PRODUCT_WAREHOUSE_PG_PASSWORD", "product_warehouse"),
                    dbname=os.environ.get("PRODUCT_WAREHOUSE_PG_DATABASE", "product_warehouse"))
            # Closed before the emulator's patch is undone.
            stack.callback(connection.close)
            yield connection

    def _column(self, name: str) -> str:
        # Snowflake loaders create upper-case (unquoted) columns.
        return name if self.engine == "snowflake" else f'"{name}"'

    def reset_raw(self):
        statements = [f"create schema if not exists {SCHEMA}"]
        for table, columns in COLUMNS.items():
            typed = ", ".join(f"{self._column(c)} {'timestamp' if c in TIMESTAMPS else 'varchar'}"
                              for c in columns)
            # Emptied, not dropped: views read these tables (Postgres
            # refuses to drop a table a view depends on).
            statements += [f"create table if not exists {SCHEMA}.{table} ({typed})",
                           f"delete from {SCHEMA}.{table}"]
        self.execute(statements)

    def execute(self, statements: list[str]):
        with self._connection() as connection:
            cursor = connection.cursor()
            for statement in statements:
                cursor.execute(statement)
            connection.commit()

    def load(self, rows: list[dict]):
        with self._connection() as connection:
            cursor = connection.cursor()
            for table, columns in COLUMNS.items():
                values = [tuple(r.get(c) for c in columns) for r in rows if r["table"] == table]
                if not values:
                    continue
                placeholders = ", ".join(["?" if self.engine == "duckdb" else "%s"] * len(columns))
                quoted = ", ".join(self._column(c) for c in columns)
                cursor.executemany(
                    f"insert into {SCHEMA}.{table} ({quoted}) values ({placeholders})", values)
            connection.commit()

    def scalar(self, sql: str):
        with self._connection() as connection:
            cursor = connection.cursor()
            cursor.execute(sql.format(schema=self.model_schema))
            return cursor.fetchone()[0]

    def rows(self, model: str) -> list[tuple]:
        with self._connection() as connection:
            cursor = connection.cursor()
            cursor.execute(f"select * from {self.model_schema}.{model}")
            rows = cursor.fetchall()
        return sorted((tuple(_plain(v) for v in row) for row in rows), key=repr)


def _plain(value):
    from decimal import Decimal

    if isinstance(value, (float, Decimal)):
        return round(float(value), 6)
    return value


@pytest.fixture(scope="module")
def warehouse(dbt):
    if dbt.engine not in ("duckdb", "postgres", "snowflake"):
        pytest.fail(f"the incremental property test runs on duckdb, postgres and snowflake,"
                    f" not {dbt.engine}")
    return Warehouse(dbt)


# -- random datasets ----------------------------------------------------------

def make_dataset(seed: int, visitors: int = 14, shift_hours: int = 0) -> list[dict]:
    """Raw rows with a `table` and an `arrival` (when the loader writes
    them; received_at <= arrival < received_at + lookback), every time
    `shift_hours` after the base dataset's. Ids carry the seed, so
    datasets of different seeds share no visitor, user or event."""
    rng = random.Random(seed)
    t0 = T0 + dt.timedelta(hours=shift_hours)
    rows: list[dict] = []
    users = [f"u{seed}_{k}" for k in range(max(2, visitors // 3))]
    serial = 0

    def next_id(prefix):
        nonlocal serial
        serial += 1
        return f"{prefix}{seed}_{serial:04d}"

    def received(occurred):
        roll = rng.random()
        if roll < 0.12:  # late: hours or days after it happened
            return occurred + dt.timedelta(hours=rng.choice([2, 7, 30, 55]), seconds=rng.randint(0, 900))
        if roll < 0.14:  # a client clock ahead: received before it "happened"
            return occurred - dt.timedelta(minutes=rng.choice([5, 1440 * 2]))
        return occurred + dt.timedelta(seconds=rng.randint(0, 40))

    for v in range(visitors):
        anonymous_id = f"a{seed}_{v}"
        user = rng.choice(users)
        login_at_event = rng.choice([None, None, 2, 5, 9])
        clock = t0 + dt.timedelta(minutes=rng.randint(0, 60 * 48))
        for k in range(rng.randint(3, 14)):
            gap = rng.choice([0, 0, 5, 29 * 60, 30 * 60, 30 * 60 + 1, 45 * 60, 3600 * 5, 60 * 14])
            clock += dt.timedelta(seconds=gap)
            logged_in = login_at_event is not None and k >= login_at_event
            if login_at_event is not None and k == login_at_event:
                rows.append({"table": "identifies", "id": next_id("i"), "anonymous_id": anonymous_id,
                             "user_id": user, "email": f"{user}@example.com",
                             "plan": rng.choice(["free", "pro", None]),
                             "timestamp": clock, "received_at": received(clock)})
            table = rng.choice(["tracks", "pages"])
            # Once logged in, most calls carry both ids, some only the
            # anonymous one, some (server-side) only the user's.
            ids = rng.choices([(anonymous_id, user), (anonymous_id, None), (None, user)],
                              weights=[70, 15, 15])[0] if logged_in else (anonymous_id, None)
            row = {"table": table, "id": next_id("e"), "anonymous_id": ids[0],
                   "user_id": ids[1],
                   "timestamp": clock, "received_at": None,
                   "context_session_id": rng.choice([f"s{seed}_{v}_{k // 4}", None])}
            if table == "tracks":
                row["event"] = rng.choice(["add_to_cart", "signed_in", "checkout"])
            else:
                row.update(path=rng.choice(["/", "/pricing", "/cart"]),
                           referrer=rng.choice([None, "https://search.example"]),
                           context_campaign_source=rng.choice([None, "newsletter"]))
            roll = rng.random()
            if roll < 0.03:
                row["id"] = None
            elif roll < 0.05:
                row["anonymous_id"] = row["user_id"] = None
            elif roll < 0.07:
                row["timestamp"] = None
            row["received_at"] = received(clock)
            rows.append(row)
            if rng.random() < 0.1:  # a copy, received later or (a slower path) earlier
                copy = dict(row, received_at=row["received_at"] + dt.timedelta(
                    minutes=rng.choice([-90, 3, 200, 60 * 30])))
                if rng.random() < 0.3:
                    copy["event" if table == "tracks" else "path"] = "changed_copy"
                rows.append(copy)
        if rng.random() < 0.25:  # a second device of the same user, or a shared one
            other = f"a{seed}_{rng.randrange(visitors)}"
            at = t0 + dt.timedelta(minutes=rng.randint(0, 60 * 60))
            rows.append({"table": "identifies", "id": next_id("i"), "anonymous_id": other,
                         "user_id": user, "email": None, "plan": "pro",
                         "timestamp": at, "received_at": received(at)})
    # Days later, users come back: one through a server-side call (user_id
    # only), one on a new device that logs in. Their earlier anonymous
    # events (mapped to them) must stay theirs in runs that see only this.
    later = t0 + dt.timedelta(days=4)
    logged = sorted({r["user_id"] for r in rows if r["table"] == "identifies"})
    for k, user in enumerate(logged[:2]):
        at = later + dt.timedelta(hours=3 * k)
        rows.append({"table": "tracks", "id": next_id("e"), "anonymous_id": None, "user_id": user,
                     "event": "checkout", "context_session_id": None, "timestamp": at,
                     "received_at": at + dt.timedelta(seconds=5)})
        device = f"b{seed}_{k}"
        for minutes, table in [(60, "pages"), (61, "identifies"), (62, "tracks")]:
            moment = at + dt.timedelta(minutes=minutes)
            rows.append({"table": table, "id": next_id("x"), "anonymous_id": device,
                         "user_id": user if table != "pages" else None, "event": "signed_in",
                         "path": "/", "timestamp": moment,
                         "received_at": moment + dt.timedelta(seconds=5)})
    # equal timestamps across visitors and within one
    twin = dict(rng.choice([r for r in rows if r["table"] != "identifies" and r["timestamp"]]))
    twin["id"] = next_id("e")
    rows.append(twin)
    for row in rows:
        # The loader writes a row within the lookback of its received_at.
        row["arrival"] = row["received_at"] + dt.timedelta(
            minutes=rng.choice([0, 1, 30, int(LOOKBACK_HOURS * 60 * 0.9)]))
    return rows


def make_schedule(rows: list[dict], rng: random.Random) -> list[list[dict]]:
    """1-5 batches cut at random arrival times (the first may be empty)."""
    arrivals = sorted({r["arrival"] for r in rows})
    cuts = sorted(rng.sample(arrivals, rng.randint(0, 4))) + [arrivals[-1]]
    if rng.random() < 0.2:
        cuts.insert(0, arrivals[0] - dt.timedelta(seconds=1))
    batches, previous = [], None
    for cut in cuts:
        batches.append([r for r in rows if (previous is None or r["arrival"] > previous)
                        and r["arrival"] <= cut])
        previous = cut
    return batches


# -- the property -------------------------------------------------------------

def build(warehouse: Warehouse, vars: dict, full_refresh: bool):
    flags = ["--full-refresh"] if full_refresh else []
    warehouse.dbt.run("run", *flags, "--select", SELECT_MODELS, vars=vars)


def full_build_of(warehouse: Warehouse, rows: list[dict], vars: dict):
    """The raw tables hold exactly `rows`, and the models a full refresh of them."""
    warehouse.reset_raw()
    warehouse.load(rows)
    build(warehouse, vars, full_refresh=True)


def snapshot(warehouse: Warehouse) -> dict[str, list[tuple]]:
    return {model: warehouse.rows(model) for model in MODELS}


def assert_same(actual: dict, expected: dict, label: str):
    for model in MODELS:
        # Multisets: a row stored twice is one extra.
        missing = list((Counter(expected[model]) - Counter(actual[model])).elements())
        extra = list((Counter(actual[model]) - Counter(expected[model])).elements())
        assert actual[model] == expected[model], (
            f"{label}: {model} differs from a full refresh: "
            f"{len(missing)} rows missing, e.g. {missing[:2]}; {len(extra)} extra, e.g. {extra[:2]}")


# Each group's datasets are loaded side by side (disjoint ids), each
# shifted in time by its own offset, and one schedule of cuts is applied
# to their union: each dataset then meets the cuts at other points of its
# own history, so a sequence of runs is one schedule per dataset, while
# dbt runs once per batch for all of them. Every run mixes visitors of
# several datasets at different stages, as a real run mixes visitors.
# More datasets per sequence cost little (the data is small, a run's cost
# is dbt's per-model work), fewer sequences save whole runs.
GROUPS = {  # name: ([(seed, shift_hours)], vars)
    "inactivity": ([(11, 0), (12, 19), (14, 43), (16, 45), (61, 9), (62, 31),
                    (63, 56), (64, 50), (67, 4), (68, 37), (69, 24)], {}),
    "source": ([(13, 0), (15, 29), (65, 14), (66, 47)],
               {"product_warehouse_sessionization": "source"}),
}
SEQUENCES_PER_GROUP = {"inactivity": 3, "source": 3}


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_incremental_runs_equal_a_full_refresh(warehouse, group):
    datasets, extra_vars = GROUPS[group]
    vars = {**BASE_VARS, **extra_vars}
    parts = {seed: make_dataset(seed, shift_hours=shift) for seed, shift in datasets}
    rows = [row for part in parts.values() for row in part]
    # The raw data exercises what the property is about, in every dataset.
    for part in parts.values():
        assert sum(r["received_at"] - r["timestamp"] > dt.timedelta(hours=1)
                   for r in part if r["timestamp"]) >= 3
        assert sum(r["table"] == "identifies" for r in part) >= 3

    # Views and staging for this group's vars, then the reference.
    full_build_of(warehouse, rows, vars)
    expected = snapshot(warehouse)
    assert len(expected["wh_product_events_fact"]) > 50 * len(datasets)

    rng = random.Random(sum(seed for seed, _ in datasets) * 1000)
    runs = 0
    # Each dataset's own schedule: the number of batches that brought it
    # rows, over every sequence (several batches for most of them).
    batches_per_dataset: Counter = Counter()
    # Visitors rebuilt from a later session (stored sessions kept),
    # visitors continuing a stored session (ADR 0010), and visitors
    # rebuilt whole, over every incremental run.
    reopened = continued = whole = 0
    sequences = SEQUENCES_PER_GROUP[group]
    for number in range(sequences):
        batches = make_schedule(rows, rng)
        for seed, part in parts.items():
            ids = {id(r) for r in part}
            batches_per_dataset[seed] += sum(any(id(r) in ids for r in b) for b in batches)
        warehouse.reset_raw()
        for index, batch in enumerate(batches):
            warehouse.load(batch)
            build(warehouse, vars, full_refresh=index == 0)
            runs += 1
            if index > 0:
                reopened += warehouse.scalar(
                    "select count(*) from {schema}.int_product_incremental_visitors"
                    " where sessions_before > 0 and continued_session_id is null")
                continued += warehouse.scalar(
                    "select count(*) from {schema}.int_product_incremental_visitors"
                    " where continued_session_id is not null")
                whole += warehouse.scalar(
                    "select count(*) from {schema}.int_product_incremental_visitors"
                    " where reopen_at is null")
        actual = snapshot(warehouse)
        assert_same(actual, expected,
                    f"group {group}, sequence {number} ({[len(b) for b in batches]} rows per batch)")
    # schedules = sequences x datasets (3 x 11 + 3 x 4 = 45), and most of
    # each dataset's schedules cut it more than once.
    assert runs > sequences * 2
    assert all(n >= sequences * 1.5 for n in batches_per_dataset.values()), batches_per_dataset
    # Every kind of rebuild happened (source sessionization: whole only).
    assert whole > 0
    if extra_vars.get("product_warehouse_sessionization") == "source":
        assert reopened == continued == 0
    else:
        assert reopened > 5, reopened
        assert continued > 0, continued


def test_an_incremental_run_with_nothing_new_changes_nothing(warehouse):
    vars = BASE_VARS
    rows = make_dataset(21)
    full_build_of(warehouse, rows, vars)
    before = snapshot(warehouse)
    build(warehouse, vars, full_refresh=False)
    assert snapshot(warehouse) == before


def test_a_row_older_than_the_lookback_is_counted_missing_then_backfilled(warehouse):
    vars = BASE_VARS
    on_time = make_dataset(31)
    # A visitor's only event, received at the very start but delivered by
    # the loader after everything else: far older than the lookback.
    first = min(r["received_at"] for r in on_time)
    straggler = {"table": "tracks", "id": "straggler", "anonymous_id": "a_straggler",
                 "user_id": None, "event": "checkout", "context_session_id": None,
                 "timestamp": first, "received_at": first}
    full_build_of(warehouse, on_time, vars)
    warehouse.load([straggler])
    build(warehouse, vars, full_refresh=False)

    result = warehouse.dbt.run("test", "--select", "assert_product_events_conserved", vars=vars,
                     expect_success=False)
    assert not result.success
    [test_result] = [r for r in result.result.results
                     if r.node.name == "assert_product_events_conserved"]
    # dbt's message says how many rows are missing: "Got 1 result".
    assert test_result.failures == 1, test_result.message

    backfill_start = (straggler["received_at"] - dt.timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M:%S")
    build(warehouse, {**vars, "product_warehouse_backfill_start": backfill_start}, full_refresh=False)
    warehouse.dbt.run("test", "--select", "assert_product_events_conserved", vars=vars)
    repaired = snapshot(warehouse)

    build(warehouse, vars, full_refresh=True)
    assert_same(repaired, snapshot(warehouse), "after the backfill")


# The models of a run in the order dbt builds them; a run that stops after
# one of them has run exactly `+model`.
RUN_ORDER = ["int_product_records_identified", "wh_product_events_fact",
             "wh_product_sessions_fact", "wh_product_users_dim", "int_product_visitor_days",
             "wh_product_journeys_fact", "wh_product_funnel_progress_fact",
             "wh_product_attribution_touches_fact", "wh_product_conversions_fact"]


def seeds_of(row: tuple) -> set[int]:
    """The dataset seeds a model row's ids carry (make_dataset names every
    id, visitor, user, device and source session `<letter><seed>_...`)."""
    return {int(m.group(1)) for value in row if isinstance(value, str)
            for m in [re.match(r"^[a-z](\d+)_", value)] if m}


def test_a_run_that_stops_after_any_model_is_repaired_by_the_next_run(warehouse):
    """A run that stops after any model (here: a run of only that model and
    what it depends on), then a normal run, leaves every model equal to a
    full refresh. The batches carry late events, logins and copies, so the
    stopped run leaves the later models behind on exactly the rows that
    matter.

    One stop per dataset (disjoint ids, each dataset 10 days after the
    previous one), in one chain of runs: the normal run that repairs a
    stop also brings the next dataset's first batch, and after it the
    rows of every dataset so far equal the full refresh's."""
    vars = BASE_VARS
    stops = [(f"a run stopped after {name}", ["--select", "+" + name]) for name in RUN_ORDER[:-1]]
    # A run without one model, whose children read its stale rows (ADR 0011).
    stops.append(("a run without wh_product_attribution_touches_fact",
                  ["--select", SELECT_MODELS, "--exclude", "wh_product_attribution_touches_fact"]))
    seeds = [41 + k for k in range(len(stops))]
    parts = {seed: make_dataset(seed, shift_hours=240 * k) for k, seed in enumerate(seeds)}
    for earlier, later in zip(seeds, seeds[1:]):
        # Every row of a dataset is received after every row of the one
        # before: nothing arrives older than the lookback.
        assert (max(r["arrival"] for r in parts[earlier])
                < min(r["received_at"] for r in parts[later]))
    full_build_of(warehouse, [r for part in parts.values() for r in part], vars)
    expected = snapshot(warehouse)

    def of_seeds(snap: dict, wanted: set[int]) -> dict:
        return {model: [row for row in rows if seeds_of(row) and seeds_of(row) <= wanted]
                for model, rows in snap.items()}

    # Every dataset has rows in every model, each row names one dataset.
    for seed in seeds:
        assert all(of_seeds(expected, {seed}).values()), seed
    assert all(len(seeds_of(row)) == 1 for rows in expected.values() for row in rows)

    rng = random.Random(41)
    pending: list[dict] = []  # the next dataset's first batch
    warehouse.reset_raw()
    for k, ((label, selection), seed) in enumerate(zip(stops, seeds)):
        batches = []
        while len(batches) < 3 or len(batches[1]) < 10:
            batches = make_schedule(parts[seed], rng)
        first, stopped, rest = batches[0], batches[1], [r for b in batches[2:] for r in b]
        warehouse.load(pending + first)
        build(warehouse, vars, full_refresh=k == 0)
        if k > 0:
            done = set(seeds[:k])
            assert_same(of_seeds(snapshot(warehouse), done), of_seeds(expected, done),
                        f"{stops[k - 1][0]} (dataset {seeds[k - 1]})")
        warehouse.load(stopped)
        warehouse.dbt.run("run", *selection, vars=vars)
        pending = rest
    warehouse.load(pending)
    build(warehouse, vars, full_refresh=False)
    assert_same(snapshot(warehouse), expected, f"{stops[-1][0]} (dataset {seeds[-1]})")


RUN_LAYER = ["int_product_incremental_run", "int_product_incremental_new_records",
             "int_product_incremental_records", "int_product_incremental_visitors",
             "int_product_incremental_manifest"]


def test_the_run_layer_is_listed_and_guards_a_model_run_without_it(warehouse):
    """dbt ls lists the run layer with the models' parents. The model that
    reads the staged records, run without it on new records, stops and says
    how to run it; the models after it, run alone, rebuild what the stored
    list names (as a dbt retry of a failed run does), and a normal run then
    leaves every model equal to a full refresh."""
    vars = BASE_VARS
    listed = warehouse.dbt.run("ls", "--resource-type", "model", "--output", "name",
                     "--select", SELECT_MODELS, vars=vars).result
    assert set(RUN_LAYER) <= {name.split(".")[-1] for name in listed}, listed

    rows = make_dataset(51)
    full_build_of(warehouse, rows, vars)
    expected = snapshot(warehouse)
    rng = random.Random(51)
    batches = []
    while len(batches) < 2 or len(batches[-1]) < 10:
        batches = make_schedule(rows, rng)
    earlier, later = [r for b in batches[:-1] for r in b], batches[-1]
    full_build_of(warehouse, earlier, vars)
    warehouse.load(later)

    stopped = warehouse.dbt.run("run", "--select", "int_product_records_identified", vars=vars,
                      expect_success=False)
    assert not stopped.success
    [failed] = [r for r in stopped.result.results if str(r.status).lower() == "error"]
    assert "--select +int_product_records_identified" in failed.message, failed.message

    warehouse.dbt.run("run", "--select", " ".join(MODELS), vars=vars)
    build(warehouse, vars, full_refresh=False)
    assert_same(snapshot(warehouse), expected, "after a run without the run layer")


def test_a_table_built_without_its_watermark_column_is_named_with_the_fix(warehouse):
    """A model's table from an older version of the package (here
    int_product_visitor_days without last_received_at, as it was before it
    became incremental) stops the next run with the model and the fix,
    instead of an engine error about a missing column; after the fix a
    normal run equals a full refresh."""
    vars = BASE_VARS
    rows = make_dataset(61)
    full_build_of(warehouse, rows, vars)
    expected = snapshot(warehouse)

    table = f"{warehouse.model_schema}.int_product_visitor_days"
    warehouse.execute([f"drop table {table}",
                       f"create table {table} as select 'v' as visitor_id, "
                       "cast('2026-03-01' as date) as activity_date"])
    stopped = warehouse.dbt.run("run", "--select", SELECT_MODELS, vars=vars, expect_success=False)
    assert not stopped.success
    message = str(stopped.exception or "") + " ".join(
        str(r.message) for r in (stopped.result.results if stopped.result else []))
    assert "has no column last_received_at" in message, message
    assert "dbt run --full-refresh --select int_product_visitor_days" in message, message

    warehouse.dbt.run("run", "--full-refresh", "--select", "int_product_visitor_days", vars=vars)
    build(warehouse, vars, full_refresh=False)
    assert_same(snapshot(warehouse), expected, "after rebuilding the old table")

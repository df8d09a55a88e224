"""Deterministic raw Segment / RudderStack tables at any size.

    python -m product_warehouse_harness generate --events 1_000_000 --days 30 \
        --cdp segment --out demo.duckdb

Writes tracks, pages, identifies (and aliases for RudderStack) into schema
<cdp> of a DuckDB file, in batches of sessions so memory stays flat (50M
events fit on a 24 GB machine), with a progress bar on stderr. The same
seed and arguments give the same rows.

What the data looks like: visitors with heavy-tailed activity (a few very
active, most seen once or twice); sessions of clustered events (gaps of
seconds to minutes) separated by idle hours or days; anonymous browsing,
then for registered visitors a login (identify + signed_in) after which
their events carry user_id; page views with UTM parameters and referrers
on the first page of a session; a product funnel with drop-off
(product_viewed -> add_to_cart -> checkout_started -> order_completed);
and a small rate of bad input: duplicate deliveries, late arrivals
(received hours or days after the event), null ids and timestamps in the
future.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

START = np.datetime64("2024-01-01T00:00:00", "us")
SECOND = np.timedelta64(1, "s")
EVENTS_PER_SESSION = 6.0  # mean
FUNNEL = ["product_viewed", "add_to_cart", "checkout_started", "order_completed"]
FUNNEL_CONTINUE = [0.35, 0.45, 0.6]  # probability of going one step further
OTHER_TRACKS = ["search", "scroll", "video_played", "share"]
UTM = [("google", "cpc", "brand"), ("newsletter", "email", "weekly"), ("facebook", "social", "launch")]
REFERRERS = ["https://www.google.com/", "https://news.example/", "https://t.co/abc", None]
PATHS = ["/", "/pricing", "/products", "/blog", "/docs", "/checkout", "/account"]


@dataclass(frozen=True)
class Rates:
    duplicate: float = 0.005
    late: float = 0.02
    null_id: float = 0.001
    future: float = 0.0005
    registered: float = 0.4


class Progress:
    """A plain progress bar on stderr (no extra dependency)."""

    def __init__(self, total: int, label: str):
        self.total, self.label, self.done, self.started = total, label, 0, time.time()

    def update(self, n: int) -> None:
        self.done += n
        fraction = min(1.0, self.done / self.total) if self.total else 1.0
        bar = "#" * int(fraction * 30)
        rate = self.done / max(time.time() - self.started, 1e-9)
        sys.stderr.write(f"\r{self.label} [{bar:<30}] {fraction:6.1%} {self.done:,} rows ({rate:,.0f}/s)")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")


def _ids(prefix: str, start: int, n: int) -> np.ndarray:
    return np.char.add(prefix, np.arange(start, start + n).astype(str))


def _session_batch(rng: np.random.Generator, n_sessions: int, visitors: int, days: int,
                   weights: np.ndarray, login_at: np.ndarray, registered: np.ndarray):
    """The events of n_sessions sessions as column arrays."""
    visitor = rng.choice(visitors, size=n_sessions, p=weights)
    session_start = START + (rng.integers(0, days * 86400, size=n_sessions) * SECOND)
    n_events = 1 + rng.geometric(1 / EVENTS_PER_SESSION, size=n_sessions)
    session_of = np.repeat(np.arange(n_sessions), n_events)
    first_of_session = np.r_[0, np.cumsum(n_events)[:-1]]
    position = np.arange(len(session_of)) - np.repeat(first_of_session, n_events)
    gaps = np.minimum(rng.exponential(75.0, size=len(session_of)), 1500).astype(np.int64)
    gaps[first_of_session] = 0
    offset = np.cumsum(gaps) - np.repeat(np.cumsum(gaps)[first_of_session], n_events)
    occurred = np.repeat(session_start, n_events) + offset * SECOND
    event_visitor = visitor[session_of]

    # Event names: the first event is a page view; later ones page views,
    # a product funnel with drop-off, or other tracks.
    names = np.where(rng.random(len(session_of)) < 0.55, "page_view",
                     rng.choice(OTHER_TRACKS, size=len(session_of))).astype(object)
    depth = np.zeros(n_sessions, dtype=np.int64)
    shopping = rng.random(n_sessions) < 0.5
    depth[shopping] = 1
    for p in FUNNEL_CONTINUE:
        depth += (depth == depth.max()) & (depth > 0) & (rng.random(n_sessions) < p) & shopping
    # Place funnel steps at the session's positions 1.. depth (when long enough).
    for step, name in enumerate(FUNNEL, start=1):
        has_step = depth[session_of] >= step
        names[(position == step) & has_step] = name
    names[position == 0] = "page_view"

    product = np.where(np.isin(names, FUNNEL[:2]),
                       np.char.add("P", rng.integers(1, 50, size=len(names)).astype(str)), None)
    is_order = names == "order_completed"
    revenue = np.where(is_order, np.round(rng.gamma(2.0, 30.0, size=len(names)), 2), np.nan)

    logged_in = registered[event_visitor] & (occurred >= login_at[event_visitor])
    return {
        "visitor": event_visitor,
        "session": session_of,
        "position": position,
        "occurred": occurred,
        "name": names,
        "product": product,
        "is_order": is_order,
        "revenue": revenue,
        "logged_in": logged_in,
    }


def _receive(rng: np.random.Generator, occurred: np.ndarray, rates: Rates):
    """received_at (seconds after the event, hours or days for late ones)
    and the future-timestamp fault (event time days after receipt)."""
    n = len(occurred)
    delay = rng.integers(1, 6, size=n) * SECOND
    late = rng.random(n) < rates.late
    delay[late] = rng.integers(3600, 3 * 86400, size=int(late.sum())) * SECOND
    received = occurred + delay
    future = rng.random(n) < rates.future
    occurred = occurred.copy()
    occurred[future] = received[future] + rng.integers(2, 10, size=int(future.sum())) * 86400 * SECOND
    return occurred, received


DDL = {
    "tracks": """id varchar, anonymous_id varchar, user_id varchar, event varchar, event_text varchar,
        "timestamp" {ts}, received_at {ts}, sent_at {ts}, context_page_path varchar,
        context_page_url varchar, context_campaign_source varchar, context_campaign_medium varchar,
        context_campaign_name varchar, product_id varchar, order_id varchar, revenue double""",
    "pages": """id varchar, anonymous_id varchar, user_id varchar, "timestamp" {ts}, received_at {ts},
        sent_at {ts}, path varchar, url varchar, referrer varchar, title varchar, search varchar,
        context_campaign_source varchar, context_campaign_medium varchar, context_campaign_name varchar""",
    "identifies": """id varchar, anonymous_id varchar, user_id varchar, "timestamp" {ts},
        received_at {ts}, sent_at {ts}, email varchar, plan varchar""",
    "aliases": """id varchar, previous_id varchar, user_id varchar, "timestamp" {ts},
        received_at {ts}, sent_at {ts}""",
}


def generate(out: Path, events: int, days: int = 30, cdp: str = "segment", seed: int = 42,
             batch_events: int = 500_000, rates: Rates = Rates(), progress: bool = True) -> dict:
    """Write the raw tables; return row counts per table."""
    if cdp not in ("segment", "rudderstack"):
        raise ValueError("cdp must be segment or rudderstack")
    rng = np.random.default_rng(seed)
    visitors = max(10, events // 25)
    weights = 1.0 / np.power(np.arange(1, visitors + 1), 0.9)
    weights = rng.permutation(weights / weights.sum())
    registered = rng.random(visitors) < rates.registered
    login_at = START + rng.integers(0, days * 86400, size=visitors) * SECOND
    ts = "timestamptz" if cdp == "segment" else "timestamp"

    con = duckdb.connect(str(out))
    con.execute("set TimeZone = 'UTC'")
    con.execute(f"create schema if not exists {cdp}")
    tables = ["tracks", "pages", "identifies"] + (["aliases"] if cdp == "rudderstack" else [])
    for table in tables:
        con.execute(f"create or replace table {cdp}.{table} ({DDL[table].format(ts=ts)})")

    counts = dict.fromkeys(tables, 0)
    bar = Progress(events, f"generate {cdp}") if progress else None
    written = next_id = 0
    sessions_per_batch = max(1, int(batch_events / (EVENTS_PER_SESSION + 1)))
    while written < events:
        batch = _session_batch(rng, sessions_per_batch, visitors, days, weights, login_at, registered)
        n = min(len(batch["occurred"]), events - written)
        batch = {k: v[:n] for k, v in batch.items()}
        occurred, received = _receive(rng, batch["occurred"], rates)
        visitor = batch["visitor"]
        anonymous = np.char.add("anon-", visitor.astype(str)).astype(object)
        user = np.where(batch["logged_in"], np.char.add("user-", visitor.astype(str)), None)
        ids = _ids("m", next_id, n).astype(object)
        ids[rng.random(n) < rates.null_id] = None
        next_id += n
        path = rng.choice(PATHS, size=n)
        first = batch["position"] == 0
        utm_index = rng.integers(0, len(UTM), size=n)
        with_utm = first & (rng.random(n) < 0.4)
        utm = [np.where(with_utm, np.array([u[i] for u in UTM])[utm_index], None) for i in range(3)]
        referrer = np.where(first, rng.choice(np.array(REFERRERS, dtype=object), size=n), None)
        frame = pd.DataFrame({
            "id": ids, "anonymous_id": anonymous, "user_id": user, "event": batch["name"],
            "timestamp": occurred, "received_at": received, "sent_at": occurred,
            "path": path, "url": np.char.add("https://shop.example", path),
            "referrer": referrer, "utm_source": utm[0], "utm_medium": utm[1], "utm_campaign": utm[2],
            "product_id": batch["product"],
            "order_id": np.where(batch["is_order"], np.char.add("o", ids.astype(str)), None),
            "revenue": batch["revenue"],
        })
        duplicates = frame.sample(frac=rates.duplicate, random_state=int(rng.integers(1 << 31)))
        duplicates = duplicates.assign(received_at=duplicates["received_at"]
                                       + pd.to_timedelta(rng.integers(1, 600, len(duplicates)), "s"))
        frame = pd.concat([frame, duplicates], ignore_index=True)
        page_rows = frame[frame["event"] == "page_view"]
        track_rows = frame[frame["event"] != "page_view"]
        con.register("page_rows", page_rows)
        con.register("track_rows", track_rows)
        con.execute(f"""insert into {cdp}.pages select id, anonymous_id, user_id, "timestamp",
            received_at, sent_at, path, url, referrer, upper(replace(path, '/', '')), null,
            utm_source, utm_medium, utm_campaign from page_rows""")
        con.execute(f"""insert into {cdp}.tracks select id, anonymous_id, user_id, event, event,
            "timestamp", received_at, sent_at, path, url, utm_source, utm_medium, utm_campaign,
            product_id, order_id, revenue from track_rows""")
        counts["pages"] += len(page_rows)
        counts["tracks"] += len(track_rows)
        # A login: the first logged-in event of a visitor in this batch gets
        # an identify call (and, for RudderStack, an alias) at that moment.
        logins = frame.assign(visitor=np.r_[visitor, visitor[duplicates.index]])
        logins = logins[logins["user_id"].notna() & logins["id"].notna()]
        logins = logins.sort_values("timestamp").drop_duplicates("visitor")
        identify = pd.DataFrame({
            "id": np.char.add("i", logins["id"].to_numpy().astype(str)),
            "anonymous_id": logins["anonymous_id"], "user_id": logins["user_id"],
            "timestamp": logins["timestamp"], "received_at": logins["received_at"],
            "sent_at": logins["timestamp"],
            "email": logins["user_id"].str.cat(["@example.com"] * len(logins)),
            "plan": rng.choice(["free", "pro", "team"], size=len(logins)),
        })
        con.register("identify_rows", identify)
        con.execute(f"insert into {cdp}.identifies select * from identify_rows")
        counts["identifies"] += len(identify)
        if cdp == "rudderstack":
            con.execute(f"""insert into {cdp}.aliases select 'a' || id, anonymous_id, user_id,
                "timestamp", received_at, sent_at from identify_rows""")
            counts["aliases"] += len(identify)
        for name in ("page_rows", "track_rows", "identify_rows"):
            con.unregister(name)
        written += n
        if bar:
            bar.update(n)
    if bar:
        bar.close()
    con.close()
    return counts

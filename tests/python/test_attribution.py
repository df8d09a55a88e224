"""Attribution (docs/attribution.md): the hand-worked case against its
expected seeds, the generated case against an independent Python
implementation of the channel, path and credit rules computed from the
fixture's CSV rows, and the empty models without conversions (malformed
conversions: test_attribution_config.py)."""

from __future__ import annotations

import ast
import csv
import hashlib
import math
import re
from collections import defaultdict
from datetime import datetime

import pytest

from cases import CASES
from product_warehouse_harness.integration import PROJECT_DIR, ROOT

pytestmark = pytest.mark.engine

MODELS = ["first_touch", "last_touch", "last_non_direct", "linear", "position_based", "time_decay"]
ATTRIBUTION_MODELS = [
    "wh_product_conversions_fact",
    "wh_product_attribution_touches_fact",
    "wh_product_attributions_xa",
    "wh_product_conversion_paths_xa",
]
GENERATED = CASES["attribution_generated"]


# -- an independent implementation of the rules -------------------------

def seed_categories() -> list[tuple[str, str]]:
    """The package's search and social sources, read as data from the
    lists in the macro default_channel_sources (not from a model)."""
    text = (ROOT / "macros" / "attribution" / "default_channel_sources.sql").read_text()
    lists = {name: ast.literal_eval("[" + body + "]") for name, body in
             re.findall(r"set (search|social) = \[(.*?)\]", text, re.S)}
    assert len(lists["search"]) > 10 and len(lists["social"]) > 10, lists
    return [(source, category) for category in ("search", "social") for source in lists[category]]


def category(value, seed):
    matches = [cat for name, cat in seed if value is not None and (value == name or value.endswith("." + name))]
    return max(matches) if matches else None


def host_of(url):
    if not url or not url.strip():
        return None
    text = url.strip().lower()
    if "//" in text:
        text = text.split("//", 1)[1]
    for delimiter in "/?#:":
        text = text.split(delimiter, 1)[0]
    return text or None


def clean(value):
    value = (value or "").strip().lower()
    return value or None


def channel(utm_source, utm_medium, utm_campaign, referrer, internal_hosts, seed):
    source, medium, campaign = clean(utm_source), clean(utm_medium), clean(utm_campaign)
    host = host_of(referrer)
    if host is not None and any(host == h or host.endswith("." + h) for h in internal_hosts):
        host = None
    source_cat, host_cat = category(source, seed), category(host, seed)
    origin = source_cat if source is not None else host_cat
    paid = medium is not None and ("cp" in medium or medium in ("ppc", "retargeting")
                                   or medium.startswith("paid"))
    email = ("email", "e-mail", "e_mail", "e mail")
    if source is None and medium is None and campaign is None and host is None:
        return "Direct"
    if paid and origin == "search":
        return "Paid Search"
    if paid and origin == "social":
        return "Paid Social"
    if medium in ("display", "banner", "expandable", "interstitial", "cpm"):
        return "Display"
    if paid:
        return "Paid Other"
    if medium in email or source in email:
        return "Email"
    if (medium in ("social", "social-network", "social-media", "sm", "social network", "social media")
            or "social" in (source_cat, host_cat)):
        return "Organic Social"
    if medium == "organic" or "search" in (source_cat, host_cat):
        return "Organic Search"
    if medium == "affiliate":
        return "Affiliates"
    if medium == "referral" or host is not None:
        return "Referral"
    return "Other"


def credits(seconds: list[float], channels: list[str], half_life_seconds: float) -> dict[str, list[float]]:
    n = len(seconds)
    non_direct = [k for k, c in enumerate(channels) if c != "Direct"]
    last_non_direct = non_direct[-1] if non_direct else n - 1
    if n == 1:
        position = [1.0]
    elif n == 2:
        position = [0.5, 0.5]
    else:
        position = [0.4] + [0.2 / (n - 2)] * (n - 2) + [0.4]
    weights = [2 ** (-s / half_life_seconds) for s in seconds]
    return {
        "first_touch": [1.0 if k == 0 else 0.0 for k in range(n)],
        "last_touch": [1.0 if k == n - 1 else 0.0 for k in range(n)],
        "last_non_direct": [1.0 if k == last_non_direct else 0.0 for k in range(n)],
        "linear": [1 / n] * n,
        "position_based": position,
        "time_decay": [w / sum(weights) for w in weights],
    }


def expected_generated():
    """conversions, touches, attributions and paths of the generated case."""
    seed = seed_categories()
    path = PROJECT_DIR / "seeds" / "attribution_generated" / "input__attribution_generated__app_events.csv"
    with open(path) as f:
        events = sorted(csv.DictReader(f), key=lambda r: (r["created_at"], r["event_id"]))
    for event in events:
        event["at"] = datetime.fromisoformat(event["created_at"])
    sessions = {}
    for event in events:
        session = sessions.setdefault(event["session_id"], {
            "id": event["session_id"], "visitor": event["user_id"], "start": event["at"], "landing": None})
        if event["event_type"] == "page_view" and session["landing"] is None:
            session["landing"] = event
    for session in sessions.values():
        landing = session["landing"] or {}
        session["utm"] = tuple(landing.get(k) or None for k in ("utm_source", "utm_medium", "utm_campaign"))
        session["referrer"] = landing.get("referrer") or None
        session["channel"] = channel(*session["utm"], session["referrer"],
                                     GENERATED["product_warehouse_internal_hosts"], seed)
    by_visitor = defaultdict(list)
    for session in sessions.values():
        by_visitor[session["visitor"]].append(session)
    for visitor_sessions in by_visitor.values():
        visitor_sessions.sort(key=lambda s: s["start"])
        starts = [s["start"] for s in visitor_sessions]
        assert len(set(starts)) == len(starts), "the generator promises no tied session starts"

    lookback = GENERATED["product_warehouse_attribution_lookback_days"] * 86400
    half_life = GENERATED["product_warehouse_attribution_half_life_days"] * 86400
    conversions, touches = {}, {}
    attributions = defaultdict(lambda: [0.0, 0.0])
    paths = defaultdict(list)
    for event in events:
        if event["event_type"] == "order_completed":
            name, value = "order", float(event["revenue"]) if event["revenue"] else 0.0
        elif event["event_type"] == "signed_up" and "/welcome" in event["page_url"]:
            name, value = "signup", 10.0
        else:
            continue
        own = sessions[event["session_id"]]
        path_sessions = [
            s for s in by_visitor[event["user_id"]]
            if s is own or (s["start"] < own["start"]
                            and (event["at"] - s["start"]).total_seconds() <= lookback)
        ]
        seconds = [(event["at"] - s["start"]).total_seconds() for s in path_sessions]
        channels = [s["channel"] for s in path_sessions]
        credit = credits(seconds, channels, half_life)
        key = (event["event_id"], name)
        conversions[key] = (hashlib.md5(f"{name}-{event['event_id']}".encode()).hexdigest(),
                            value, len(path_sessions), event["created_at"][:10])
        for k, session in enumerate(path_sessions):
            touches[(*key, k + 1)] = (session["channel"], *session["utm"], session["referrer"],
                                      seconds[k], *(credit[m][k] for m in MODELS))
            for m in MODELS:
                if credit[m][k] > 0:
                    cell = attributions[(event["created_at"][:10], name, m, session["channel"], *session["utm"])]
                    cell[0] += credit[m][k]
                    cell[1] += credit[m][k] * value
        paths[(name, " > ".join(channels))].append((value, len(path_sessions), seconds[0] / 86400))
    path_rows = {
        key: (len(rows), sum(r[0] for r in rows), sum(r[1] for r in rows) / len(rows),
              sum(r[2] for r in rows) / len(rows))
        for key, rows in paths.items()
    }
    return conversions, touches, {k: tuple(v) for k, v in attributions.items()}, path_rows


# -- comparison -------------------------------------------------------

def same(expected: dict, actual: dict, what: str):
    """Keys equal; values equal, numbers within 1e-6."""
    missing = sorted(set(expected) - set(actual), key=str)[:3]
    extra = sorted(set(actual) - set(expected), key=str)[:3]
    assert not missing and not extra, f"{what}: missing {missing}, unexpected {extra}"
    for key, want in expected.items():
        got = actual[key]
        ok = len(got) == len(want) and all(
            math.isclose(g, w, abs_tol=1e-6) if isinstance(w, float) else g == w
            for g, w in zip(got, want)
        )
        assert ok, f"{what} {key}: expected {want}, got {got}"


@pytest.fixture(scope="module")
def hand_worked_build(seeded):
    """The hand-worked case's build (models and data tests), shared by the
    tests that read it."""
    return seeded.build_case(CASES["attribution"])


@pytest.fixture(scope="module")
def generated_build(seeded):
    """The generated case's build, likewise."""
    seeded.build_case(GENERATED)
    return seeded


def test_hand_worked_case_matches_expected_outputs(dbt, hand_worked_build):
    result = hand_worked_build
    compared = [r.node.name for r in result.result.results
                if r.node.name.startswith("equality__attribution__")]
    # The four expected tables really were compared, not skipped.
    assert sorted(compared) == sorted(f"equality__attribution__{m}" for m in ATTRIBUTION_MODELS)
    # The README's figures: linear 46.67 each, position-based 56 / 28 / 56.
    rows = dbt.query(
        "select touch_number, {{ product_warehouse.round_number('linear_credit * 140', 2) }},"
        " {{ product_warehouse.round_number('position_based_credit * 140', 2) }}"
        " from {{ ref('wh_product_attribution_touches_fact') }}"
        " where conversion_name = 'order' order by touch_number", vars=CASES["attribution"])
    assert rows == [(1, 46.67, 56), (2, 46.67, 28), (3, 46.67, 56)]


def test_readme_revenue_by_channel_query_gives_its_table(dbt, hand_worked_build):
    """The README's one query, run on the hand-worked case, gives the
    README's table (and the issue's figures: first touch 140 to Direct,
    last non-direct 140 to Organic Search, linear 46.67 each)."""
    readme = (ROOT / "docs" / "attribution.md").read_text()
    section = readme[readme.index("**Revenue by channel under each model, side by side**"):]
    sql = section.split("```sql\n", 1)[1].split("```", 1)[0]
    table = [line.strip("|").split("|") for line in section.split("\n\n| conversion_name", 1)[1]
             .split("\n\n", 1)[0].splitlines()[2:]]
    expected = [(name.strip(), channel.strip(), *(float(v) for v in values))
                for name, channel, *values in table]
    rows = [(r[0], r[1], *(round(float(v), 2) for v in r[2:])) for r in dbt.query(sql, vars=CASES["attribution"])]
    assert rows == expected
    assert ("order", "Direct", 140.0, 140.0, 0.0, 93.33, 112.0, 100.0) in rows


def test_revenue_by_channel_analysis_puts_the_six_models_side_by_side(dbt, hand_worked_build):
    vars = CASES["attribution"]
    dbt.run("compile", "--select", "revenue_by_channel_by_attribution_model", vars=vars)
    path = dbt.compiled_path("revenue_by_channel_by_attribution_model", vars)
    rows = [(r[0], r[1], *(round(float(v), 4) for v in r[2:]))
            for r in dbt.query(path.read_text(), vars=vars)]
    # By hand (README, "Attribution"): value 140 over Direct, Organic
    # Search, Direct; the sign-up is worth 0; conversions are linear's.
    assert rows == [
        ("order", "Direct", 140, 140, 0, 93.3333, 112, 100, 0.6667),
        ("order", "Organic Search", 0, 0, 140, 46.6667, 28, 40, 0.3333),
        ("sign-up's ✓", "Email", 0, 0, 0, 0, 0, 0, 1),
    ]


def test_generated_case_matches_an_independent_computation(generated_build):
    dbt = generated_build
    conversions, touches, attributions, paths = expected_generated()
    assert len(conversions) >= 20 and max(c[2] for c in conversions.values()) >= 3

    rows = dbt.query(
        "select event_id, conversion_name, conversion_id, conversion_value, touch_count,"
        f" cast(conversion_date as {{{{ dbt.type_string() }}}})"
        " from {{ ref('wh_product_conversions_fact') }}", vars=GENERATED)
    same(conversions, {(r[0], r[1]): (r[2], float(r[3]), r[4], str(r[5])[:10]) for r in rows}, "conversion")

    rows = dbt.query(
        "select conversions.event_id, conversions.conversion_name, touches.touch_number,"
        " touches.channel, touches.utm_source, touches.utm_medium, touches.utm_campaign,"
        " touches.referrer, touches.seconds_before_conversion,"
        + ", ".join(f" touches.{m}_credit" for m in MODELS)
        + " from {{ ref('wh_product_attribution_touches_fact') }} as touches"
        " inner join {{ ref('wh_product_conversions_fact') }} as conversions"
        " on touches.conversion_id = conversions.conversion_id", vars=GENERATED)
    same(touches, {tuple(r[:3]): tuple(r[3:8]) + tuple(float(x) for x in r[8:]) for r in rows}, "touch")

    rows = dbt.query(
        f"select cast(conversion_date as {{{{ dbt.type_string() }}}}), conversion_name,"
        " attribution_model, channel, utm_source, utm_medium, utm_campaign,"
        " attributed_conversions, attributed_value from {{ ref('wh_product_attributions_xa') }}",
        vars=GENERATED)
    same(attributions, {(str(r[0])[:10], *r[1:7]): (float(r[7]), float(r[8])) for r in rows}, "attribution")

    rows = dbt.query(
        "select conversion_name, channel_path, conversions, conversion_value, avg_touch_count,"
        " avg_days_to_convert from {{ ref('wh_product_conversion_paths_xa') }}", vars=GENERATED)
    same(paths, {(r[0], r[1]): (r[2], float(r[3]), float(r[4]), float(r[5])) for r in rows}, "path")


def test_lookback_includes_its_edge_in_the_generated_case(generated_build):
    """gu99's order (generator): its session 10 days before (this case's
    lookback) exactly is a touch, the one a second earlier is not."""
    rows = generated_build.query(
        "select touch_number, seconds_before_conversion, channel"
        " from {{ ref('wh_product_attribution_touches_fact') }}"
        " where visitor_id = 'gu99' order by touch_number", vars=GENERATED)
    assert rows == [(1, 864000, "Email"), (2, 0, "Direct")]


def test_without_conversions_the_models_build_empty(seeded):
    dbt = seeded
    dbt.build_case(CASES["segment"])
    for model in ATTRIBUTION_MODELS:
        assert dbt.query(f"select count(*) from {{{{ ref('{model}') }}}}",
                         vars=CASES["segment"]) == [(0,)], model
    # The columns other work refs exist (with their types) even when empty.
    dbt.query("select conversion_id, conversion_name, event_id, visitor_id, user_id, session_id,"
          " occurred_at, conversion_value + touch_count as n, conversion_date"
          " from {{ ref('wh_product_conversions_fact') }}")

"""The HTML report, rendered in a real headless Chromium (Debian's
package, installed by scripts/chromium_up.sh through `make test`).

The demo (`python -m product_warehouse_harness demo`, on fewer events to
keep CI short) writes the report; the page is opened from disk with every
request recorded, each section is screenshotted, and the assertions read
the rendered page: the charts' SVG elements and the numbers tables, which
are compared with the warehouse models queried directly. A small report
rendered from rows written in this file pins the marks (ramp-up days, a
partial last day), the blank retention periods not begun, the one number
format and booleans as words, with expected values worked out by hand."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from product_warehouse_harness.integration import PROJECT_DIR, ROOT
from product_warehouse_harness.project import DbtProject, build_user_project

DEMO_EVENTS = 30_000
# Each section's screenshot, kept for a look after the run.
SCREENSHOTS = PROJECT_DIR / "target" / "report_screenshots"
SECTIONS = ["active", "new-returning", "lifecycle", "retention", "funnels", "paths", "attribution"]
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        pytest.fail("Chromium is not installed: run `bash scripts/chromium_up.sh` "
                    "(Debian's chromium package; `make test` runs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class RenderedReport:
    """A report opened in Chromium, every request it makes recorded."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.requests: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.goto(path.resolve().as_uri(), wait_until="load")
        self.page.wait_for_timeout(500)

    def count(self, selector: str) -> int:
        return self.page.eval_on_selector_all(selector, "elements => elements.length")

    def table(self, name: str) -> list[dict]:
        return self.page.eval_on_selector_all(
            f'table[data-table="{name}"] tbody tr',
            """rows => rows.map(row => Object.fromEntries(Array.from(row.cells).map(
                cell => [cell.dataset.column, cell.innerText])))""")

    def marks(self, name: str) -> list[tuple[str | None, dict]]:
        """Per row of a table: the row's mark and {column: mark} of its marked cells."""
        return [(row_mark, dict(cells)) for row_mark, cells in self.page.eval_on_selector_all(
            f'table[data-table="{name}"] tbody tr',
            """rows => rows.map(row => [row.dataset.mark || null, Array.from(row.cells)
                .filter(cell => cell.dataset.mark).map(cell => [cell.dataset.column, cell.dataset.mark])])""")]

    def cells(self, selector: str) -> list[str]:
        return self.page.eval_on_selector_all(selector, "cells => cells.map(cell => cell.innerText ?? cell.textContent)")

    def text(self, selector: str) -> str:
        return self.page.inner_text(selector)


# The report's one number format, written out: counts with thousands
# separators, rates as percentages with one decimal, fractional amounts
# with two decimals; "–" is a null, "" a figure that cannot exist yet.
NUMBER_PATTERNS = {
    "int": r"-?\d{1,3}(,\d{3})*",
    "pct": r"-?\d+\.\d%",
    "num": r"-?\d{1,3}(,\d{3})*\.\d\d",
}
AXIS_COUNT = re.compile(r"[−-]?\d{1,3}(,\d{3})*(\.\d+)?")
AXIS_RATE = re.compile(r"\d+\.\d%")


def misformatted_cells(report: RenderedReport) -> list[tuple[str, str]]:
    """(kind, text) of every numbers-table cell not in its kind's format."""
    bad = []
    for kind, pattern in NUMBER_PATTERNS.items():
        bad += [(kind, text) for text in report.cells(f"table.numbers td.{kind}")
                if text not in ("–", "") and not re.fullmatch(pattern, text)]
    return bad


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "demo_report.html"
    subprocess.run([sys.executable, "-m", "product_warehouse_harness", "demo",
                    "--events", str(DEMO_EVENTS), "--report", str(out)],
                   cwd=ROOT, check=True)
    return out


@pytest.fixture(scope="module")
def demo_database(demo_report):
    con = duckdb.connect(str(PROJECT_DIR / "target" / "demo.duckdb"))
    yield con
    con.close()


@pytest.fixture(scope="module")
def rendered_demo(browser, demo_report):
    report = RenderedReport(browser, demo_report)
    yield report
    report.page.close()


def test_report_opens_no_network_connection(rendered_demo, demo_report):
    outside = [url for url in rendered_demo.requests if url != demo_report.resolve().as_uri()]
    assert outside == [], f"the page requested: {outside[:5]}"
    # Every script and style is inline: nothing refers to another file.
    assert rendered_demo.count("script[src], link[rel=stylesheet], img[src]") == 0


@pytest.mark.parametrize("section", SECTIONS)
def test_every_demo_section_draws_a_chart(rendered_demo, section):
    element = rendered_demo.page.locator(f"section#{section}")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    element.screenshot(path=str(SCREENSHOTS / f"{section}.png"))
    assert (SCREENSHOTS / f"{section}.png").stat().st_size > 5_000
    assert element.get_attribute("data-drawn") == "true", element.inner_text()[:300]
    assert rendered_demo.count(f"section#{section} .js-plotly-plot .main-svg") >= 1
    assert rendered_demo.count(f"section#{section} .empty") == 0


def test_active_visitors_chart_and_numbers_equal_the_metrics_model(rendered_demo, demo_database):
    metrics = demo_database.execute(
        "select metric_date, active_visitors, weekly_active_visitors, monthly_active_visitors,"
        " stickiness from main.wh_product_metrics_xa order by metric_date").fetchall()
    # Three lines and the stickiness line, each drawn as a solid trace
    # and a dotted one (its incomplete points): between them through
    # every date.
    assert rendered_demo.count("#chart-active .scatterlayer .trace") == 8
    drawn = rendered_demo.page.evaluate(
        """() => document.getElementById('chart-active').data.map(trace =>
            trace.y.map(y => y !== null))""")
    assert [len(trace) for trace in drawn] == [len(metrics)] * 8
    assert all(all(a or b for a, b in zip(solid, dotted)) for solid, dotted in zip(drawn[::2], drawn[1::2]))
    shown = [{key: row[key] for key in ("metric_date", "active_visitors", "weekly_active_visitors",
                                        "monthly_active_visitors", "stickiness")}
             for row in rendered_demo.table("active")]
    expected = [
        {"metric_date": date.isoformat(), "active_visitors": f"{dau:,}",
         "weekly_active_visitors": f"{wau:,}", "monthly_active_visitors": f"{mau:,}",
         "stickiness": f"{stickiness * 100:.1f}%"}
        for date, dau, wau, mau, stickiness in metrics[-14:]
    ]
    assert shown == expected


def test_funnel_chart_and_numbers_equal_the_funnels_model(rendered_demo, demo_database):
    steps = demo_database.execute(
        "select step_number, step_name, entrants, conversion_rate_from_previous, drop_off_count,"
        " drop_off_rank from main.wh_product_funnels_xa where funnel_name = 'checkout'"
        " order by step_number").fetchall()
    assert len(steps) == 4
    funnel = 'div[data-funnel="checkout"]'
    assert rendered_demo.count(f"{funnel} .funnellayer .point") == 4
    shown = rendered_demo.table("funnel-0")
    assert [(row["step_number"], row["step_name"], row["entrants"], row["drop_off_count"])
            for row in shown] == [
        (str(number), name, f"{entrants:,}", f"{drop:,}")
        for number, name, entrants, _, drop, _ in steps]
    assert [row["conversion_rate_from_previous"] for row in shown] == [
        f"{rate * 100:.1f}%" for _, _, _, rate, _, _ in steps]
    worst = next(name for _, name, _, _, _, rank in steps if rank == 1)
    assert f"Biggest drop-off: {worst}" in rendered_demo.text(f"{funnel} .callout")
    # The breakdown funnel has its per-product table.
    assert rendered_demo.count('div[data-funnel="product to cart"] table[data-table="funnel-1-breakdown"] tbody tr') >= 1


def test_lifecycle_paths_and_attribution_draw_every_element(rendered_demo, demo_database):
    weeks = demo_database.execute(
        "select count(*) from main.wh_product_lifecycle_xa where period_granularity = 'week'").fetchone()[0]
    days = demo_database.execute("select count(*) from main.wh_product_metrics_xa").fetchone()[0]
    assert rendered_demo.count("#chart-new-returning .barlayer .point") == 2 * days
    # One bar per state and week (a zero bar is still an element).
    assert rendered_demo.count("#chart-lifecycle .barlayer .point") == 4 * weeks
    paths = [row[0] for row in demo_database.execute(
        "select journey_path from main.wh_product_paths_xa order by session_count desc, journey_path"
        " limit 12").fetchall()]
    nodes = {(step, name) for path in paths for step, name in enumerate(path.split(" > "))}
    assert rendered_demo.count("#chart-paths .sankey-node") == len(nodes)
    channels = demo_database.execute(
        "select count(distinct channel), count(distinct attribution_model)"
        " from main.wh_product_attributions_xa").fetchone()
    assert channels[1] == 6
    assert rendered_demo.count("#chart-attribution .barlayer .point") == channels[0] * channels[1]


def test_a_project_without_funnels_or_conversions_is_told_what_to_configure(
        browser, tmp_path):
    from product_warehouse_harness.generate import generate

    database = tmp_path / "warehouse.duckdb"
    generate(database, 3_000, days=10, cdp="segment", seed=7, progress=False)
    # dbt in a child process: dbt-duckdb keeps the file open for the life
    # of the process that ran it, and the report command opens it.
    project = build_user_project(tmp_path, database, commands=())
    for command in (["deps"], ["build"]):
        DbtProject(project).invoke_in_child(*command)
    out = tmp_path / "report.html"
    subprocess.run([sys.executable, "-m", "product_warehouse_harness", "report",
                    "--project-dir", str(project), "--out", str(out)], cwd=ROOT, check=True)
    report = RenderedReport(browser, out)
    try:
        assert "product_warehouse_funnels" in report.text("section#funnels .empty")
        assert "product_warehouse_conversions" in report.text("section#attribution .empty")
        assert report.count("section#funnels .js-plotly-plot, section#attribution .js-plotly-plot") == 0
        assert report.page.locator("section#active").get_attribute("data-drawn") == "true"
    finally:
        report.page.close()


# -- marks, blanks and formats -------------------------------------------------

def test_demo_retention_periods_after_the_last_date_are_blank(rendered_demo, demo_database):
    # The last date of data, from the events (not from the retention model).
    last = demo_database.execute(
        "select max(cast(occurred_at as date)) from main.wh_product_events_fact").fetchone()[0]
    cells = demo_database.execute(
        "select cohort_start_date, period_number, is_complete from main.wh_product_retention_xa"
        " where cohort_granularity = 'week'").fetchall()
    observable = {(c.isoformat(), p) for c, p, _ in cells if c + dt.timedelta(days=7 * p) <= last}
    in_progress = {(c.isoformat(), p) for c, p, done in cells if not done} & observable
    assert 0 < len(observable) < len(cells), "the demo should have periods not begun yet"
    heatmaps = rendered_demo.page.evaluate(
        "() => document.getElementById('chart-retention').data.map(t => [t.x, t.y, t.z])")
    drawn = {(y[:10], int(x.split()[1])) for xs, ys, z in heatmaps
             for i, y in enumerate(ys) for j, x in enumerate(xs) if z[i][j] is not None}
    assert drawn == observable, f"drawn but not observable: {sorted(drawn - observable)[:5]}"
    # A rate written in every observable cell and in no other; * on those not over.
    texts = [text for text in rendered_demo.page.eval_on_selector_all(
        "#chart-retention .heatmaplayer text", "ts => ts.map(t => t.textContent)") if text]
    assert len(texts) == len(observable)
    assert sum(text.endswith("*") for text in texts) == len(in_progress) > 0
    for row in rendered_demo.table("retention"):
        cell = (row["cohort_start_date"], int(row["period_number"]))
        if cell in observable:
            assert row["retention_rate"].endswith("%") and row["status"] != "not started", row
        else:
            assert (row["retained_visitors"], row["retention_rate"], row["status"]) == ("", "", "not started"), row


def test_demo_active_table_marks_ramp_up_days_and_a_partial_last_day(rendered_demo, demo_database):
    days = demo_database.execute(
        "select metric_date, date_diff('day', min(metric_date) over (), metric_date)"
        " from main.wh_product_metrics_xa order by metric_date").fetchall()
    last_at = demo_database.execute("select max(occurred_at) from main.wh_product_events_fact").fetchone()[0]
    last_date = days[-1][0]
    # Partial: the last event falls on the last date, before its last hour.
    partial = last_at.date() == last_date and last_at < dt.datetime.combine(last_date, dt.time(23))
    expected = []
    for index, (_, before) in enumerate(days[-14:]):
        cells = {}
        if before < 6:
            cells["weekly_active_visitors"] = "ramp-up"
        if before < 29:
            cells.update(monthly_active_visitors="ramp-up", stickiness="ramp-up")
        expected.append(("partial-day" if partial and index == 13 else None, cells))
    shown = rendered_demo.marks("active")
    assert shown == expected, [(a, b) for a, b in zip(shown, expected) if a != b][:3]
    assert any(cells for _, cells in expected), "the 30-day demo's last 14 days have MAU ramp-up"
    shapes = rendered_demo.page.evaluate(
        "() => (document.getElementById('chart-active').layout.shapes || []).map(s => s.name)")
    assert shapes.count("partial day") == int(partial)
    assert "WAU window full" in shapes


def test_demo_tables_and_axes_use_one_number_format_and_no_python_booleans(rendered_demo):
    assert misformatted_cells(rendered_demo) == []
    every_cell = rendered_demo.cells("table.numbers td")
    assert not {"True", "False"} & set(every_cell)
    assert set(rendered_demo.cells('table[data-table="retention"] td[data-column="status"]')) <= {
        "complete", "in progress", "not started"}
    for chart in ("active", "new-returning", "lifecycle", "attribution"):
        ticks = rendered_demo.cells(f"#chart-{chart} .ytick text")
        assert ticks and all(AXIS_COUNT.fullmatch(t) for t in ticks), (chart, ticks)
    rates = rendered_demo.cells("#chart-active .y2tick text")
    assert rates and all(AXIS_RATE.fullmatch(t) for t in rates), rates


# A small report rendered from rows written here (no dbt): ten dates from
# Monday 2024-03-04, the last one's data ending at 05:30 UTC.
HAND_DATES = [dt.date(2024, 3, 4) + dt.timedelta(days=n) for n in range(10)]
HAND_DAU = [3959, 4100, 4020, 3980, 4200, 4150, 4075, 4010, 3990, 310]
HAND_WAU = [3959, 6500, 8200, 9400, 10300, 11000, 11600, 11800, 11900, 11750]
HAND_MAU = [3959, 6500, 8200, 9400, 10300, 11000, 11600, 12300, 12864, 12900]
# Week cohorts as wh_product_retention_xa gives them (is_complete, and rate
# 0 for periods not begun); the data's last date is Wednesday 2024-03-13.
HAND_RETENTION = [
    ("2024-03-04", 0, 50, 50, 1.0, True), ("2024-03-04", 1, 50, 20, 0.4, False),
    ("2024-03-04", 2, 50, 0, 0.0, False), ("2024-03-11", 0, 30, 30, 1.0, False),
    ("2024-03-11", 1, 30, 0, 0.0, False), ("2024-03-11", 2, 30, 0, 0.0, False),
]


@pytest.fixture(scope="module")
def hand_report(browser, tmp_path_factory):
    from product_warehouse_harness.report import Rows, render

    metrics = [{"metric_date": date, "active_visitors": dau, "weekly_active_visitors": wau,
                "monthly_active_visitors": mau, "stickiness": dau / mau,
                "new_visitors": 100, "returning_visitors": dau - 100}
               for date, dau, wau, mau in zip(HAND_DATES, HAND_DAU, HAND_WAU, HAND_MAU)]
    retention = [{"cohort_start_date": dt.date.fromisoformat(cohort), "period_number": period,
                  "cohort_size": size, "retained_visitors": retained, "retention_rate": rate,
                  "is_complete": complete, "last_activity_date": dt.date(2024, 3, 13)}
                 for cohort, period, size, retained, rate, complete in HAND_RETENTION]
    data = {"metrics": Rows("m", rows=metrics),
            "events": Rows("e", rows=[{"last_occurred_at": dt.datetime(2024, 3, 13, 5, 30)}]),
            "retention": Rows("r", rows=retention),
            **{key: Rows(key, rows=[]) for key in ("lifecycle", "funnels", "paths", "attribution")}}
    out = tmp_path_factory.mktemp("hand_report") / "report.html"
    out.write_text(render(data), encoding="utf-8")
    report = RenderedReport(browser, out)
    yield report
    report.page.close()


def test_hand_report_retention_periods_not_begun_are_blank(hand_report):
    # 2024-03-04 week 1 begins 03-11 and week 2 03-18; 2024-03-11 week 0
    # runs to 03-17, week 1 begins 03-18: after the last date 03-13.
    heatmaps = hand_report.page.evaluate(
        "() => document.getElementById('chart-retention').data.map(t => [t.x, t.y, t.z])")
    drawn = {(y[:10], x) for xs, ys, z in heatmaps
             for i, y in enumerate(ys) for j, x in enumerate(xs) if z[i][j] is not None}
    assert drawn == {("2024-03-04", "week 0"), ("2024-03-04", "week 1"), ("2024-03-11", "week 0")}
    texts = [t for t in hand_report.cells("#chart-retention .heatmaplayer text") if t]
    assert sorted(texts) == ["100.0%", "100.0%*", "40.0%*"]
    assert hand_report.table("retention") == [
        {"cohort_start_date": "2024-03-04", "period_number": "0", "cohort_size": "50",
         "retained_visitors": "50", "retention_rate": "100.0%", "status": "complete"},
        {"cohort_start_date": "2024-03-04", "period_number": "1", "cohort_size": "50",
         "retained_visitors": "20", "retention_rate": "40.0%", "status": "in progress"},
        {"cohort_start_date": "2024-03-11", "period_number": "0", "cohort_size": "30",
         "retained_visitors": "30", "retention_rate": "100.0%", "status": "in progress"},
        {"cohort_start_date": "2024-03-11", "period_number": "1", "cohort_size": "30",
         "retained_visitors": "", "retention_rate": "", "status": "not started"},
    ]


def test_hand_report_marks_ramp_up_days_and_the_partial_last_day(hand_report):
    wau_mau = {"weekly_active_visitors": "ramp-up", "monthly_active_visitors": "ramp-up",
               "stickiness": "ramp-up"}
    mau = {"monthly_active_visitors": "ramp-up", "stickiness": "ramp-up"}
    # WAU's window is short on the first 6 dates (03-04..03-09), MAU's on
    # all 10; 03-13's data ends at 05:30, before its last hour.
    assert hand_report.marks("active") == [(None, wau_mau)] * 6 + [(None, mau)] * 3 + [("partial-day", mau)]
    assert [row["note"] for row in hand_report.table("active")] == [
        f"WAU window {n} of 7 days; MAU window {n} of 30 days" for n in range(1, 7)
    ] + [f"MAU window {n} of 30 days" for n in (7, 8, 9)] + [
        "partial day: data ends 05:30 UTC; MAU window 10 of 30 days"]
    assert hand_report.marks("new-returning") == [(None, {})] * 9 + [("partial-day", {})]
    shapes = hand_report.page.evaluate(
        "() => document.getElementById('chart-active').layout.shapes.map(s => [s.name, s.x0])")
    assert ["WAU window full", "2024-03-10"] in shapes
    assert [name for name, _ in shapes] == ["partial day", "WAU window full"]


def test_hand_report_uses_one_number_format_in_tables_axes_and_hover(hand_report):
    table = hand_report.table("active")
    assert [row["monthly_active_visitors"] for row in table] == [
        "3,959", "6,500", "8,200", "9,400", "10,300", "11,000", "11,600", "12,300", "12,864", "12,900"]
    # DAU / MAU, worked out by hand to one decimal.
    assert [row["stickiness"] for row in table] == [
        "100.0%", "63.1%", "49.0%", "42.3%", "40.8%", "37.7%", "35.1%", "32.6%", "31.0%", "2.4%"]
    assert misformatted_cells(hand_report) == []
    counts = hand_report.cells("#chart-active .ytick text")
    assert counts and all(AXIS_COUNT.fullmatch(t) for t in counts), counts
    assert any("," in t for t in counts), counts  # 12,864 is on the scale: 10,000, not 10k
    rates = hand_report.cells("#chart-active .y2tick text")
    assert rates and all(AXIS_RATE.fullmatch(t) for t in rates), rates
    hovers = hand_report.page.evaluate(
        "() => document.getElementById('chart-active').data.map(t => [t.name, t.hovertemplate])")
    for name, hover in hovers:
        assert ("%{y:.1%}" if name.startswith("stickiness") else "%{y:,d}") in hover, (name, hover)


def test_hand_report_prints_booleans_as_words(hand_report):
    assert not {"True", "False"} & set(hand_report.cells("table.numbers td"))
    assert [row["status"] for row in hand_report.table("retention")] == [
        "complete", "in progress", "in progress", "not started"]


@pytest.mark.parametrize("last_event, partial", [
    (dt.datetime(2024, 3, 13, 0, 19), True),
    (dt.datetime(2024, 3, 13, 22, 59, 59), True),
    (dt.datetime(2024, 3, 13, 23, 0), False),
    (dt.datetime(2024, 3, 13, 23, 47, 52), False),
    # An aware timestamp is read in UTC: 00:30 at +02:00 is 22:30 UTC the day before.
    (dt.datetime(2024, 3, 14, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))), True),
])
def test_the_last_date_is_partial_when_its_data_ends_before_its_last_hour(last_event, partial):
    from product_warehouse_harness.report import Rows, partial_last_day

    data = {"events": Rows("e", rows=[{"last_occurred_at": last_event}])}
    assert (partial_last_day(HAND_DATES, data) is not None) == partial

"""The HTML report, rendered in a real headless Chromium (Debian's
package, installed by scripts/chromium_up.sh through `make test`).

The demo (`python -m product_warehouse_harness demo`, on fewer events to
keep CI short) writes the report; the page is opened from disk with every
request recorded, each section is screenshotted, and the assertions read
the rendered page: the charts' SVG elements and the numbers tables, which
are compared with the warehouse models queried directly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_DIR, ROOT, build_user_project

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

    def text(self, selector: str) -> str:
        return self.page.inner_text(selector)


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
    # Three lines and the stickiness line, each through every date.
    assert rendered_demo.count("#chart-active .scatterlayer .trace") == 4
    points = rendered_demo.page.evaluate(
        "() => document.getElementById('chart-active').calcdata.map(trace => trace.length)")
    assert points == [len(metrics)] * 4
    shown = rendered_demo.table("active")
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


def test_lifecycle_retention_paths_and_attribution_draw_every_element(rendered_demo, demo_database):
    weeks = demo_database.execute(
        "select count(*) from main.wh_product_lifecycle_xa where period_granularity = 'week'").fetchone()[0]
    days = demo_database.execute("select count(*) from main.wh_product_metrics_xa").fetchone()[0]
    assert rendered_demo.count("#chart-new-returning .barlayer .point") == 2 * days
    # One bar per state and week (a zero bar is still an element).
    assert rendered_demo.count("#chart-lifecycle .barlayer .point") == 4 * weeks
    cells = demo_database.execute(
        "select count(*), count(*) filter (where not is_complete) from main.wh_product_retention_xa"
        " where cohort_granularity = 'week'").fetchone()
    # Every cell has its rate written in it; incomplete ones marked with *.
    texts = [text for text in rendered_demo.page.eval_on_selector_all(
        "#chart-retention .heatmaplayer text", "ts => ts.map(t => t.textContent)") if text]
    assert len(texts) == cells[0]
    assert sum(text.endswith("*") for text in texts) == cells[1] > 0
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
    dbt = str(Path(sys.executable).with_name("dbt"))
    for command in (["deps"], ["build"]):
        subprocess.run([dbt, *command, "--project-dir", str(project), "--profiles-dir", str(project)],
                       check=True, capture_output=True, env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"})
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

"""python -m product_warehouse_harness report --project-dir DIR --out report.html

Reads the package's warehouse models through the project's own dbt
profile (any engine dbt connects to) and writes one self-contained HTML
file: Plotly's JavaScript and the styles are inlined, so the file opens
from disk with no server and no network. Each section has a chart and
the figures beside it; a section whose model is missing, unbuilt or
empty says so in words instead of drawing an empty chart."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path

from product_warehouse_harness.project import DbtError, DbtProject

PACKAGE = "product_warehouse"
TOP_PATHS = 12
TABLE_DAYS = 14
TOP_BREAKDOWN_VALUES = 15


@dataclass
class Rows:
    """What the report could read of one model: rows, or why there are none."""

    model: str
    rows: list[dict] | None = None
    problem: str | None = None


def _read(project: DbtProject, model: str, sql: str) -> Rows:
    if not project.has_model(PACKAGE, model):
        return Rows(model, problem=f"The project has no model <code>{model}</code>: "
                                   f"update the product_warehouse package.")
    try:
        rows = project.query(sql.replace("MODEL", f"{{{{ ref('{PACKAGE}', '{model}') }}}}"))
    except DbtError as error:
        return Rows(model, problem=f"<code>{model}</code> could not be read ({html.escape(str(error)[:300])}): "
                                   f"run <code>dbt build</code> first.")
    return Rows(model, rows=rows)


QUERIES = {
    "metrics": ("wh_product_metrics_xa", """
        select metric_date, active_visitors, weekly_active_visitors,
            monthly_active_visitors, stickiness, new_visitors, returning_visitors
        from MODEL order by metric_date"""),
    "lifecycle": ("wh_product_lifecycle_xa", """
        select period_start_date, new_visitors, current_visitors,
            resurrected_visitors, dormant_visitors
        from MODEL where period_granularity = 'week' order by period_start_date"""),
    "retention": ("wh_product_retention_xa", """
        select cohort_start_date, period_number, cohort_size, retained_visitors,
            retention_rate, is_complete
        from MODEL where cohort_granularity = 'week'
        order by cohort_start_date, period_number"""),
    "funnels": ("wh_product_funnels_xa", """
        select funnel_name, breakdown_value, step_number, step_name, entrants,
            conversion_rate_from_previous, conversion_rate_from_first,
            drop_off_count, drop_off_rate, drop_off_rank
        from MODEL order by funnel_name, breakdown_value, step_number"""),
    "paths": ("wh_product_paths_xa", """
        select journey_path, session_count, share_of_sessions, path_rank
        from MODEL order by session_count desc, journey_path"""),
    "attribution": ("wh_product_attributions_xa", """
        select attribution_model, channel,
            sum(attributed_conversions) as attributed_conversions,
            sum(attributed_value) as attributed_value
        from MODEL group by 1, 2 order by 1, 2"""),
}


def read_report_data(project: DbtProject) -> dict[str, Rows]:
    return {key: _read(project, model, sql) for key, (model, sql) in QUERIES.items()}


# -- formatting --------------------------------------------------------------

def _fmt(value, kind: str = "int") -> str:
    if value is None:
        return "–"
    if kind == "pct":
        return f"{value * 100:.1f}%"
    if kind == "num":
        return f"{value:,.2f}"
    if kind == "int":
        return f"{int(value):,}"
    return html.escape(str(value))


def _table(columns: list[tuple[str, str, str]], rows: list[dict], name: str) -> str:
    """An HTML table; columns are (key, heading, kind). Cells carry
    data-column so a test can read the rendered figures."""
    head = "".join(f"<th>{html.escape(h)}</th>" for _, h, _ in columns)
    body = "".join(
        "<tr>" + "".join(
            f'<td data-column="{key}" class="{kind}">{_fmt(row.get(key), kind)}</td>'
            for key, _, kind in columns) + "</tr>"
        for row in rows)
    return f'<table class="numbers" data-table="{name}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _figure(fig, div_id: str) -> str:
    fig.update_layout(margin=dict(l=50, r=20, t=40, b=40), height=380,
                      template="plotly_white", font=dict(family="sans-serif"))
    return fig.to_html(full_html=False, include_plotlyjs=False, div_id=div_id,
                       config={"displaylogo": False, "responsive": True})


def _empty(message: str) -> str:
    return f'<p class="empty">{message}</p>'


@dataclass
class Section:
    key: str
    title: str
    question: str
    body: str
    drawn: bool


def _chart_and_numbers(chart: str, numbers: str) -> str:
    """The numbers come first in the page (shown right of the chart by CSS
    order): Plotly sizes a chart when its inline script runs, so the
    column beside it must already be laid out."""
    return f'<div class="pair"><div class="side">{numbers}</div><div class="chart">{chart}</div></div>'


# -- sections ----------------------------------------------------------------

def _date(value) -> str:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)


def section_active(data: Rows) -> Section:
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    title, question = "Active visitors", "How many people use the product every day, week and month, and how sticky is it?"
    if data.rows is None or not data.rows:
        return Section("active", title, question, _empty(data.problem or "No events yet: the metrics model is empty."), False)
    dates = [_date(r["metric_date"]) for r in data.rows]
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    for key, name in (("active_visitors", "DAU"), ("weekly_active_visitors", "WAU"),
                      ("monthly_active_visitors", "MAU")):
        fig.add_trace(go.Scatter(x=dates, y=[r[key] for r in data.rows], name=name, mode="lines"))
    fig.add_trace(go.Scatter(x=dates, y=[r["stickiness"] for r in data.rows], name="stickiness (DAU/MAU)",
                             mode="lines", line=dict(dash="dot")), secondary_y=True)
    fig.update_yaxes(title_text="visitors", secondary_y=False)
    fig.update_yaxes(title_text="stickiness", tickformat=".0%", secondary_y=True)
    numbers = "<h3>Last days</h3>" + _table(
        [("metric_date", "date", "text"), ("active_visitors", "DAU", "int"),
         ("weekly_active_visitors", "WAU", "int"), ("monthly_active_visitors", "MAU", "int"),
         ("stickiness", "DAU/MAU", "pct")],
        [dict(r, metric_date=_date(r["metric_date"])) for r in data.rows[-TABLE_DAYS:]], "active")
    return Section("active", title, question, _chart_and_numbers(_figure(fig, "chart-active"), numbers), True)


def section_new_returning(data: Rows) -> Section:
    import plotly.graph_objects as go

    title, question = "New and returning visitors", "Of each day's active visitors, how many are new?"
    if data.rows is None or not data.rows:
        return Section("new-returning", title, question, _empty(data.problem or "No events yet: the metrics model is empty."), False)
    dates = [_date(r["metric_date"]) for r in data.rows]
    fig = go.Figure([
        go.Bar(x=dates, y=[r["new_visitors"] for r in data.rows], name="new"),
        go.Bar(x=dates, y=[r["returning_visitors"] for r in data.rows], name="returning"),
    ])
    fig.update_layout(barmode="stack", yaxis_title="active visitors")
    numbers = "<h3>Last days</h3>" + _table(
        [("metric_date", "date", "text"), ("new_visitors", "new", "int"),
         ("returning_visitors", "returning", "int")],
        [dict(r, metric_date=_date(r["metric_date"])) for r in data.rows[-TABLE_DAYS:]], "new-returning")
    return Section("new-returning", title, question,
                   _chart_and_numbers(_figure(fig, "chart-new-returning"), numbers), True)


def section_lifecycle(data: Rows) -> Section:
    import plotly.graph_objects as go

    title, question = "Lifecycle (weekly)", "How many are new, current, resurrected or gone dormant each week?"
    if data.rows is None or not data.rows:
        return Section("lifecycle", title, question, _empty(data.problem or "No events yet: the lifecycle model is empty."), False)
    weeks = [_date(r["period_start_date"]) for r in data.rows]
    fig = go.Figure([
        go.Bar(x=weeks, y=[r["new_visitors"] for r in data.rows], name="new"),
        go.Bar(x=weeks, y=[r["current_visitors"] for r in data.rows], name="current"),
        go.Bar(x=weeks, y=[r["resurrected_visitors"] for r in data.rows], name="resurrected"),
        go.Bar(x=weeks, y=[-(r["dormant_visitors"] or 0) for r in data.rows], name="dormant"),
    ])
    fig.update_layout(barmode="relative", yaxis_title="visitors (dormant below the axis)")
    numbers = _table(
        [("period_start_date", "week of", "text"), ("new_visitors", "new", "int"),
         ("current_visitors", "current", "int"), ("resurrected_visitors", "resurrected", "int"),
         ("dormant_visitors", "dormant", "int")],
        [dict(r, period_start_date=_date(r["period_start_date"])) for r in data.rows], "lifecycle")
    return Section("lifecycle", title, question, _chart_and_numbers(_figure(fig, "chart-lifecycle"), numbers), True)


def section_retention(data: Rows) -> Section:
    import plotly.graph_objects as go

    title, question = "Retention (weekly cohorts)", "Of the visitors first seen in a week, how many come back N weeks later?"
    if data.rows is None or not data.rows:
        return Section("retention", title, question, _empty(data.problem or "No events yet: the retention model is empty."), False)
    cohorts = sorted({_date(r["cohort_start_date"]) for r in data.rows})
    periods = sorted({r["period_number"] for r in data.rows})
    row_of, col_of = {c: i for i, c in enumerate(cohorts)}, {p: i for i, p in enumerate(periods)}
    complete = [[None] * len(periods) for _ in cohorts]
    incomplete = [[None] * len(periods) for _ in cohorts]
    sizes = {}
    for r in data.rows:
        cohort = _date(r["cohort_start_date"])
        sizes[cohort] = r["cohort_size"]
        grid = complete if r["is_complete"] else incomplete
        grid[row_of[cohort]][col_of[r["period_number"]]] = r["retention_rate"]
    labels = [f"{c} (n={sizes[c]:,})" for c in cohorts]
    x = [f"week {p}" for p in periods]
    def labels_of(grid, mark):
        return [["" if v is None else f"{v * 100:.0f}%{mark}" for v in row] for row in grid]

    fig = go.Figure([
        go.Heatmap(z=complete, x=x, y=labels, name="complete", colorscale="Blues", zmin=0, zmax=1,
                   text=labels_of(complete, ""), texttemplate="%{text}",
                   hovertemplate="%{y}<br>%{x}: %{z:.1%}<extra></extra>",
                   colorbar=dict(title="retained", tickformat=".0%")),
        go.Heatmap(z=incomplete, x=x, y=labels, name="incomplete", showscale=False, zmin=0, zmax=1,
                   colorscale=[[0, "#eeeeee"], [1, "#bbbbbb"]],
                   text=labels_of(incomplete, "*"), texttemplate="%{text}",
                   hovertemplate="%{y}<br>%{x}: %{z:.1%} (period not over yet)<extra></extra>"),
    ])
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=max(380, 28 * len(cohorts) + 120))
    rows = [r for r in data.rows if r["period_number"] in (0, 1, 4)]
    numbers = ("<p>Grey cells marked * belong to periods that have not ended yet.</p>" + _table(
        [("cohort_start_date", "cohort", "text"), ("period_number", "week", "int"),
         ("cohort_size", "cohort size", "int"), ("retained_visitors", "retained", "int"),
         ("retention_rate", "rate", "pct"), ("is_complete", "complete", "text")],
        [dict(r, cohort_start_date=_date(r["cohort_start_date"])) for r in rows], "retention"))
    return Section("retention", title, question, _chart_and_numbers(_figure(fig, "chart-retention"), numbers), True)


def _funnel_steps(rows: list[dict]) -> list[dict]:
    """A breakdown funnel's steps over all its breakdown values (entries)."""
    steps = {}
    for r in rows:
        step = steps.setdefault(r["step_number"], {"step_number": r["step_number"],
                                                   "step_name": r["step_name"], "entrants": 0})
        step["entrants"] += r["entrants"] or 0
    ordered = [steps[k] for k in sorted(steps)]
    first = ordered[0]["entrants"] if ordered else 0
    for previous, step in zip([None] + ordered, ordered):
        if previous is None:
            step.update(conversion_rate_from_previous=1.0, drop_off_count=0, drop_off_rate=0.0)
        else:
            p = previous["entrants"]
            step["conversion_rate_from_previous"] = step["entrants"] / p if p else None
            step["drop_off_count"] = p - step["entrants"]
            step["drop_off_rate"] = step["drop_off_count"] / p if p else None
        step["conversion_rate_from_first"] = step["entrants"] / first if first else None
    later = [s for s in ordered[1:] if s["drop_off_rate"] is not None]
    if later:
        worst = max(later, key=lambda s: (s["drop_off_rate"], s["drop_off_count"], -s["step_number"]))
        worst["drop_off_rank"] = 1
    return ordered


def section_funnels(data: Rows) -> Section:
    import plotly.graph_objects as go

    title, question = "Funnels", "Where do people drop off?"
    if data.rows is None:
        return Section("funnels", title, question, _empty(data.problem), False)
    if not data.rows:
        return Section("funnels", title, question, _empty(
            "No funnels configured: list them in the var <code>product_warehouse_funnels</code> "
            "(README, \"Funnels\") and run <code>dbt build</code>."), False)
    parts = []
    names = sorted({r["funnel_name"] for r in data.rows})
    for index, name in enumerate(names):
        rows = [r for r in data.rows if r["funnel_name"] == name]
        has_breakdown = any(r["breakdown_value"] is not None for r in rows)
        steps = rows if not has_breakdown else _funnel_steps(rows)
        fig = go.Figure(go.Funnel(y=[f"{s['step_number']}. {s['step_name']}" for s in steps],
                                  x=[s["entrants"] for s in steps],
                                  textinfo="value+percent initial+percent previous"))
        worst = next((s for s in steps if s.get("drop_off_rank") == 1), None)
        callout = (f'<p class="callout">Biggest drop-off: <strong>{html.escape(str(worst["step_name"]))}</strong>, '
                   f'{_fmt(worst["drop_off_count"])} lost ({_fmt(worst["drop_off_rate"], "pct")} of the previous step).</p>'
                   if worst else "")
        scope = " (all breakdown values)" if has_breakdown else ""
        numbers = callout + _table(
            [("step_number", "step", "int"), ("step_name", "name", "text"), ("entrants", "entrants", "int"),
             ("conversion_rate_from_previous", "from previous", "pct"),
             ("conversion_rate_from_first", "from first", "pct"),
             ("drop_off_count", "drop-off", "int"), ("drop_off_rate", "drop-off rate", "pct")],
            steps, f"funnel-{index}")
        block = f'<h3>{html.escape(name)}{scope}</h3>' + _chart_and_numbers(
            _figure(fig, f"chart-funnel-{index}"), numbers)
        if has_breakdown:
            values = sorted({r["breakdown_value"] for r in rows}, key=str)
            by_value = []
            for value in values:
                value_rows = {r["step_number"]: r for r in rows if r["breakdown_value"] == value}
                item = {"breakdown_value": value}
                for number, step in value_rows.items():
                    item[f"step_{number}"] = step["entrants"]
                last = max(value_rows)
                item["conversion"] = value_rows[last]["conversion_rate_from_first"]
                by_value.append(item)
            by_value.sort(key=lambda i: (-(i.get("step_1") or 0), str(i["breakdown_value"])))
            columns = [("breakdown_value", "breakdown value", "text")] + [
                (f"step_{s['step_number']}", f"{s['step_number']}. {s['step_name']}", "int") for s in steps
            ] + [("conversion", "first to last", "pct")]
            shown = by_value[:TOP_BREAKDOWN_VALUES]
            note = (f" (the {len(shown)} with most entrants, of {len(by_value)})"
                    if len(by_value) > len(shown) else "")
            block += (f"<h4>Per breakdown value{note}</h4>"
                      + _table(columns, shown, f"funnel-{index}-breakdown"))
        parts.append(f'<div class="funnel" data-funnel="{html.escape(name)}">{block}</div>')
    return Section("funnels", title, question, "".join(parts), True)


def section_paths(data: Rows) -> Section:
    import plotly.graph_objects as go

    title, question = "Top session paths", "What do sessions do first?"
    if data.rows is None or not data.rows:
        return Section("paths", title, question, _empty(data.problem or "No sessions yet: the paths model is empty."), False)
    top = data.rows[:TOP_PATHS]
    nodes, links = {}, {}
    for r in top:
        names = str(r["journey_path"]).split(" > ")
        keys = [(step, name) for step, name in enumerate(names, start=1)]
        for key in keys:
            nodes.setdefault(key, len(nodes))
        for a, b in zip(keys, keys[1:]):
            links[(nodes[a], nodes[b])] = links.get((nodes[a], nodes[b]), 0) + r["session_count"]
    labels = [f"{name} ({step})" for (step, name) in nodes]
    fig = go.Figure(go.Sankey(
        node=dict(label=labels, pad=14, thickness=14),
        link=dict(source=[a for a, _ in links], target=[b for _, b in links], value=list(links.values())),
    ))
    fig.update_layout(height=460)
    numbers = _table([("path_rank", "rank", "int"), ("journey_path", "path", "text"),
                      ("session_count", "sessions", "int"), ("share_of_sessions", "share", "pct")],
                     top, "paths")
    return Section("paths", title, question, _chart_and_numbers(_figure(fig, "chart-paths"), numbers), True)


MODELS = ["first_touch", "last_touch", "last_non_direct", "linear", "position_based", "time_decay"]


def section_attribution(data: Rows) -> Section:
    import plotly.graph_objects as go

    title, question = "Attribution by channel", "Which channels earn the conversions, under each attribution model?"
    if data.rows is None:
        return Section("attribution", title, question, _empty(data.problem), False)
    if not data.rows:
        return Section("attribution", title, question, _empty(
            "No conversions configured: list them in the var <code>product_warehouse_conversions</code> "
            "(README, \"Attribution\") and run <code>dbt build</code>."), False)
    use_value = sum(r["attributed_value"] or 0 for r in data.rows) > 0
    measure = "attributed_value" if use_value else "attributed_conversions"
    channels = sorted({r["channel"] for r in data.rows}, key=str)
    models = [m for m in MODELS if any(r["attribution_model"] == m for r in data.rows)]
    cell = {(r["attribution_model"], r["channel"]): r for r in data.rows}
    fig = go.Figure([
        go.Bar(name=model, x=channels, y=[(cell.get((model, c)) or {}).get(measure) or 0 for c in channels])
        for model in models
    ])
    fig.update_layout(barmode="group", yaxis_title="attributed value" if use_value else "attributed conversions")
    rows = [{"channel": c, **{m: (cell.get((m, c)) or {}).get(measure) or 0 for m in models}} for c in channels]
    numbers = _table([("channel", "channel", "text")] + [(m, m.replace("_", " "), "num") for m in models],
                     rows, "attribution")
    return Section("attribution", title, question,
                   _chart_and_numbers(_figure(fig, "chart-attribution"), numbers), True)


STYLE = """
body { font-family: sans-serif; margin: 0; color: #222; background: #fafafa; }
header { background: #1f3b5a; color: white; padding: 18px 28px; }
header h1 { margin: 0 0 4px 0; font-size: 22px; }
header p { margin: 0; opacity: .85; font-size: 13px; }
nav { padding: 8px 28px; background: #e9eef4; font-size: 14px; }
nav a { margin-right: 16px; color: #1f3b5a; }
section { background: white; margin: 18px 28px; padding: 8px 20px 16px; border: 1px solid #ddd; border-radius: 6px; }
section h2 { font-size: 18px; margin-bottom: 2px; }
section .question { color: #666; margin-top: 0; font-size: 14px; }
.pair { display: flex; gap: 20px; align-items: flex-start; flex-wrap: wrap; }
.chart { flex: 3 1 560px; min-width: 420px; order: 1; }
.side { flex: 2 1 340px; order: 2; overflow-x: auto; font-size: 13px; }
table.numbers { border-collapse: collapse; width: 100%; }
table.numbers th, table.numbers td { border-bottom: 1px solid #eee; padding: 3px 6px; text-align: right; }
table.numbers th:first-child, table.numbers td.text { text-align: left; }
.empty { background: #fff7e0; border: 1px solid #f0d890; padding: 12px; border-radius: 4px; }
.callout { background: #fdecea; border-left: 4px solid #d9534f; padding: 6px 10px; }
"""


def render(data: dict[str, Rows], title: str = "Product report") -> str:
    import plotly
    import plotly.offline

    sections = [
        section_active(data["metrics"]),
        section_new_returning(data["metrics"]),
        section_lifecycle(data["lifecycle"]),
        section_retention(data["retention"]),
        section_funnels(data["funnels"]),
        section_paths(data["paths"]),
        section_attribution(data["attribution"]),
    ]
    nav = "".join(f'<a href="#{s.key}">{html.escape(s.title)}</a>' for s in sections)
    body = "".join(
        f'<section id="{s.key}" data-drawn="{str(s.drawn).lower()}"><h2>{html.escape(s.title)}</h2>'
        f'<p class="question">{html.escape(s.question)}</p>{s.body}</section>'
        for s in sections)
    generated = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title><style>{STYLE}</style>"
        f"<script>{plotly.offline.get_plotlyjs()}</script></head><body>"
        f"<header><h1>{html.escape(title)}</h1><p>product_warehouse models, generated {generated}; "
        f"charts by Plotly {plotly.__version__}, all inlined (works offline).</p></header>"
        f"<nav>{nav}</nav>{body}</body></html>"
    )


def write_report(project: DbtProject, out: Path, title: str = "Product report") -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(read_report_data(project), title), encoding="utf-8")
    return out

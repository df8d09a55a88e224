"""python -m product_warehouse_harness report --project-dir DIR --out report.html

Reads the package's warehouse models through the project's own dbt
profile (any engine dbt connects to) and writes one self-contained HTML
file: Plotly's JavaScript and the styles are inlined, so the file opens
from disk with no server and no network. Each section has a chart and
the figures beside it; a section whose model is missing, unbuilt or
empty says so in words instead of drawing an empty chart.

Figures that are not what they seem are marked, in the chart and in the
table: a partial last day, the first days whose weekly or monthly window
reaches back before the data begins (ramp-up), and retention periods
not over yet (grey, `*`) or not begun at all (blank)."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from product_warehouse_harness.project import DbtError, DbtProject

PACKAGE = "product_warehouse"
TOP_PATHS = 12
TABLE_DAYS = 14
TOP_BREAKDOWN_VALUES = 15
# The sliding windows of wh_product_metrics_xa (WAU, MAU).
WAU_DAYS, MAU_DAYS = 7, 30
RETENTION_PERIOD_DAYS = 7  # the report shows the week cohorts
# The last date counts as a full day when its latest event lies in the
# day's last hour (see partial_last_day).
PARTIAL_DAY_TOLERANCE = dt.timedelta(hours=1)


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
    # When the data ends: tells a partial last day (partial_last_day).
    "events": ("wh_product_events_fact", """
        select max(occurred_at) as last_occurred_at from MODEL"""),
    "lifecycle": ("wh_product_lifecycle_xa", """
        select period_start_date, new_visitors, current_visitors,
            resurrected_visitors, dormant_visitors
        from MODEL where period_granularity = 'week' order by period_start_date"""),
    # last_activity_date: the day cohorts run over every date from the
    # first event's to the last, so their last start is the data's last
    # date (the model's own event range), which tells whether a period
    # can be observed at all (_retention_status).
    "retention": ("wh_product_retention_xa", """
        select cohort_start_date, period_number, cohort_size, retained_visitors,
            retention_rate, is_complete,
            (select max(cohort_start_date) from MODEL where cohort_granularity = 'day')
                as last_activity_date
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

# One format per kind of figure, everywhere: the same spec formats a
# table cell (Python's format()) and a chart's hover text and rate axes
# (d3-format, which reads these specs the same way): counts 12,864,
# rates 12.3%, fractional amounts 1,234.57. Count axes use Plotly's
# separatethousands (ticks 12,000; no 12k).
FORMATS = {"int": ",d", "pct": ".1%", "num": ",.2f"}
DATE_FORMAT = "%Y-%m-%d"
BLANK = object()  # a cell that cannot have a value yet: shown empty


def _fmt(value, kind: str = "int") -> str:
    if value is BLANK:
        return ""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if kind == "int":
        return format(int(round(value)), FORMATS["int"])
    if kind in FORMATS:
        return format(value, FORMATS[kind])
    if isinstance(value, (dt.date, dt.datetime)):
        return _date(value)
    return html.escape(str(value))


def _hover(kind: str, axis: str = "y") -> str:
    return f"%{{{axis}:{FORMATS[kind]}}}"


def _date(value) -> str:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _as_utc(value) -> dt.datetime | None:
    """A timestamp as naive UTC (engines give naive UTC or aware values)."""
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        value = dt.datetime.fromisoformat(str(value))
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return value


@dataclass
class Column:
    key: str
    heading: str
    kind: str = "int"  # int, pct, num (FORMATS) or text


@dataclass
class Table:
    """An HTML table of rows (dicts). A row may carry `_marks`
    ({column key: mark}) for cells to mark and `_row_mark` for the whole
    row; a mark becomes the cell's (row's) class and data-mark."""

    name: str
    columns: list[Column]
    rows: list[dict]
    caption: str = ""

    def html(self) -> str:
        head = "".join(f"<th>{html.escape(c.heading)}</th>" for c in self.columns)
        body = []
        for row in self.rows:
            marks = row.get("_marks") or {}
            cells = "".join(
                f'<td data-column="{c.key}" class="{c.kind}{" " + marks[c.key] if c.key in marks else ""}"'
                + (f' data-mark="{marks[c.key]}"' if c.key in marks else "")
                + f">{_fmt(row.get(c.key), c.kind)}</td>"
                for c in self.columns)
            mark = row.get("_row_mark")
            body.append((f'<tr class="{mark}" data-mark="{mark}">' if mark else "<tr>") + cells + "</tr>")
        return (self.caption + f'<table class="numbers" data-table="{self.name}"><thead><tr>{head}</tr></thead>'
                f'<tbody>{"".join(body)}</tbody></table>')


def _figure(fig, div_id: str) -> str:
    fig.update_layout(margin=dict(l=50, r=20, t=40, b=40), height=fig.layout.height or 380,
                      template="plotly_white", font=dict(family="sans-serif"))
    # Counts with thousands separators, never SI suffixes (12,864, not 12.864k).
    fig.update_yaxes(separatethousands=True, exponentformat="none")
    fig.update_xaxes(separatethousands=True, exponentformat="none")
    return fig.to_html(full_html=False, include_plotlyjs=False, div_id=div_id,
                       config={"displaylogo": False, "responsive": True})


def _empty(message: str) -> str:
    return f'<p class="empty">{message}</p>'


# -- the sections' one wiring ------------------------------------------------

@dataclass
class Panel:
    """One chart with its figures beside it (note, then tables); `below`
    tables go full width under the pair; `heading` and `attrs` (a wrapping
    div's attributes) set off one of several panels of a section."""

    figure: object
    chart_id: str
    tables: list[Table] = field(default_factory=list)
    note: str = ""
    below: list[Table] = field(default_factory=list)
    heading: str = ""
    attrs: str = ""

    def html(self) -> str:
        # The numbers come first in the page (shown right of the chart by
        # CSS order): Plotly sizes a chart when its inline script runs, so
        # the column beside it must already be laid out.
        side = self.note + "".join(t.html() for t in self.tables)
        block = (self.heading
                 + f'<div class="pair"><div class="side">{side}</div>'
                 f'<div class="chart">{_figure(self.figure, self.chart_id)}</div></div>'
                 + "".join(t.html() for t in self.below))
        return f"<div {self.attrs}>{block}</div>" if self.attrs else block


@dataclass(frozen=True)
class SectionSpec:
    """A section: the Rows it draws (`source`, a key of the report data),
    what it says when the model has no rows, and `draw`, which makes its
    panels from the rows (and may read the rest of the report data)."""

    key: str
    title: str
    question: str
    source: str
    empty: str
    draw: Callable[[list[dict], dict[str, Rows]], list[Panel]]


@dataclass
class Section:
    key: str
    title: str
    question: str
    body: str
    drawn: bool


def build_section(spec: SectionSpec, data: dict[str, Rows]) -> Section:
    """The one wiring: a missing or unreadable model says why, an empty
    one says `spec.empty`, else the panels are drawn."""
    rows = data.get(spec.source) or Rows(spec.source, problem="The report read no such model.")
    if rows.rows is None:
        return Section(spec.key, spec.title, spec.question, _empty(rows.problem), False)
    if not rows.rows:
        return Section(spec.key, spec.title, spec.question, _empty(spec.empty), False)
    body = "".join(panel.html() for panel in spec.draw(rows.rows, data))
    return Section(spec.key, spec.title, spec.question, body, True)


# -- marks on daily figures --------------------------------------------------

def partial_last_day(dates: list[dt.date], data: dict[str, Rows]) -> dt.datetime | None:
    """When the last date is partial, the time its data ends (UTC), else None.

    Rule: the last date is partial when the latest event (max occurred_at
    of wh_product_events_fact) falls on that date and more than
    PARTIAL_DAY_TOLERANCE (one hour) before the date's end. Every data
    set's last event is before midnight, so some slack is needed: a day
    whose events run into its last hour is taken as whole; one whose data
    stops earlier (a load mid-day, or the few events of sessions running
    past midnight into the next date) is marked, since its counts are a
    fraction of a day's. Without the events model nothing is marked."""
    events = data.get("events")
    if not dates or events is None or not events.rows:
        return None
    last_at = _as_utc(events.rows[0].get("last_occurred_at"))
    if last_at is None or last_at.date() != dates[-1]:
        return None
    day_end = dt.datetime.combine(dates[-1], dt.time()) + dt.timedelta(days=1)
    return last_at if last_at < day_end - PARTIAL_DAY_TOLERANCE else None


@dataclass
class DayMarks:
    """Per metric date: how many days the WAU and MAU windows cover (a
    window reaching back before the first data date is short: ramp-up),
    and whether the date is the partial last day."""

    dates: list[dt.date]
    partial_at: dt.datetime | None

    def days_in(self, index: int) -> int:
        return (self.dates[index] - self.dates[0]).days + 1

    def wau_short(self, index: int) -> bool:
        return self.days_in(index) < WAU_DAYS

    def mau_short(self, index: int) -> bool:
        return self.days_in(index) < MAU_DAYS

    def partial(self, index: int) -> bool:
        return self.partial_at is not None and index == len(self.dates) - 1

    def partial_note(self) -> str:
        return f"partial day: data ends {self.partial_at:%H:%M} UTC"

    def note(self, index: int, windows: bool) -> str:
        parts = [self.partial_note()] if self.partial(index) else []
        if windows:
            days = self.days_in(index)
            parts += [f"{name} window {days} of {size} days"
                      for name, size in (("WAU", WAU_DAYS), ("MAU", MAU_DAYS)) if days < size]
        return "; ".join(parts)

    def caption(self, windows: bool) -> str:
        lines = []
        if windows and self.dates and self.mau_short(0):
            lines.append(f"<em>Grey italics</em> and dotted lines: ramp-up, the {WAU_DAYS}- or "
                         f"{MAU_DAYS}-day window reaches back before the first date of data "
                         f"({_date(self.dates[0])}), so it counts fewer days.")
        if self.partial_at is not None:
            lines.append(f'<span class="partial-day">Shaded</span>: the last date is partial '
                         f"(its data ends {self.partial_at:%H:%M} UTC).")
        return "".join(f'<p class="marks">{line}</p>' for line in lines)

    def band(self, fig) -> None:
        """The partial last day as a shaded band on the chart."""
        if self.partial_at is None:
            return
        day = dt.datetime.combine(self.dates[-1], dt.time())
        half = dt.timedelta(hours=12)
        fig.add_shape(type="rect", name="partial day", xref="x", yref="paper",
                      x0=(day - half).strftime("%Y-%m-%d %H:%M"), x1=(day + half).strftime("%Y-%m-%d %H:%M"),
                      y0=0, y1=1, fillcolor="#f0a030", opacity=0.25, line_width=0, layer="below")
        fig.add_annotation(x=_date(self.dates[-1]), y=1, xref="x", yref="paper", yanchor="bottom",
                           text="partial day", showarrow=False, font=dict(color="#b06000", size=11))


def _metric_dates(rows: list[dict], data: dict[str, Rows]) -> DayMarks:
    dates = [_as_date(r["metric_date"]) for r in rows]
    return DayMarks(dates, partial_last_day(dates, data))


def _line(go, x, y, incomplete: list[bool], name: str, color: str, kind: str, notes: list[str]):
    """A line as two traces, one legend entry: solid through the full
    points, dotted and faded through the incomplete ones (and the segments
    that touch them)."""
    n = len(y)
    touches = [incomplete[i] or (i > 0 and incomplete[i - 1]) or (i + 1 < n and incomplete[i + 1])
               for i in range(n)]
    hover = f"%{{x}}<br>{name}: {_hover(kind)}%{{customdata}}<extra></extra>"
    custom = [f"<br>{note}" if note else "" for note in notes]
    solid = go.Scatter(x=x, y=[v if not incomplete[i] else None for i, v in enumerate(y)], name=name,
                       mode="lines", line=dict(color=color), legendgroup=name, customdata=custom,
                       hovertemplate=hover, connectgaps=False)
    dotted = go.Scatter(x=x, y=[v if touches[i] else None for i, v in enumerate(y)], name=f"{name} (incomplete)",
                        mode="lines", line=dict(color=color, dash="dot"), opacity=0.55, legendgroup=name,
                        showlegend=False, customdata=custom, hovertemplate=hover, connectgaps=False)
    return solid, dotted


def _window_line(fig, marks: DayMarks, name: str, size: int) -> None:
    """A vertical line at the first date whose window is full."""
    first, last = marks.dates[0], marks.dates[-1]
    full = first + dt.timedelta(days=size - 1)
    if first < full <= last:
        # The label reads away from the plot's right edge.
        side = "right" if (full - first).days > 0.6 * (last - first).days else "left"
        fig.add_shape(type="line", name=f"{name} window full", xref="x", yref="paper",
                      x0=_date(full), x1=_date(full), y0=0, y1=1, line=dict(color="#999", dash="dash", width=1))
        fig.add_annotation(x=_date(full), y=0.98, xref="x", yref="paper", xanchor=side, showarrow=False,
                           text=f"{name} window full", font=dict(color="#777", size=10))


def _day_table(name: str, columns: list[Column], rows: list[dict], marks: DayMarks,
               windows: bool, short: dict[str, Callable[[int], bool]]) -> Table:
    """The last TABLE_DAYS dates, marked: the partial day's row, the
    ramp-up cells (`short`: column key -> whether the date's figure is
    short), and a note column saying why."""
    shown = []
    for index in range(max(0, len(rows) - TABLE_DAYS), len(rows)):
        row = dict(rows[index], metric_date=_date(marks.dates[index]), note=marks.note(index, windows))
        row["_marks"] = {key: "ramp-up" for key, is_short in short.items() if is_short(index)}
        if marks.partial(index):
            row["_row_mark"] = "partial-day"
        shown.append(row)
    return Table(name, [Column("metric_date", "date", "text"), *columns, Column("note", "note", "text")],
                 shown, caption=marks.caption(windows))


COLORS = ["#636efa", "#ef553b", "#00cc96", "#ab63fa"]


def _date_axes(fig, dates: list[dt.date] | None = None, pad_hours: int = 0) -> None:
    """ISO dates on the axis and in hover; the range held to the data's
    dates (padded for bars and the partial-day band)."""
    fig.update_xaxes(tickformat=DATE_FORMAT, hoverformat=DATE_FORMAT)
    if dates:
        pad = dt.timedelta(hours=pad_hours)
        fig.update_xaxes(range=[(dt.datetime.combine(d, dt.time()) + offset).strftime("%Y-%m-%d %H:%M")
                                for d, offset in ((dates[0], -pad), (dates[-1], pad))])


# -- sections ----------------------------------------------------------------

def draw_active(rows: list[dict], data: dict[str, Rows]) -> list[Panel]:
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    marks = _metric_dates(rows, data)
    n = len(rows)
    x = [_date(d) for d in marks.dates]
    partial = [marks.partial(i) for i in range(n)]
    short = {"active_visitors": lambda i: False, "weekly_active_visitors": marks.wau_short,
             "monthly_active_visitors": marks.mau_short, "stickiness": marks.mau_short}
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    series = (("active_visitors", "DAU", "int"), ("weekly_active_visitors", "WAU", "int"),
              ("monthly_active_visitors", "MAU", "int"), ("stickiness", "stickiness (DAU/MAU)", "pct"))
    for (key, name, kind), color in zip(series, COLORS):
        incomplete = [partial[i] or short[key](i) for i in range(n)]
        notes = [marks.note(i, key != "active_visitors") for i in range(n)]
        for trace in _line(go, x, [r[key] for r in rows], incomplete, name, color, kind, notes):
            fig.add_trace(trace, secondary_y=kind == "pct")
    marks.band(fig)
    _window_line(fig, marks, "WAU", WAU_DAYS)
    _window_line(fig, marks, "MAU", MAU_DAYS)
    fig.update_yaxes(title_text="visitors", rangemode="tozero", secondary_y=False)
    fig.update_yaxes(title_text="stickiness", tickformat=FORMATS["pct"], rangemode="tozero",
                     showgrid=False, tickmode="auto", secondary_y=True)
    _date_axes(fig, marks.dates, 12 if marks.partial_at else 0)
    table = _day_table("active", [Column("active_visitors", "DAU"), Column("weekly_active_visitors", "WAU"),
                                  Column("monthly_active_visitors", "MAU"), Column("stickiness", "DAU/MAU", "pct")],
                       rows, marks, True, short)
    return [Panel(fig, "chart-active", [table], note="<h3>Last days</h3>")]


def draw_new_returning(rows: list[dict], data: dict[str, Rows]) -> list[Panel]:
    import plotly.graph_objects as go

    marks = _metric_dates(rows, data)
    x = [_date(d) for d in marks.dates]
    custom = [f"<br>{marks.partial_note()}" if marks.partial(i) else "" for i in range(len(rows))]
    fig = go.Figure([
        go.Bar(x=x, y=[r[key] for r in rows], name=name, customdata=custom,
               hovertemplate=f"%{{x}}<br>{name}: {_hover('int')}%{{customdata}}<extra></extra>")
        for key, name in (("new_visitors", "new"), ("returning_visitors", "returning"))
    ])
    marks.band(fig)
    fig.update_layout(barmode="stack", yaxis_title="active visitors")
    _date_axes(fig, marks.dates, 12)
    table = _day_table("new-returning", [Column("new_visitors", "new"), Column("returning_visitors", "returning")],
                       rows, marks, False, {})
    return [Panel(fig, "chart-new-returning", [table], note="<h3>Last days</h3>")]


def draw_lifecycle(rows: list[dict], data: dict[str, Rows]) -> list[Panel]:
    import plotly.graph_objects as go

    weeks = [_date(r["period_start_date"]) for r in rows]
    states = (("new_visitors", "new", 1), ("current_visitors", "current", 1),
              ("resurrected_visitors", "resurrected", 1), ("dormant_visitors", "dormant", -1))
    fig = go.Figure([
        go.Bar(x=weeks, y=[sign * (r[key] or 0) for r in rows], name=name,
               customdata=[r[key] or 0 for r in rows],
               hovertemplate=f"week of %{{x}}<br>{name}: {_hover('int', 'customdata')}<extra></extra>")
        for key, name, sign in states
    ])
    fig.update_layout(barmode="relative", yaxis_title="visitors (dormant below the axis)")
    _date_axes(fig)
    table = Table("lifecycle", [Column("period_start_date", "week of", "text")]
                  + [Column(key, name) for key, name, _ in states],
                  [dict(r, period_start_date=_date(r["period_start_date"])) for r in rows])
    return [Panel(fig, "chart-lifecycle", [table])]


def _retention_status(row: dict) -> str:
    """complete: the period is over; in progress: it has begun on or
    before the data's last date; not started: it begins after it, so
    nothing of it can be observed (the model's is_complete is false for
    both of the last two, its rate 0 for the last: shown blank here)."""
    if row["is_complete"]:
        return "complete"
    begins = _as_date(row["cohort_start_date"]) + dt.timedelta(days=RETENTION_PERIOD_DAYS * row["period_number"])
    last = row.get("last_activity_date")
    return "in progress" if last is None or begins <= _as_date(last) else "not started"


def draw_retention(rows: list[dict], data: dict[str, Rows]) -> list[Panel]:
    import plotly.graph_objects as go

    cohorts = sorted({_date(r["cohort_start_date"]) for r in rows})
    periods = sorted({r["period_number"] for r in rows})
    row_of, col_of = {c: i for i, c in enumerate(cohorts)}, {p: i for i, p in enumerate(periods)}
    grids = {status: [[None] * len(periods) for _ in cohorts] for status in ("complete", "in progress")}
    sizes = {}
    for r in rows:
        cohort = _date(r["cohort_start_date"])
        sizes[cohort] = r["cohort_size"]
        status = _retention_status(r)
        if status in grids:
            grids[status][row_of[cohort]][col_of[r["period_number"]]] = r["retention_rate"]
    labels = [f"{c} (n={_fmt(sizes[c])})" for c in cohorts]
    x = [f"week {p}" for p in periods]

    def texts(grid, mark):
        return [["" if v is None else _fmt(v, "pct") + mark for v in row] for row in grid]

    rate = _hover("pct", "z")
    fig = go.Figure([
        go.Heatmap(z=grids["complete"], x=x, y=labels, name="complete", colorscale="Blues", zmin=0, zmax=1,
                   text=texts(grids["complete"], ""), texttemplate="%{text}", textfont=dict(size=10),
                   hovertemplate=f"%{{y}}<br>%{{x}}: {rate}<extra></extra>", hoverongaps=False,
                   colorbar=dict(title="retained", tickformat=FORMATS["pct"])),
        go.Heatmap(z=grids["in progress"], x=x, y=labels, name="in progress", showscale=False, zmin=0, zmax=1,
                   colorscale=[[0, "#eeeeee"], [1, "#bbbbbb"]], hoverongaps=False,
                   text=texts(grids["in progress"], "*"), texttemplate="%{text}", textfont=dict(size=10),
                   hovertemplate=f"%{{y}}<br>%{{x}}: {rate} (period not over yet)<extra></extra>"),
    ])
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=max(380, 28 * len(cohorts) + 120))
    shown = []
    for r in rows:
        if r["period_number"] not in (0, 1, 4):
            continue
        status = _retention_status(r)
        row = dict(r, cohort_start_date=_date(r["cohort_start_date"]), status=status)
        if status == "not started":
            row.update(retained_visitors=BLANK, retention_rate=BLANK)
            row["_marks"] = {"retained_visitors": "not-started", "retention_rate": "not-started"}
        shown.append(row)
    note = ("<p>Grey cells marked * belong to periods not over yet; blank cells to periods "
            "that begin after the last date of data.</p>")
    table = Table("retention", [
        Column("cohort_start_date", "cohort", "text"), Column("period_number", "week"),
        Column("cohort_size", "cohort size"), Column("retained_visitors", "retained"),
        Column("retention_rate", "rate", "pct"), Column("status", "period", "text")], shown)
    return [Panel(fig, "chart-retention", [table], note=note)]


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


def _breakdown_table(rows: list[dict], steps: list[dict], name: str) -> Table:
    by_value = []
    for value in sorted({r["breakdown_value"] for r in rows}, key=str):
        value_rows = {r["step_number"]: r for r in rows if r["breakdown_value"] == value}
        item = {"breakdown_value": value}
        for number, step in value_rows.items():
            item[f"step_{number}"] = step["entrants"]
        item["conversion"] = value_rows[max(value_rows)]["conversion_rate_from_first"]
        by_value.append(item)
    by_value.sort(key=lambda i: (-(i.get("step_1") or 0), str(i["breakdown_value"])))
    columns = [Column("breakdown_value", "breakdown value", "text")] + [
        Column(f"step_{s['step_number']}", f"{s['step_number']}. {s['step_name']}") for s in steps
    ] + [Column("conversion", "first to last", "pct")]
    shown = by_value[:TOP_BREAKDOWN_VALUES]
    note = f" (the {len(shown)} with most entrants, of {len(by_value)})" if len(by_value) > len(shown) else ""
    return Table(name, columns, shown, caption=f"<h4>Per breakdown value{note}</h4>")


def draw_funnels(rows: list[dict], data: dict[str, Rows]) -> list[Panel]:
    import plotly.graph_objects as go

    panels = []
    for index, name in enumerate(sorted({r["funnel_name"] for r in rows})):
        funnel_rows = [r for r in rows if r["funnel_name"] == name]
        has_breakdown = any(r["breakdown_value"] is not None for r in funnel_rows)
        steps = funnel_rows if not has_breakdown else _funnel_steps(funnel_rows)
        shares = (f"{_hover('int', 'value')}<br>{_hover('pct', 'percentInitial')} of first"
                  f"<br>{_hover('pct', 'percentPrevious')} of previous")
        fig = go.Figure(go.Funnel(y=[f"{s['step_number']}. {s['step_name']}" for s in steps],
                                  x=[s["entrants"] for s in steps], texttemplate=shares,
                                  hovertemplate=f"%{{y}}<br>{shares}<extra></extra>"))
        worst = next((s for s in steps if s.get("drop_off_rank") == 1), None)
        callout = (f'<p class="callout">Biggest drop-off: <strong>{html.escape(str(worst["step_name"]))}</strong>, '
                   f'{_fmt(worst["drop_off_count"])} lost ({_fmt(worst["drop_off_rate"], "pct")} of the previous step).</p>'
                   if worst else "")
        table = Table(f"funnel-{index}", [
            Column("step_number", "step"), Column("step_name", "name", "text"), Column("entrants", "entrants"),
            Column("conversion_rate_from_previous", "from previous", "pct"),
            Column("conversion_rate_from_first", "from first", "pct"),
            Column("drop_off_count", "drop-off"), Column("drop_off_rate", "drop-off rate", "pct")], steps)
        scope = " (all breakdown values)" if has_breakdown else ""
        panels.append(Panel(
            fig, f"chart-funnel-{index}", [table], note=callout,
            below=[_breakdown_table(funnel_rows, steps, f"funnel-{index}-breakdown")] if has_breakdown else [],
            heading=f"<h3>{html.escape(name)}{scope}</h3>",
            attrs=f'class="funnel" data-funnel="{html.escape(name)}"'))
    return panels


def draw_paths(rows: list[dict], data: dict[str, Rows]) -> list[Panel]:
    import plotly.graph_objects as go

    top = rows[:TOP_PATHS]
    nodes, links = {}, {}
    for r in top:
        keys = list(enumerate(str(r["journey_path"]).split(" > "), start=1))
        for key in keys:
            nodes.setdefault(key, len(nodes))
        for a, b in zip(keys, keys[1:]):
            links[(nodes[a], nodes[b])] = links.get((nodes[a], nodes[b]), 0) + r["session_count"]
    fig = go.Figure(go.Sankey(
        valueformat=FORMATS["int"], valuesuffix=" sessions",
        node=dict(label=[f"{name} ({step})" for (step, name) in nodes], pad=14, thickness=14),
        link=dict(source=[a for a, _ in links], target=[b for _, b in links], value=list(links.values())),
    ))
    fig.update_layout(height=460)
    table = Table("paths", [Column("path_rank", "rank"), Column("journey_path", "path", "text"),
                            Column("session_count", "sessions"), Column("share_of_sessions", "share", "pct")], top)
    return [Panel(fig, "chart-paths", [table])]


MODELS = ["first_touch", "last_touch", "last_non_direct", "linear", "position_based", "time_decay"]


def draw_attribution(rows: list[dict], data: dict[str, Rows]) -> list[Panel]:
    import plotly.graph_objects as go

    use_value = sum(r["attributed_value"] or 0 for r in rows) > 0
    measure = "attributed_value" if use_value else "attributed_conversions"
    channels = sorted({r["channel"] for r in rows}, key=str)
    models = [m for m in MODELS if any(r["attribution_model"] == m for r in rows)]
    cell = {(r["attribution_model"], r["channel"]): r for r in rows}
    fig = go.Figure([
        go.Bar(name=model.replace("_", " "), x=channels, y=[(cell.get((model, c)) or {}).get(measure) or 0 for c in channels],
               hovertemplate=f"%{{x}}<br>{model.replace('_', ' ')}: {_hover('num')}<extra></extra>")
        for model in models
    ])
    fig.update_layout(barmode="group", yaxis_title="attributed value" if use_value else "attributed conversions")
    table_rows = [{"channel": c, **{m: (cell.get((m, c)) or {}).get(measure) or 0 for m in models}} for c in channels]
    table = Table("attribution", [Column("channel", "channel", "text")]
                  + [Column(m, m.replace("_", " "), "num") for m in models], table_rows)
    return [Panel(fig, "chart-attribution", [table])]


NO_EVENTS = "No events yet: the {} model is empty."
SECTIONS = [
    SectionSpec("active", "Active visitors",
                "How many people use the product every day, week and month, and how sticky is it?",
                "metrics", NO_EVENTS.format("metrics"), draw_active),
    SectionSpec("new-returning", "New and returning visitors", "Of each day's active visitors, how many are new?",
                "metrics", NO_EVENTS.format("metrics"), draw_new_returning),
    SectionSpec("lifecycle", "Lifecycle (weekly)",
                "How many are new, current, resurrected or gone dormant each week?",
                "lifecycle", NO_EVENTS.format("lifecycle"), draw_lifecycle),
    SectionSpec("retention", "Retention (weekly cohorts)",
                "Of the visitors first seen in a week, how many come back N weeks later?",
                "retention", NO_EVENTS.format("retention"), draw_retention),
    SectionSpec("funnels", "Funnels", "Where do people drop off?", "funnels",
                "No funnels configured: list them in the var <code>product_warehouse_funnels</code> "
                "(docs/funnels.md) and run <code>dbt build</code>.", draw_funnels),
    SectionSpec("paths", "Top session paths", "What do sessions do first?",
                "paths", "No sessions yet: the paths model is empty.", draw_paths),
    SectionSpec("attribution", "Attribution by channel",
                "Which channels earn the conversions, under each attribution model?", "attribution",
                "No conversions configured: list them in the var <code>product_warehouse_conversions</code> "
                "(docs/attribution.md) and run <code>dbt build</code>.", draw_attribution),
]


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
table.numbers td[data-column="note"] { color: #777; font-size: 12px; }
td.ramp-up, p.marks em { color: #888; font-style: italic; }
tr.partial-day td, span.partial-day { background: #fbe3c0; }
p.marks { color: #555; font-size: 12px; margin: 2px 0 6px; }
.empty { background: #fff7e0; border: 1px solid #f0d890; padding: 12px; border-radius: 4px; }
.callout { background: #fdecea; border-left: 4px solid #d9534f; padding: 6px 10px; }
"""


def render(data: dict[str, Rows], title: str = "Product report") -> str:
    import plotly
    import plotly.offline

    sections = [build_section(spec, data) for spec in SECTIONS]
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

"""Linimasa: the Gantt of target weeks, one row per action, grouped by area, in the SK's order.

Each target interval is a bar; the done share of the action's planned days is filled from the
start (Redmine style) and what should be done by the as-of date but is not is drawn red.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final

import pandas as pd
import plotly.graph_objects as go

from zi_dash.base import MONTHS_ID, STATUS_COLORS, ActionCol, escape_plot
from zi_dash.base import contract as c
from zi_dash.charts.style import add_as_of_line, apply_style, chart_title

LABEL_CHARS: Final = 48
ROW_HEIGHT: Final = 26
PLAN_FILL: Final = "#CBD5E1"
WEEK_STARTS: Final = (1, 8, 15, 22, 29)
TICK_LINE: Final = 22  # px of one line of the date labels above the plot
# The date labels must stand apart on the narrowest plot they are drawn on: the 70-action Gantt
# at 1280 px with the sidebar open (367 px measured in Chromium); wider ones only space them out.
PLOT_PX: Final = 360
CHAR_PX: Final = 10  # a label character at 15 px (digits, the widest, measured 9.5 px)
LABEL_GAP_PX: Final = 12
WEEK_SETS: Final = ((1, 2, 3, 4, 5), (1, 2, 3, 4), (1, 3))  # weeks labelled, densest first
MONTH_STEPS: Final = (1, 2, 3, 6, *(12 * y for y in (1, 2, 5, 10, 20, 50, 100, 200, 500)))


@dataclass(frozen=True)
class Bars:
    """What the Gantt draws: row labels top to bottom, bar segments and one-day milestones."""

    rows: list[str]
    segments: pd.DataFrame  # row, start, end (exclusive), kind: plan | done | late, hover
    milestones: pd.DataFrame  # row, day, color, hover


def _label(action_id: str, indicator: str) -> str:
    text = indicator if len(indicator) <= LABEL_CHARS else indicator[: LABEL_CHARS - 1] + "…"
    return escape_plot(f"{action_id} {text}")  # plotly reads labels as HTML; workbook text is not


def area_row(area: str, name: str) -> str:
    """The header row of an area in the Gantt."""
    return f"<b>{escape_plot(area)} · {escape_plot(name)}</b>"


def _hover(r: pd.Series) -> str:
    pic = escape_plot(r[ActionCol.PIC] or "belum ditentukan")
    return (
        f"<b>{escape_plot(r[ActionCol.ID])}</b> {escape_plot(r[ActionCol.INDICATOR])}<br>"
        f"Target: {escape_plot(r[ActionCol.TARGET])}<br>Dibaca: {escape_plot(r['reading'])}<br>"
        f"Status: {r['display_status']} · Progres {r[ActionCol.PROGRESS]:.0f}%<br>"
        f"Penanggung jawab: {pic}"
    )


def bars(state: pd.DataFrame, names: dict[str, str], as_of: date) -> Bars:
    """Rows and segments for metrics.action_state() rows (unreadable targets get no bar)."""
    rows: list[str] = []
    segments: list[tuple[str, date, date, str, str]] = []
    milestones: list[tuple[str, date, str, str]] = []
    for area, group in state.groupby(ActionCol.AREA, sort=False):
        rows.append(area_row(str(area), names.get(str(area), "")))
        for _, r in group.iterrows():
            label = _label(r[ActionCol.ID], r[ActionCol.INDICATOR])
            rows.append(label)
            hover = _hover(r)
            intervals = r["target"].intervals if r["recognized"] else []
            done = r[ActionCol.STATUS] == c.Status.DONE
            total = sum((e - s).days + 1 for s, e in intervals)
            left = total if done else total * float(r[ActionCol.PROGRESS]) / 100
            for s, e in intervals:
                end = e + timedelta(days=1)
                if s == e:
                    color = STATUS_COLORS[r["display_status"]]
                    milestones.append((label, s, color, hover))
                    left -= 1
                    continue
                segments.append((label, s, end, "plan", hover))
                filled = min(float((end - s).days), max(left, 0.0))
                left -= filled
                done_end = datetime.combine(s, datetime.min.time()) + timedelta(days=filled)
                if filled > 0:
                    segments.append((label, s, done_end, "done", hover))
                late_end = min(end, as_of)
                if not done and done_end.date() < late_end:
                    segments.append((label, done_end, late_end, "late", hover))
    return Bars(
        rows,
        pd.DataFrame(segments, columns=["row", "start", "end", "kind", "hover"]),
        pd.DataFrame(milestones, columns=["row", "day", "color", "hover"]),
    )


def _ms(start: object, end: object) -> float:
    return (pd.Timestamp(end) - pd.Timestamp(start)).total_seconds() * 1000


def week_ticks(first: date, last: date) -> tuple[list[str], list[str]]:
    """Ticks at the start of each week of the month ("Mg 3 Apr") between two dates."""
    vals, text = [], []
    day = date(first.year, first.month, 1)
    while day <= last:
        for n, start in enumerate(WEEK_STARTS, start=1):
            try:
                tick = day.replace(day=start)
            except ValueError:
                continue
            if first <= tick <= last:
                vals.append(tick.isoformat())
                text.append(f"Mg {n}<br>{MONTHS_ID[tick.month - 1][:3]}")
        day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return vals, text


def figure(b: Bars, as_of: date, window: tuple[date, date], title: str = "") -> go.Figure:
    """The Gantt figure for `bars`, showing `window` with week-of-month ticks when zoomed in."""
    fig = go.Figure()
    styles = {
        "plan": ("Jadwal target", PLAN_FILL, 0.72),
        "done": ("Sudah dikerjakan", STATUS_COLORS[c.Status.DONE], 0.42),
        "late": ("Seharusnya sudah, belum", STATUS_COLORS[c.Status.LATE], 0.42),
    }
    for kind, (name, color, width) in styles.items():
        seg = b.segments[b.segments["kind"] == kind]
        fig.add_bar(
            base=[pd.Timestamp(s).isoformat() for s in seg["start"]],
            x=[_ms(s, e) for s, e in zip(seg["start"], seg["end"])],
            y=list(seg["row"]),
            orientation="h",
            name=name,
            marker={"color": color},
            width=width,
            customdata=list(seg["hover"]),
            hovertemplate="%{customdata}<extra></extra>",
        )
    fig.add_scatter(
        x=[d.isoformat() for d in b.milestones["day"]],
        y=list(b.milestones["row"]),
        mode="markers",
        name="Tonggak (satu hari)",
        marker={"symbol": "diamond", "size": 14, "color": list(b.milestones["color"])},
        customdata=list(b.milestones["hover"]),
        hovertemplate="%{customdata}<extra></extra>",
    )
    # Invisible points keep area header rows on the axis even though they have no bars.
    headers = [r for r in b.rows if r.startswith("<b>")]
    fig.add_scatter(
        x=[window[0].isoformat()] * len(headers),
        y=headers,
        mode="markers",
        marker={"opacity": 0},
        showlegend=False,
        hoverinfo="skip",
    )
    first, last = window
    if first <= as_of <= last:
        add_as_of_line(fig, as_of)
    vals, text = axis_ticks(first, last)
    # Every week (a year at most) or month as a faint line: the labels may skip some.
    minor, _ = week_ticks(first, last) if (last - first).days <= 400 else _months(first, last, 1)
    fig.update_xaxes(
        tickvals=vals,
        ticktext=text,
        minor={"tickvals": minor, "showgrid": True, "gridcolor": "#F3F4F6"},
        tickangle=0,
    )
    fig.update_xaxes(
        type="date",
        range=[first.isoformat(), (last + timedelta(days=1)).isoformat()],
        side="top",
        gridcolor="#D1D5DB",
    )
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=b.rows,
        # Top to bottom, exactly the rows: autorange padded the diamonds' pixel size into
        # ~3.6 empty rows (90 px) between the date labels and the first area.
        range=[len(b.rows) - 0.5, -0.5],
        autorange=False,
        tickfont={"size": 13},
        showgrid=False,
    )
    return apply_style(
        fig,
        title or chart_title("Linimasa Target Rencana Aksi", as_of),
        max(360, ROW_HEIGHT * len(b.rows) + 200),
        barmode="overlay",
        bargap=0.2,
        margin={"l": 10, "r": 30, "t": 88 + tick_band(fig), "b": 70},
    ).update_layout(
        # Pinned to the top: a third label line (the year under a week) grows the margin,
        # and a note above the labels (catalogue.linimasa) stays clear of the title.
        title={"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 16, "l": 10}},
    )


def _with_years(vals: list[str], text: list[str]) -> list[str]:
    """The year under the first label and wherever the year changes."""
    years = [v[:4] for v in vals]
    return [f"{t}<br>{y}" if i == 0 or y != years[i - 1] else t
            for i, (t, y) in enumerate(zip(text, years))]  # fmt: skip


def _months(first: date, last: date, step: int) -> tuple[list[str], list[str]]:
    """Month starts in the window, every `step` months counted from January ("Apr"); a step
    of years keeps the years divisible by it (a Selesai typed as 2202 spans centuries)."""
    if step >= 12:
        years = range(first.year + (first > date(first.year, 1, 1)), last.year + 1)
        kept = [y for y in years if y % (step // 12) == 0]
        return [date(y, 1, 1).isoformat() for y in kept], [MONTHS_ID[0][:3]] * len(kept)
    vals, text = [], []
    day = date(first.year, first.month, 1)
    while day <= last:
        if day >= first and (day.month - 1) % step == 0:
            vals.append(day.isoformat())
            text.append(MONTHS_ID[day.month - 1][:3])
        day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return vals, text


def _label_px(text: str) -> int:
    return CHAR_PX * max(len(line) for line in text.split("<br>"))


def _apart(vals: list[str], text: list[str], first: date, last: date) -> bool:
    """Whether neighbouring labels clear each other on a plot PLOT_PX wide."""
    px_per_day = PLOT_PX / ((last - first).days + 1)
    xs = [(date.fromisoformat(v) - first).days * px_per_day for v in vals]
    return all(
        x1 - x0 >= (_label_px(t0) + _label_px(t1)) / 2 + LABEL_GAP_PX
        for x0, x1, t0, t1 in zip(xs, xs[1:], text, text[1:])
    )


def axis_ticks(first: date, last: date) -> tuple[list[str], list[str]]:
    """The densest date labels that stand apart: weeks ("Mg 3<br>Apr") up to 100 days, else
    months, every 1, 2, 3 or 6, else years; the year where it starts or changes."""
    choices = []
    if (last - first).days <= 100:
        vals, text = week_ticks(first, last)
        for weeks in WEEK_SETS:
            keep = [i for i, t in enumerate(text) if int(t[3]) in weeks]  # "Mg N<br>…"
            choices.append(([vals[i] for i in keep], [text[i] for i in keep]))
    choices += [_months(first, last, step) for step in MONTH_STEPS]
    labelled = [(vals, _with_years(vals, text)) for vals, text in choices if vals]
    fits = (c for c in labelled if _apart(*c, first, last))
    return next(fits, labelled[-1] if labelled else ([], []))


def tick_band(fig: go.Figure) -> int:
    """Px the date labels take above the Gantt's plot (a note above them is lifted by it)."""
    text = fig.layout.xaxis.ticktext or ("",)
    return TICK_LINE * max(t.count("<br>") + 1 for t in text)


def default_window(b: Bars, as_of: date) -> tuple[date, date]:
    """The plan's scheduled span with a few days' margin (and the as-of date if it falls near)."""
    starts = [pd.Timestamp(d).date() for d in [*b.segments["start"], *b.milestones["day"]]]
    ends = [pd.Timestamp(d).date() for d in [*b.segments["end"], *b.milestones["day"]]]
    if not starts:
        return as_of - timedelta(days=30), as_of + timedelta(days=30)
    first, last = min(starts), max(ends)
    # An as-of date far outside the plan would squash every bar; the page says where it is.
    if first - timedelta(days=60) <= as_of < first:
        first = as_of
    if last < as_of <= last + timedelta(days=60):
        last = as_of
    return first - timedelta(days=3), last + timedelta(days=3)


def zoom_windows(year: int) -> dict[str, tuple[date, date]]:
    """Named windows for the zoom control: the year, each quarter and each month."""
    out = {f"Tahun {year}": (date(year, 1, 1), date(year, 12, 31))}
    for q in range(4):
        start = date(year, 3 * q + 1, 1)
        end = (date(year, 3 * q + 3, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        out[f"Triwulan {('I', 'II', 'III', 'IV')[q]} {year}"] = (start, end)
    for m, name in enumerate(MONTHS_ID, start=1):
        start = date(year, m, 1)
        end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        out[f"{name} {year}"] = (start, end)
    return out

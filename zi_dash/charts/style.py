"""The house style every figure shares: title, fonts, ticks, the as-of line, export config."""

from __future__ import annotations

import math
from datetime import date
from typing import Any, Final

import plotly.graph_objects as go

from zi_dash.base import MONTHS_ID, STATUS_COLORS, format_date
from zi_dash.base import contract as c

FONT: Final = "DejaVu Sans, Arial, sans-serif"
BASE_FONT_SIZE: Final = 15
EXPORT_WIDTH: Final = 1000
EXPORT_SCALE: Final = 3
GRID: Final = "#E5E7EB"
TEXT: Final = "#111827"
# The smallest text Mode Rapat draws, in CSS px of its 1280×720 screen (1/36 of its height).
# Projected 1.5 m high, a capital (0.7 em) is 3 cm: read from about 9 m by signage's rule of
# thumb (a letter carries about 300 times its height), the back of a meeting room. Streamlit's
# 14 px captions carry 6 m.
PROJECTOR_MIN_FONT: Final = 20


def chart_title(what: str, as_of: date) -> str:
    return f"{what} · per {format_date(as_of)}"


def apply_style(fig: go.Figure, title: str, height: int, **layout: Any) -> go.Figure:
    """The house style: title, fonts, white background, Indonesian separators; `layout` wins."""
    settings: dict[str, Any] = {
        "title": {
            "text": title,
            "x": 0,
            "xanchor": "left",
            "pad": {"l": 10},
            "font": {"size": 20, "color": TEXT},
        },
        "font": {"family": FONT, "size": BASE_FONT_SIZE, "color": TEXT},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "height": height,
        "margin": {"l": 10, "r": 30, "t": 70, "b": 90},
        "separators": ",.",
        "hoverlabel": {"font": {"family": FONT, "size": 14}, "align": "left"},
        "legend": {
            "orientation": "h",
            "yref": "container",
            "yanchor": "bottom",
            "y": 0.01,
            "x": 0,
            "xanchor": "left",
        },
    }
    settings.update(layout)
    fig.update_layout(**settings)
    fig.update_xaxes(gridcolor=GRID, zerolinecolor=GRID, automargin=True)
    fig.update_yaxes(gridcolor=GRID, zerolinecolor=GRID, automargin=True)
    return fig


def config(fig: go.Figure, name: str, as_of: date) -> dict[str, Any]:
    """Plotly config for st.plotly_chart: a print-size PNG named for what it shows."""
    return {
        "displaylogo": False,
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
        "toImageButtonOptions": {
            "format": "png",
            "filename": f"{name}_{as_of.isoformat()}",
            "width": EXPORT_WIDTH,
            "height": int(fig.layout.height or 600),
            "scale": EXPORT_SCALE,
        },
    }


def _next_month(day: date, months: int = 1) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def date_ticks(first: date, last: date) -> tuple[list[str], list[str]]:
    """Month ticks in Indonesian ("Apr<br>2022"), every 1, 3, 6 or 12 months to stay legible."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    # Past 14 years (a Selesai typed as 2202), whole years in steps that keep 14 ticks at most.
    step = next((s for s in (1, 3, 6, 12) if months / s <= 14), 12 * math.ceil(months / 168))
    day = date(first.year, first.month, 1)
    if step > 1:  # start on a quarter, half-year or year boundary
        while (day.month - 1) % min(step, 12):
            day = _next_month(day)
    vals, text = [], []
    while day <= last:
        if day >= first:
            vals.append(day.isoformat())
            text.append(f"{MONTHS_ID[day.month - 1][:3]}<br>{day.year}")
        day = _next_month(day, step)
    return vals, text


def add_as_of_line(fig: go.Figure, as_of: date) -> None:
    # A shape plus an annotation: add_vline's own annotation fails on date axes.
    fig.add_shape(
        type="line",
        x0=as_of.isoformat(),
        x1=as_of.isoformat(),
        y0=0,
        y1=1,
        yref="paper",
        line={"color": STATUS_COLORS[c.Status.LATE], "width": 2, "dash": "dot"},
    )
    # Inside the plot, right of the line: above it, the verdict line of the chart sits.
    fig.add_annotation(
        x=as_of.isoformat(),
        y=1,
        yref="paper",
        yanchor="top",
        xanchor="left",
        xshift=4,
        text=f"Acuan {format_date(as_of)}",
        showarrow=False,
        font={"color": STATUS_COLORS[c.Status.LATE], "size": 13},
        bgcolor="white",
    )


def for_projector(fig: go.Figure, max_height: int | None = None) -> go.Figure:
    """The same figure with type large enough to read from the back of a meeting room.

    `max_height` (px) fits it into what a screen has left; the original keeps its height.
    """
    fig = go.Figure(fig)
    fig.update_layout(font_size=22, title_font_size=30, hoverlabel_font_size=20)
    if max_height is not None and (fig.layout.height or 0) > max_height:
        fig.update_layout(height=max_height)
    fig.update_traces(textfont_size=22, selector={"type": "bar"})
    fig.update_yaxes(tickfont_size=22)
    return fig


def add_note(fig: go.Figure, text: str, font: dict[str, Any], yshift: int = 0) -> None:
    """A one-line verdict between the title and the plot (total, deviasi, ...).

    `yshift` lifts it clear of axis labels drawn above the plot (the Gantt's).
    """
    fig.add_annotation(
        text=text,
        xref="paper",
        yref="paper",
        x=0,
        y=1.0,
        yshift=yshift,
        yanchor="bottom",
        showarrow=False,
        font=font,
        align="left",
    )

"""Every chart of the dashboard and its exports: pure functions, data in, Figure out.

Figures carry their own colours, fonts and Indonesian labels (pages render them with
theme=None), so a chart looks the same on screen, in the camera export and in a report.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final

import pandas as pd
import plotly.graph_objects as go

from zi_dash import contract as c
from zi_dash import fmt
from zi_dash.contract import ActionCol
from zi_dash.metrics import KurvaS, LkeProjection
from zi_dash.palette import (
    ACTUAL_COLOR,
    EVIDENCE_COLORS,
    PLAN_COLOR,
    STATUS_COLORS,
)
from zi_dash.schedule import MONTHS_ID, format_date

FONT: Final = "DejaVu Sans, Arial, sans-serif"
BASE_FONT_SIZE: Final = 15
EXPORT_WIDTH: Final = 1200
EXPORT_SCALE: Final = 3
GRID: Final = "#E5E7EB"
TEXT: Final = "#111827"


def chart_title(what: str, as_of: date) -> str:
    return f"{what} · per {format_date(as_of)}"


def apply_style(fig: go.Figure, title: str, height: int, **layout: Any) -> go.Figure:
    """The house style: title, fonts, white background, Indonesian separators; `layout` wins."""
    settings: dict[str, Any] = {
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 20, "color": TEXT}},
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


def _area_label(area: str, name: str) -> str:
    return f"{area}. {name}"


def area_completion(by_area: pd.DataFrame, as_of: date) -> go.Figure:
    """Capaian per area: one bar per area with its % and how many actions are done."""
    labels = [_area_label(a, n) for a, n in zip(by_area[ActionCol.AREA], by_area["area_name"])]
    text = [
        f"{fmt.pct(p, 0)} · {d}/{n}"
        for p, d, n in zip(by_area["completion"], by_area["done"], by_area["actions"])
    ]
    fig = go.Figure(
        go.Bar(
            x=by_area["completion"],
            y=labels,
            orientation="h",
            marker_color=STATUS_COLORS[c.Status.IN_PROGRESS],
            text=text,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}<br>Capaian %{x:.1f}%<extra></extra>",
            name="Capaian",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(
        range=[0, 135],
        ticksuffix="%",
        tickvals=[0, 20, 40, 60, 80, 100],
        title="capaian · aksi selesai/jumlah",
    )
    return apply_style(
        fig,
        chart_title("Capaian Rencana Aksi per Area", as_of),
        max(300, 70 * len(labels) + 120),
        showlegend=False,
    )


def status_by_area(table: pd.DataFrame, names: dict[str, str], as_of: date) -> go.Figure:
    """Jumlah aksi per status di tiap area, stacked, Terlambat in red."""
    labels = [_area_label(a, names.get(a, "")) for a in table.index]
    fig = go.Figure()
    for status in table.columns:
        fig.add_bar(
            x=table[status],
            y=labels,
            orientation="h",
            name=status,
            marker_color=STATUS_COLORS[status],
            text=[v if v else "" for v in table[status]],
            textposition="inside",
            insidetextanchor="middle",
            hovertemplate=f"%{{y}}<br>{status}: %{{x}} aksi<extra></extra>",
        )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title="jumlah aksi")
    return apply_style(
        fig,
        chart_title("Status Aksi per Area", as_of),
        max(300, 60 * len(labels) + 140),
        barmode="stack",
    )


def component_completion(by_component: pd.DataFrame, as_of: date) -> go.Figure:
    """Capaian per komponen, grouped by area in the SK's order."""
    labels = [
        f"{a}.{n} {name if len(name) <= 42 else name[:41] + '…'}"
        for a, n, name in zip(
            by_component[ActionCol.AREA],
            by_component[ActionCol.COMPONENT_NO],
            by_component[ActionCol.COMPONENT],
        )
    ]
    colors = [
        STATUS_COLORS[c.Status.DONE] if p >= 100 else STATUS_COLORS[c.Status.IN_PROGRESS]
        for p in by_component["completion"]
    ]
    fig = go.Figure(
        go.Bar(
            x=by_component["completion"],
            y=labels,
            orientation="h",
            marker_color=colors,
            text=[
                f"{fmt.pct(p, 0)} ({n} aksi)"
                for p, n in zip(by_component["completion"], by_component["actions"])
            ],
            textposition="outside",
            cliponaxis=False,
            customdata=by_component[ActionCol.COMPONENT],
            hovertemplate="%{customdata}<br>Capaian %{x:.1f}%<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", tickfont={"size": 13})
    fig.update_xaxes(range=[0, 122], ticksuffix="%", tickvals=[0, 20, 40, 60, 80, 100])
    return apply_style(
        fig,
        chart_title("Capaian per Komponen", as_of),
        max(320, 30 * len(labels) + 140),
        showlegend=False,
    )


def lke_projection(lke: LkeProjection, as_of: date) -> go.Figure:
    """Proyeksi nilai pengungkit per area against its weight and the WBK/WBBM minimums."""
    a = lke.areas
    labels = [_area_label(x, n) for x, n in zip(a[ActionCol.AREA], a["area_name"])]
    colors = [
        STATUS_COLORS[c.Status.DONE] if ok else STATUS_COLORS[c.Status.LATE]
        for ok in a["meets_wbk"]
    ]
    fig = go.Figure()
    fig.add_bar(
        x=a["weight"],
        y=labels,
        orientation="h",
        name="Bobot area",
        marker={"color": "#F3F4F6", "line": {"color": "#9CA3AF", "width": 1}},
        hovertemplate="%{y}<br>Bobot %{x:.2f}<extra></extra>",
    )
    fig.add_bar(
        x=a["score"],
        y=labels,
        orientation="h",
        name="Proyeksi nilai",
        marker_color=colors,
        width=0.5,
        text=[f"{fmt.number(s, 2)} / {fmt.number(w, 2)}" for s, w in zip(a["score"], a["weight"])],
        textposition="outside",
        cliponaxis=False,
        hovertemplate="%{y}<br>Proyeksi %{x:.2f}<extra></extra>",
    )
    for column, name, symbol, color in (
        ("wbk_min", "Minimal WBK (60%)", "line-ns-open", "#111827"),
        ("wbbm_min", "Minimal WBBM (75%)", "line-ns-open", "#7C3AED"),
    ):
        fig.add_scatter(
            x=a[column],
            y=labels,
            mode="markers",
            name=name,
            marker={
                "symbol": symbol,
                "size": 26,
                "color": color,
                "line": {"width": 3, "color": color},
            },
            hovertemplate=f"%{{y}}<br>{name}: %{{x:.2f}}<extra></extra>",
        )
    verdict = (
        "memenuhi minimal WBBM"
        if lke.meets_wbbm
        else "memenuhi minimal WBK"
        if lke.meets_wbk
        else "belum memenuhi minimal WBK"
    )
    fig.add_annotation(
        text=(
            f"Total proyeksi {fmt.number(lke.total, 2)} dari {fmt.number(lke.weight_total, 0)}"
            f" · minimal WBK {fmt.number(c.WBK_PENGUNGKIT_MIN, 0)},"
            f" WBBM {fmt.number(c.WBBM_PENGUNGKIT_MIN, 0)} · {verdict}"
        ),
        xref="paper",
        yref="paper",
        x=0,
        y=1.0,
        yanchor="bottom",
        showarrow=False,
        font={"size": 14},
        align="left",
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title="nilai", range=[0, max(a["weight"].max() if len(a) else 1, 1) * 1.3])
    return apply_style(
        fig,
        chart_title(
            "Proyeksi Nilai Pengungkit LKE dari Progres Rencana Aksi (bukan nilai resmi)", as_of
        ),
        max(360, 70 * len(labels) + 190),
        barmode="overlay",
        margin={"l": 10, "r": 30, "t": 100, "b": 110},
    )


def kurva_s(k: KurvaS) -> go.Figure:
    """Kurva S: rencana vs realisasi cumulative %, the as-of line, deviasi and kritis."""
    curve = k.curve
    fig = go.Figure()
    fig.add_scatter(
        x=[d.isoformat() for d in curve["date"]],
        y=curve["planned"],
        name="Rencana",
        mode="lines",
        line={"color": PLAN_COLOR, "width": 3, "dash": "dash"},
        customdata=[format_date(d) for d in curve["date"]],
        hovertemplate="%{customdata}<br>Rencana %{y:.1f}%<extra></extra>",
    )
    actual = curve.dropna(subset=["actual"]) if "actual" in curve else curve.iloc[0:0]
    fig.add_scatter(
        x=[d.isoformat() for d in actual["date"]],
        y=actual["actual"] if len(actual) else [],
        name="Realisasi",
        mode="lines",
        line={"color": ACTUAL_COLOR, "width": 4},
        customdata=[format_date(d) for d in actual["date"]],
        hovertemplate="%{customdata}<br>Realisasi %{y:.1f}%<extra></extra>",
    )
    add_as_of_line(fig, k.as_of)
    state = "KRITIS" if k.kritis else "tidak kritis"
    fig.add_annotation(
        text=(
            f"Rencana {fmt.pct(k.planned)} · Realisasi {fmt.pct(k.actual)} · "
            f"Deviasi {fmt.number(k.deviation)} poin · <b>{state}</b>"
        ),
        xref="paper",
        yref="paper",
        x=0,
        y=1.0,
        yanchor="bottom",
        showarrow=False,
        font={"size": 15, "color": STATUS_COLORS[c.Status.LATE] if k.kritis else TEXT},
    )
    fig.update_yaxes(range=[0, 105], ticksuffix="%", title="kumulatif")
    if len(curve):
        vals, text = date_ticks(curve["date"].iloc[0], curve["date"].iloc[-1])
        fig.update_xaxes(tickvals=vals, ticktext=text)
    return apply_style(
        fig,
        chart_title("Kurva S Rencana vs Realisasi", k.as_of),
        500,
        margin={"l": 10, "r": 30, "t": 100, "b": 90},
    )


def _next_month(day: date, months: int = 1) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def date_ticks(first: date, last: date) -> tuple[list[str], list[str]]:
    """Month ticks in Indonesian ("Apr<br>2022"), every 1, 3, 6 or 12 months to stay legible."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = next(s for s in (1, 3, 6, 12) if months / s <= 14)
    day = date(first.year, first.month, 1)
    if step > 1:  # start on a quarter, half-year or year boundary
        while (day.month - 1) % step:
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
    fig.add_annotation(
        x=as_of.isoformat(),
        y=1,
        yref="paper",
        yanchor="bottom",
        text=f"Acuan {format_date(as_of)}",
        showarrow=False,
        font={"color": STATUS_COLORS[c.Status.LATE], "size": 13},
        bgcolor="white",
    )


def evidence_by_area(matrix: pd.DataFrame, names: dict[str, str], as_of: date) -> go.Figure:
    """Kelengkapan bukti per area: items per Status Bukti, stacked, with the % present."""
    labels = [_area_label(a, names.get(a, "")) for a in matrix.index]
    fig = go.Figure()
    for status in (
        c.EvidenceStatus.VERIFIED,
        c.EvidenceStatus.PRESENT,
        c.EvidenceStatus.NEEDS_FIX,
        c.EvidenceStatus.MISSING,
    ):
        values = matrix[status] if status in matrix else [0] * len(labels)
        fig.add_bar(
            x=values,
            y=labels,
            orientation="h",
            name=status,
            marker_color=EVIDENCE_COLORS[status],
            text=[v if v else "" for v in values],
            textposition="inside",
            insidetextanchor="middle",
            hovertemplate=f"%{{y}}<br>{status}: %{{x}} dokumen<extra></extra>",
        )
    present = sum(matrix[s] for s in c.EVIDENCE_PRESENT if s in matrix)
    totals = matrix.get("Jumlah", present)
    share = [p / t * 100 if t else 0 for p, t in zip(present, totals)]
    fig.add_scatter(
        x=list(totals),
        y=labels,
        mode="text",
        text=[f"  {fmt.pct(s, 0)} ada" for s in share],
        textposition="middle right",
        showlegend=False,
        hoverinfo="skip",
        cliponaxis=False,
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title="jumlah dokumen bukti", range=[0, max(list(totals) or [1]) * 1.2])
    return apply_style(
        fig,
        chart_title("Kelengkapan Bukti Dukung per Area", as_of),
        max(300, 60 * len(labels) + 140),
        barmode="stack",
    )


def for_projector(fig: go.Figure) -> go.Figure:
    """The same figure with type large enough to read from the back of a meeting room."""
    fig = go.Figure(fig)
    fig.update_layout(font_size=22, title_font_size=30, hoverlabel_font_size=20)
    fig.update_traces(textfont_size=22, selector={"type": "bar"})
    fig.update_yaxes(tickfont_size=22)
    return fig

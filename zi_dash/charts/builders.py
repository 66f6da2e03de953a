"""Every chart of the dashboard and its exports: pure functions, data in, Figure out.

Figures carry their own colours, fonts and Indonesian labels (pages render them with
theme=None), so a chart looks the same on screen, in the camera export and in a report.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from zi_dash.analysis import KurvaS
from zi_dash.base import (
    ACTUAL_COLOR,
    EVIDENCE_COLORS,
    PLAN_COLOR,
    STATUS_COLORS,
    ActionCol,
    escape_plot,
    fmt,
    format_date,
)
from zi_dash.base import contract as c
from zi_dash.charts.style import (
    TEXT,
    add_as_of_line,
    add_note,
    apply_style,
    chart_title,
    date_ticks,
)

# Pixels between a category name and its bar, so an outside label such as "0% · 0/5" on an
# empty bar never touches the name.
LABEL_GAP = 10


def _area_label(area: str, name: str) -> str:
    # Plotly reads tick labels (and the hover's %{y}) as HTML: workbook text is escaped.
    return escape_plot(f"{area}. {name}")


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
            hovertemplate="%{y}<br>Capaian (rata-rata progres) %{x:.1f}%<extra></extra>",
            name="Capaian",
        )
    )
    fig.update_yaxes(autorange="reversed", ticklabelstandoff=LABEL_GAP)
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
    fig.update_yaxes(autorange="reversed", ticklabelstandoff=LABEL_GAP)
    # Counts of actions: whole-number ticks only (plotly would put 0,5 between 0 and 1).
    top = int(table.to_numpy().sum(axis=1).max()) if len(table) else 0
    fig.update_xaxes(title="jumlah aksi", tick0=0, dtick=max(1, top // 8))
    return apply_style(
        fig,
        chart_title("Status Aksi per Area", as_of),
        max(300, 60 * len(labels) + 140),
        barmode="stack",
    )


def component_completion(by_component: pd.DataFrame, as_of: date) -> go.Figure:
    """Capaian per komponen, grouped by area in the SK's order."""
    labels = [
        escape_plot(f"{a}.{n} {name if len(name) <= 42 else name[:41] + '…'}")
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
            customdata=[escape_plot(name) for name in by_component[ActionCol.COMPONENT]],
            hovertemplate="%{customdata}<br>Capaian (rata-rata progres) %{x:.1f}%<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", tickfont={"size": 13}, ticklabelstandoff=LABEL_GAP)
    fig.update_xaxes(range=[0, 122], ticksuffix="%", tickvals=[0, 20, 40, 60, 80, 100])
    return apply_style(
        fig,
        chart_title("Capaian per Komponen", as_of),
        max(320, 30 * len(labels) + 140),
        showlegend=False,
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
    add_note(
        fig,
        (
            f"Rencana {fmt.pct(k.planned)} · Realisasi {fmt.pct(k.actual)} · "
            f"Deviasi {fmt.number(k.deviation)} poin · <b>{state}</b>"
        ),
        {"size": 15, "color": STATUS_COLORS[c.Status.LATE] if k.kritis else TEXT},
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
    fig.update_yaxes(autorange="reversed", ticklabelstandoff=LABEL_GAP)
    fig.update_xaxes(title="jumlah dokumen bukti", range=[0, max(list(totals) or [1]) * 1.2])
    return apply_style(
        fig,
        chart_title("Kelengkapan Bukti Dukung per Area", as_of),
        max(300, 60 * len(labels) + 140),
        barmode="stack",
    )

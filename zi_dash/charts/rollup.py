"""The Rekap Satker's charts: capaian of units × areas as a heat map, and the units ranked.

Pure builders from the roll-up tables (`analysis.rollup.table` / `area_table`): pages and the
DOCX draw the same figures.
"""

from __future__ import annotations

from datetime import date
from typing import Final

import pandas as pd
import plotly.graph_objects as go

from zi_dash.analysis.rollup import RekapCol
from zi_dash.base import STATUS_COLORS, escape_plot, fmt
from zi_dash.base import contract as c
from zi_dash.charts.style import TEXT, add_note, apply_style, chart_title

# More rows than this are neither readable nor quick: the charts say how many they left out.
HEATMAP_ROWS: Final = 60
RANKING_ROWS: Final = 40
_ROW_PX: Final = 24
# Capaian: red below 60 %, amber to 75 %, then green (the LKE's area shares, as a scale only).
_SCALE: Final = [
    [0.0, STATUS_COLORS[c.Status.LATE]],
    [0.6, "#FDE68A"],
    [0.75, "#A7F3D0"],
    [1.0, STATUS_COLORS[c.Status.DONE]],
]


def _label(row: pd.Series) -> str:
    unit = row[RekapCol.UNIT] or row[RekapCol.FILE]
    year = row[RekapCol.YEAR]
    # Plotly reads labels as HTML: a satker's name is escaped.
    return escape_plot(f"{unit} · {year}" if pd.notna(year) else unit)


def _unique(labels: list[str], files: list[str]) -> list[str]:
    # Two files of one satker and year (a flagged duplicate) must not share a chart row.
    return [
        f"{label} ({escape_plot(file)})" if labels.count(label) > 1 else label
        for label, file in zip(labels, files)
    ]


def heatmap(areas: pd.DataFrame, as_of: date) -> go.Figure:
    """Capaian (%) per unit (rows, in the table's order) and area (columns)."""
    readable = areas[areas[RekapCol.YEAR].notna()]
    shown = readable.head(HEATMAP_ROWS)
    columns = [col for col in areas.columns if col not in (RekapCol.FILE, RekapCol.UNIT,
                                                           RekapCol.YEAR)]  # fmt: skip
    labels = _unique([_label(r) for _, r in shown.iterrows()], list(shown[RekapCol.FILE]))
    z = shown[columns].astype("Float64").to_numpy(dtype=float, na_value=float("nan"))
    text = [["" if v != v else fmt.pct(v, 0) for v in row] for row in z]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[escape_plot(col.split(".")[0]) for col in columns],
            y=labels,
            customdata=[[escape_plot(col) for col in columns] for _ in labels],
            text=text,
            texttemplate="%{text}",
            zmin=0,
            zmax=100,
            colorscale=_SCALE,
            xgap=2,
            ygap=2,
            colorbar={"title": {"text": "capaian"}, "ticksuffix": "%", "len": 0.6},
            hovertemplate="%{y}<br>%{customdata}<br>Capaian %{z:.1f}%<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(side="top", type="category")
    fig = apply_style(
        fig,
        chart_title("Capaian per Satker dan Area", as_of),
        max(320, _ROW_PX * len(labels) + 170),
        margin={"l": 10, "r": 30, "t": 110, "b": 40},
    )
    left = len(readable) - len(shown)
    if left:
        note = f"{len(shown)} satker pertama; {left} lainnya: saring tabel untuk melihatnya."
        add_note(fig, note, {"size": 13, "color": TEXT}, yshift=28)
    return fig


def ranking(rows: pd.DataFrame, as_of: date) -> go.Figure:
    """Units ranked by capaian, highest first; beyond RANKING_ROWS the top and bottom halves."""
    readable = rows[rows[RekapCol.YEAR].notna()]
    ranked = readable.sort_values(
        [RekapCol.COMPLETION, RekapCol.UNIT], ascending=[False, True], kind="stable"
    )
    half = RANKING_ROWS // 2
    shown = ranked if len(ranked) <= RANKING_ROWS else pd.concat([ranked.head(half),
                                                                  ranked.tail(half)])  # fmt: skip
    positions = list(range(1, len(ranked) + 1))
    ranks = positions if len(ranked) <= RANKING_ROWS else positions[:half] + positions[-half:]
    labels = _unique([_label(r) for _, r in shown.iterrows()], list(shown[RekapCol.FILE]))
    labels = [f"{n}. {label}" for n, label in zip(ranks, labels)]
    fig = go.Figure(
        go.Bar(
            x=shown[RekapCol.COMPLETION].astype(float),
            y=labels,
            orientation="h",
            # One colour: the ranking is of the plan's progress, which predicts no predicate.
            marker_color=STATUS_COLORS[c.Status.IN_PROGRESS],
            text=[
                f"{fmt.pct(p, 1)} · cakupan LKE {fmt.number(v, 1)}"
                for p, v in zip(shown[RekapCol.COMPLETION], shown[RekapCol.COVERAGE])
            ],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}<br>Capaian (rata-rata progres) %{x:.1f}%<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", type="category", ticklabelstandoff=10)
    fig.update_xaxes(range=[0, 150], ticksuffix="%", tickvals=[0, 20, 40, 60, 80, 100],
                     title="capaian (rata-rata progres) · cakupan LKE (dari 60)")  # fmt: skip
    fig = apply_style(
        fig, chart_title("Peringkat Capaian Satker", as_of),
        max(320, _ROW_PX * len(labels) + 170), showlegend=False,
    )  # fmt: skip
    if len(ranked) > RANKING_ROWS:
        add_note(
            fig,
            f"{half} tertinggi dan {half} terendah dari {len(ranked)} satker",
            {"size": 13, "color": TEXT},
        )
    return fig

"""The LKE's two charts: the self-assessment from answers, and what the plan's actions cover.

They are never one chart: the plan covers part of the Pemenuhan half of the pengungkit, so its
projection is drawn against the covered weight only, never against the WBK/WBBM minimums.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Final

import plotly.graph_objects as go

from zi_dash import lke
from zi_dash.analysis import Assessment, Coverage
from zi_dash.base import STATUS_COLORS, escape_plot, fmt
from zi_dash.base import contract as c
from zi_dash.charts.style import (
    PROJECTOR_MIN_FONT,
    TEXT,
    add_note,
    apply_style,
    chart_title,
    for_projector,
)

SELF_TITLE: Final = "Penilaian Mandiri LKE (bukan nilai resmi)"
COVERAGE_TITLE: Final = "Cakupan Rencana Aksi atas Pengungkit LKE"
LABEL_GAP: Final = 10
WEIGHT_BOX: Final = {"color": "#F3F4F6", "line": {"color": "#9CA3AF", "width": 1}}
FULFILMENT_COLOR: Final = "#2563EB"
REFORM_COLOR: Final = "#93C5FD"
# How many failing minimums the note names; the page lists them all.
NOTE_SHORTS: Final = 2
NOTE_LINE: Final = 20  # px per line of a 14 px note


def _label(area: str, name: str) -> str:
    # Plotly reads tick labels as HTML: names are escaped like every workbook text.
    return escape_plot(f"{area}. {name}")


def _weight_bars(fig: go.Figure, labels: list[str], weights: list[float], text: list[str]) -> None:
    fig.add_bar(
        x=weights,
        y=labels,
        orientation="h",
        name="Bobot area",
        marker=WEIGHT_BOX,
        text=text,
        textposition="outside",
        cliponaxis=False,
        hovertemplate="%{y}<br>Bobot %{x:.2f}<extra></extra>",
    )


def _note(fig: go.Figure, lines: list[str], color: str = TEXT) -> int:
    """The verdict in short lines above the plot; returns the top margin they need.

    Short lines: the plot starts right of the longest area name, so one long line ran past the
    figure's right edge at 1366 px.
    """
    add_note(fig, "<br>".join(lines), {"size": 14, "color": color})
    return 60 + NOTE_LINE * len(lines)


def _finish(
    fig: go.Figure, title: str, as_of: date, rows: int, top: float, margin_top: int
) -> go.Figure:
    fig.update_yaxes(autorange="reversed", ticklabelstandoff=LABEL_GAP)
    fig.update_xaxes(title="nilai", range=[0, max(top, 1) * 1.35])
    apply_style(
        fig,
        chart_title(title, as_of),
        max(380, 70 * rows + 90 + margin_top),
        barmode="overlay",
        margin={"l": 10, "r": 30, "t": margin_top, "b": 110},
    )
    # At the top of the figure: centred in a margin this tall, the title ran into the note.
    fig.update_layout(title={"y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 14}})
    return fig


def _failing(score: lke.Score) -> tuple[str, tuple[str, ...], str]:
    """The next predicate not met, its first failing minimums and "(+n lainnya)" for the rest."""
    target, verdict = ("WBBM", score.wbbm) if score.wbk.met else ("WBK", score.wbk)
    more = len(verdict.short) - NOTE_SHORTS
    return target, verdict.short[:NOTE_SHORTS], f"(+{more} lainnya)" if more > 0 else ""


def verdict_line(score: lke.Score) -> str:
    """What the self-assessment says in one line: the predicate and what keeps the next one."""
    if score.wbbm.met:
        return "memenuhi semua minimal WBBM"
    target, named, more = _failing(score)
    return f"belum {target}: " + "; ".join(named) + f" {more}" * bool(more)


def self_assessment(assessment: Assessment, as_of: date) -> go.Figure:
    """Each area's Pemenuhan + Reform score against its weight and the WBK/WBBM minimums."""
    fig = go.Figure()
    if not assessment.present:
        add_note(
            fig,
            "Workbook ini belum punya lembar LKE: belum ada penilaian mandiri.<br>"
            "Tambahkan dan isi di halaman Penilaian Mandiri.",
            {"size": 15},
        )
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        return apply_style(fig, chart_title(SELF_TITLE, as_of), 300)
    score = assessment.score
    areas = list(score.areas.values())
    labels = [_label(a.area, a.name) for a in areas]
    weights = [a.weight for a in areas]
    _weight_bars(
        fig,
        labels,
        weights,
        [f"{fmt.number(a.total, 2)} / {fmt.number(a.weight, 2)}" for a in areas],
    )
    for name, values, color in (
        (c.PART_FULFILMENT, [a.fulfilment for a in areas], FULFILMENT_COLOR),
        (c.PART_REFORM, [a.reform for a in areas], REFORM_COLOR),
    ):
        fig.add_bar(
            x=values,
            y=labels,
            orientation="h",
            name=name,
            marker_color=color,
            width=0.5,
            base=[0] * len(areas) if name == c.PART_FULFILMENT else [a.fulfilment for a in areas],
            hovertemplate=f"%{{y}}<br>{name} %{{x:.2f}}<extra></extra>",
        )
    thresholds = lke.bank().thresholds
    for predicate, color in (("WBK", "#111827"), ("WBBM", "#7C3AED")):
        share = thresholds[predicate].area_pct_min / 100
        name = f"Minimal {predicate} ({fmt.number(share * 100, 0)}%)"
        fig.add_scatter(
            x=[w * share for w in weights],
            y=labels,
            mode="markers",
            name=name,
            marker={"symbol": "line-ns-open", "size": 26, "color": color,
                    "line": {"width": 3, "color": color}},
            hovertemplate=f"%{{y}}<br>{name}: %{{x:.2f}}<extra></extra>",
        )  # fmt: skip
    lines = [
        f"Total {fmt.number(score.total, 2)} dari 100: <b>{escape_plot(score.predicate)}</b>",
        f"pengungkit {fmt.number(score.pengungkit, 2)} dari 60 ·"
        f" hasil {fmt.number(score.hasil, 2)} dari 40",
    ]
    if score.wbbm.met:
        lines.append("memenuhi semua minimal WBBM")
    else:
        target, named, more = _failing(score)
        lines += [f"belum {target}:", *(f"· {escape_plot(n)}" for n in named), *[more] * bool(more)]
    top = _note(fig, lines, STATUS_COLORS[c.Status.DONE] if score.wbk.met else TEXT)
    return _finish(fig, SELF_TITLE, as_of, len(labels), max(weights, default=1), top)


def coverage(cov: Coverage, names: Mapping[str, str], as_of: date) -> go.Figure:
    """Per area: the weight the plan's actions cover, the whole weight, and the covered part's
    projection (covered weight × capaian), with no minimum drawn: it is not the LKE score."""
    areas = list(cov.areas.items())
    labels = [_label(area, names.get(area, "")) for area, _ in areas]
    weights = [w for _, (_, w, _) in areas]
    fig = go.Figure()
    _weight_bars(
        fig,
        labels,
        weights,
        [f"{fmt.number(cw, 2)} / {fmt.number(w, 2)} dicakup" for _, (cw, w, _) in areas],
    )
    fig.add_bar(
        x=[cw for _, (cw, _, _) in areas],
        y=labels,
        orientation="h",
        name="Bobot yang dicakup aksi",
        marker={"color": "#DBEAFE", "line": {"color": FULFILMENT_COLOR, "width": 1}},
        width=0.7,
        hovertemplate="%{y}<br>Dicakup aksi %{x:.2f}<extra></extra>",
    )
    fig.add_bar(
        x=[p for _, (_, _, p) in areas],
        y=labels,
        orientation="h",
        name="Proyeksi bagian yang dicakup",
        marker_color=STATUS_COLORS[c.Status.IN_PROGRESS],
        width=0.35,
        hovertemplate="%{y}<br>Proyeksi bagian yang dicakup %{x:.2f}<extra></extra>",
    )
    top = _note(
        fig,
        [
            f"Rencana aksi mencakup {fmt.number(cov.covered_weight, 2)} dari"
            f" {fmt.number(cov.total_weight, 0)} poin pengungkit",
            f"proyeksi bagian yang dicakup: <b>{fmt.number(cov.projection, 2)}</b>",
            "(bobot yang dicakup × capaian aksinya)",
            "bukan nilai LKE, tidak dibandingkan dengan minimal WBK/WBBM",
        ],
    )
    return _finish(fig, COVERAGE_TITLE, as_of, len(labels), max(weights, default=1), top)


def self_assessment_projector(assessment: Assessment, as_of: date, height: int) -> go.Figure:
    """The self-assessment for a third of a projected screen: area codes, no title or note.

    The meeting screen shows total, predicate and verdict in large type above it; beside it
    stand the steps that gain most, so the chart keeps only the bars and the minimums.
    """
    fig = for_projector(self_assessment(assessment, as_of), height)
    if not assessment.present:
        return fig
    codes = list(assessment.score.areas)
    for trace in fig.data:
        trace.y = codes
    fig.data[0].showlegend = False  # the grey box is plainly the whole weight
    fig.layout.annotations = ()
    top = max((a.weight for a in assessment.score.areas.values()), default=1)
    fig.update_xaxes(title=None, range=[0, top * 1.7])
    fig.update_layout(
        title=None,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        legend={"font": {"size": PROJECTOR_MIN_FONT}, "orientation": "h"},
    )
    return fig

"""The dashboard's charts as one catalogue: plan and date in, figure out.

Pages and exports both build every chart through these functions, so an exported chart is the
chart on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Final

import plotly.graph_objects as go

import zi_dash.charts.builders as builders
import zi_dash.charts.gantt as gantt
import zi_dash.charts.lke as lke_charts
from zi_dash import lke
from zi_dash.analysis import assessment, coverage, meeting, metrics
from zi_dash.base import STATUS_COLORS, AreaCol, fmt, format_date
from zi_dash.base import contract as c
from zi_dash.charts.style import add_note, for_projector
from zi_dash.workbook import Plan


def area_names(plan: Plan) -> dict[str, str]:
    """Area code -> name, from the workbook's Area sheet."""
    return dict(zip(plan.areas[AreaCol.AREA], plan.areas[AreaCol.NAME]))


def capaian_per_area(plan: Plan, as_of: date) -> go.Figure:
    """Completion per area."""
    return builders.area_completion(metrics.completion_by_area(plan), as_of)


def capaian_per_area_proyektor(plan: Plan, as_of: date) -> go.Figure:
    """Completion per area in projector type (Mode Rapat)."""
    return for_projector(capaian_per_area(plan, as_of), meeting.CHART_HEIGHT)


def status_per_area(plan: Plan, as_of: date) -> go.Figure:
    """Action status per area, Terlambat included."""
    return builders.status_by_area(metrics.status_by_area(plan, as_of), area_names(plan), as_of)


def capaian_per_komponen(plan: Plan, as_of: date) -> go.Figure:
    """Completion per component."""
    return builders.component_completion(metrics.completion_by_component(plan), as_of)


def penilaian_mandiri(plan: Plan, as_of: date) -> go.Figure:
    """The LKE self-assessment from the unit's answers, against the WBK and WBBM minimums."""
    return lke_charts.self_assessment(assessment.assess(plan), as_of)


def penilaian_mandiri_proyektor(plan: Plan, as_of: date) -> go.Figure:
    """The self-assessment per area for Mode Rapat's LKE screen (its figures are the screen's)."""
    found = assessment.assess(plan)
    return lke_charts.self_assessment_projector(found, as_of, meeting.LKE_CHART_HEIGHT)


def cakupan_lke(plan: Plan, as_of: date) -> go.Figure:
    """The pengungkit weight the plan's actions cover, and the covered part's projection."""
    names = {row.area: row.area_name for row in lke.bank().subcomponents}
    return lke_charts.coverage(coverage.coverage(plan), names, as_of)


def kurva_s(plan: Plan, as_of: date) -> go.Figure:
    """Kurva S: rencana vs realisasi."""
    return builders.kurva_s(metrics.kurva_s(plan, as_of))


# Beyond this many rows a Gantt is neither readable nor quick to draw: the rest needs a filter.
GANTT_MAX_ACTIONS: Final = 250


def linimasa(plan: Plan, as_of: date, window: tuple[date, date] | None = None) -> go.Figure:
    """The Gantt of target weeks, over `window` or the plan's whole span; the first 250 rows."""
    state = metrics.action_state(plan, as_of)
    shown = state.head(GANTT_MAX_ACTIONS)
    bars = gantt.bars(shown, area_names(plan), as_of)
    window = window or gantt.default_window(bars, as_of)
    fig = gantt.figure(bars, as_of, window)
    notes = []
    if not window[0] <= as_of <= window[1]:
        notes.append(f"Tanggal acuan {format_date(as_of)} di luar rentang yang ditampilkan")
    if len(state) > len(shown):
        notes.append(
            f"menampilkan {len(shown)} dari {fmt.number(len(state), 0)} aksi; saring per area, "
            "komponen atau penanggung jawab untuk melihat yang lain"
        )
    if notes:
        text = "; ".join(notes)
        add_note(
            fig,
            text[0].upper() + text[1:] + ".",
            {"color": STATUS_COLORS[c.Status.LATE], "size": 14},
            yshift=gantt.tick_band(fig),  # above the date labels at the top of the Gantt
        )
    return fig


def kelengkapan_bukti(plan: Plan, as_of: date) -> go.Figure:
    """Evidence completeness per area."""
    return builders.evidence_by_area(metrics.evidence_matrix(plan), area_names(plan), as_of)


@dataclass(frozen=True)
class ChartSpec:
    """One chart of the catalogue: its file-name key, Indonesian title and builder."""

    key: str
    title: str
    build: Callable[[Plan, date], go.Figure]
    whole_plan: bool = False  # about the whole plan as of the date, whatever the filters


CHARTS: Final[tuple[ChartSpec, ...]] = (
    ChartSpec("capaian_per_area", "Capaian rencana aksi per area", capaian_per_area),
    ChartSpec("status_per_area", "Status aksi per area", status_per_area),
    ChartSpec("capaian_per_komponen", "Capaian per komponen", capaian_per_komponen),
    # About the whole unit as of the date (its answers, its links), whatever the filters.
    ChartSpec(
        "penilaian_mandiri_lke",
        "Penilaian mandiri LKE (bukan nilai resmi)",
        penilaian_mandiri,
        whole_plan=True,
    ),
    ChartSpec(
        "cakupan_rencana_lke",
        "Cakupan rencana aksi atas pengungkit LKE",
        cakupan_lke,
        whole_plan=True,
    ),
    ChartSpec("kurva_s", "Kurva S rencana dan realisasi", kurva_s),
    ChartSpec("linimasa", "Linimasa target", linimasa),
    ChartSpec("kelengkapan_bukti_per_area", "Kelengkapan bukti per area", kelengkapan_bukti),
)
CHART_KEYS: Final = tuple(spec.key for spec in CHARTS)


def spec(key: str) -> ChartSpec:
    """The chart with this key."""
    return next(s for s in CHARTS if s.key == key)


def file_stem(key: str, as_of: date) -> str:
    """'01_capaian_per_area_2022-06-30': catalogue order, what it shows, the date."""
    return f"{CHART_KEYS.index(key) + 1:02d}_{key}_{as_of.isoformat()}"

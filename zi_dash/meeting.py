"""Mode Rapat: the screens of a meeting, as data (an overview, then one screen per area)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from zi_dash import filters as flt
from zi_dash import metrics
from zi_dash.contract import AreaCol
from zi_dash.workbook import Plan

# A projected table longer than a screen is read by nobody; the rest is on the other pages.
TABLE_ROWS: Final = 12

# Static CSS only (never user text): bigger type, no sidebar, for a projector.
PROJECTOR_CSS: Final = """<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] {display: none;}
[data-testid="stMetricValue"] {font-size: 3.6rem; font-weight: 700;}
[data-testid="stMetricLabel"] p {font-size: 1.5rem;}
[data-testid="stMarkdownContainer"] h3 {font-size: 2.2rem;}
[data-testid="stMarkdownContainer"] h4 {font-size: 1.8rem;}
.stMainBlockContainer {padding-top: 1.5rem; max-width: 100%;}
[data-testid^="stBaseButton"] p {font-size: 1.3rem !important;}
[data-testid="stTable"] td, [data-testid="stTable"] th {font-size: 1.35rem; line-height: 1.35;}
</style>"""


@dataclass(frozen=True)
class Screen:
    """One meeting screen: the overview (area None) or one area."""

    title: str
    area: str | None


def screens(plan: Plan) -> list[Screen]:
    """The overview first, then each area that has actions, in the plan's order."""
    present = set(metrics.completion_by_area(plan)[AreaCol.AREA])
    out = [Screen("Ikhtisar", None)]
    for area, name in zip(plan.areas[AreaCol.AREA], plan.areas[AreaCol.NAME]):
        if area in present:
            out.append(Screen(f"Area {area} · {name}", area))
    return out


def area_plan(plan: Plan, screen: Screen, as_of: date) -> Plan:
    """The plan narrowed to the screen's area (the whole plan for the overview)."""
    if screen.area is None:
        return plan
    return flt.apply(plan, flt.Filters(areas=(screen.area,)), as_of)

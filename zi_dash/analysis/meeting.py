"""Mode Rapat: the screens of a meeting, as data (an overview, then one screen per area)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

import zi_dash.analysis.filters as flt
import zi_dash.analysis.metrics as metrics
from zi_dash.base import AreaCol
from zi_dash.workbook import Plan

# A projected table longer than a screen is read by nobody; the rest is on the other pages.
TABLE_ROWS: Final = 12


# Static CSS only (never user text): bigger type, no sidebar, for a projector.
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

"""Mode Rapat: the screens of a meeting, as data (an overview, then one screen per area)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from zi_dash import filters as flt
from zi_dash import metrics
from zi_dash.contract import AreaCol
from zi_dash.workbook import Plan


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

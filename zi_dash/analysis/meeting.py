"""Mode Rapat: the screens of a meeting, as data (an overview, then one screen per area)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

import pandas as pd

import zi_dash.analysis.filters as flt
import zi_dash.analysis.metrics as metrics
import zi_dash.analysis.tables as tables
from zi_dash.base import ActionCol, AreaCol, EvidenceCol
from zi_dash.workbook import Plan

# A projected table longer than a screen is read by nobody; the rest is on the other pages.
TABLE_ROWS: Final = 4  # below the headline figures, one table of four fits 1280×720
LABEL_CHARS: Final = 70  # a projector row stays one or two lines
# The overview's chart: 720 px less Streamlit's top padding, the exit line, the title row and
# the figures (242 px measured in Chromium) and a margin for a line of the filter wrapping.
CHART_HEIGHT: Final = 450


class Part:
    """What an area screen shows below its figures."""

    ACTIONS: Final = "actions"
    EVIDENCE: Final = "evidence"


@dataclass(frozen=True)
class Screen:
    """One meeting screen: the overview (area None), or one area's late actions or evidence."""

    title: str
    area: str | None
    part: str = Part.ACTIONS


def screens(plan: Plan) -> list[Screen]:
    """The overview first, then for each area with actions its late actions and its evidence.

    Two screens per area: at 1280×720 the figures and one table fill the screen.
    """
    present = set(metrics.completion_by_area(plan)[AreaCol.AREA])
    out = [Screen("Ikhtisar", None)]
    for area, name in zip(plan.areas[AreaCol.AREA], plan.areas[AreaCol.NAME]):
        if area in present:
            out.append(Screen(f"Area {area} · {name}", area, Part.ACTIONS))
            out.append(Screen(f"Area {area} · {name}", area, Part.EVIDENCE))
    return out


def short(text: str) -> str:
    """A long indicator cut for the projector only (the other pages show it whole)."""
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def area_plan(plan: Plan, screen: Screen, as_of: date) -> Plan:
    """The plan narrowed to the screen's area (the whole plan for the overview)."""
    if screen.area is None:
        return plan
    return flt.apply(plan, flt.Filters(areas=(screen.area,)), as_of)


def screen_headline(plan: Plan, screen: Screen, as_of: date) -> metrics.Headline:
    """The headline figures of a screen's area (of the whole plan for the overview)."""
    return metrics.headline(area_plan(plan, screen, as_of), as_of)


def late_rows(plan: Plan, screen: Screen, as_of: date) -> pd.DataFrame:
    """A screen's late and behind actions, indicators cut for the projector."""
    late = tables.late(area_plan(plan, screen, as_of), as_of)
    late = late[[ActionCol.ID, ActionCol.INDICATOR, tables.SHOWN_STATUS, tables.MISSED]]
    return late.assign(**{ActionCol.INDICATOR: late[ActionCol.INDICATOR].map(short)})


def gap_rows(plan: Plan, screen: Screen, as_of: date) -> pd.DataFrame:
    """A screen's evidence gaps, most urgent first, items cut for the projector."""
    gaps = tables.evidence_gaps(area_plan(plan, screen, as_of), as_of)
    gaps = gaps[[tables.PRIORITY, EvidenceCol.ACTION_ID, EvidenceCol.ITEM, EvidenceCol.STATUS]]
    return gaps.assign(**{EvidenceCol.ITEM: gaps[EvidenceCol.ITEM].map(short)})

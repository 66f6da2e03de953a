"""Mode Rapat: the screens of a meeting, as data (an overview, the LKE self-assessment, then
one screen per area)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

import pandas as pd

import zi_dash.analysis.assessment as assessment
import zi_dash.analysis.coverage as coverage
import zi_dash.analysis.filters as flt
import zi_dash.analysis.lke as plan_lke
import zi_dash.analysis.metrics as metrics
import zi_dash.analysis.tables as tables
from zi_dash import lke
from zi_dash.base import ActionCol, AreaCol, EvidenceCol, fmt
from zi_dash.workbook import Plan

# A projected table longer than a screen is read by nobody; the rest is on the other pages.
TABLE_ROWS: Final = 4  # below the headline figures, one table of four fits 1280×720
LABEL_CHARS: Final = 70  # a projector row stays one or two lines
# The overview's chart: 720 px less Streamlit's top padding, the exit line, the title row and
# the figures (242 px measured in Chromium) and a margin for a line of the filter wrapping.
CHART_HEIGHT: Final = 450
# The LKE screen's chart sits beside its table, below the figures and the verdict line.
LKE_CHART_HEIGHT: Final = 400
STEPS: Final = 5  # the questions that gain most: five rows fit beside the chart
STEP_CHARS: Final = 40  # a step's question on one line of its part of the screen
LKE_TITLE: Final = "Penilaian Mandiri LKE"


class Part:
    """What an area screen shows below its figures."""

    ACTIONS: Final = "actions"
    EVIDENCE: Final = "evidence"
    LKE: Final = "lke"  # the unit's self-assessment: about the whole unit, whatever the filters


@dataclass(frozen=True)
class Screen:
    """One meeting screen: the overview or the LKE (area None), or one area's late actions or
    evidence."""

    title: str
    area: str | None
    part: str = Part.ACTIONS


def screens(plan: Plan) -> list[Screen]:
    """The overview and the LKE first, then for each area with actions its late actions and its
    evidence.

    Two screens per area: at 1280×720 the figures and one table fill the screen.
    """
    present = set(metrics.completion_by_area(plan)[AreaCol.AREA])
    out = [Screen("Ikhtisar", None), Screen(LKE_TITLE, None, Part.LKE)]
    for area, name in zip(plan.areas[AreaCol.AREA], plan.areas[AreaCol.NAME]):
        if area in present:
            out.append(Screen(f"Area {area} · {name}", area, Part.ACTIONS))
            out.append(Screen(f"Area {area} · {name}", area, Part.EVIDENCE))
    return out


def short(text: str, limit: int = LABEL_CHARS) -> str:
    """A long indicator cut for the projector only (the other pages show it whole)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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


@dataclass(frozen=True)
class LkeScreen:
    """The LKE screen: the self-assessment, the predicate it aims at and its best next steps."""

    assessment: assessment.Assessment
    target: str  # "WBK" or "WBBM"; "" when every WBBM minimum is met
    steps: pd.DataFrame  # Baris, Pertanyaan, Jawaban (now → one step up), Poin (total gains)


STEP_COLUMNS: Final = ("Baris", "Pertanyaan", "Jawaban", "Poin")


def lke_screen(plan: Plan) -> LkeScreen:
    """The unit's self-assessment and the questions whose answer one step up gains most.

    Ties go to the questions whose linked actions are furthest along (lke.next_steps).
    """
    found = assessment.assess(plan)
    if not found.present:  # no answers: no steps to rank, the screen says where to start
        return LkeScreen(found, "", pd.DataFrame(columns=list(STEP_COLUMNS)))
    progress = plan_lke.question_progress(plan, coverage.action_links(plan))
    held, _ = assessment.held_predicate(plan)  # an unreadable one is on the LKE page's list
    target, steps = lke.next_steps(
        assessment.answers_of(plan), held=held, progress=progress, limit=STEPS
    )
    bank = lke.bank()
    rows = [
        (
            f"[{s.baris}]",
            short(bank.row(s.baris).text, STEP_CHARS),
            f"{s.now or 'kosong'} → {s.to}",
            f"+{fmt.number(s.points, 2)}",
        )
        for s in steps
    ]
    return LkeScreen(found, target, pd.DataFrame(rows, columns=list(STEP_COLUMNS)))

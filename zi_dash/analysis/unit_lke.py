"""One unit's LKE self-assessment (penilaian mandiri) summed up for the roll-up: a few numbers.

Read in the roll-up's reader, from the plan it has already loaded (the LKE sheet is read once
per file version, with the plan) and as of the tanggal acuan. A question "carries evidence" when
its own Tautan Bukti on the LKE sheet holds a link: the Bukti Dukung the TPI opens; the plan's
evidence items are the roll-up's Kelengkapan Bukti already. The TPI's total (its Jawaban TPI
scored by the same rules, analysis.tpi) only where the TPI has answered something: else None
(the page shows "–"), never 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import pandas as pd

from zi_dash import lke
from zi_dash.analysis.assessment import assess, assess_tpi
from zi_dash.analysis.lke_links import own_links
from zi_dash.base import LkeCol
from zi_dash.workbook import Plan

NO_SHEET: Final = "belum ada lembar LKE"
UNREADABLE: Final = "lembar LKE tidak terbaca"
NEAR_POINTS: Final = 5.0  # "within 5 points of the total minimum"


@dataclass(frozen=True)
class LkeSummary:
    """A unit's penilaian mandiri as the roll-up shows it: never the official LKE score."""

    total: float
    pengungkit: float
    hasil: float
    predicate: str  # "WBBM", "WBK", "Belum WBK"
    target: str  # the next predicate to reach ("WBK", "WBBM"), "" when WBBM is met
    gap: float  # target's total minimum - total (≤ 0: the total is met); 0 without a target
    below: tuple[str, ...]  # areas under the target's area minimum (I..VI)
    short: tuple[str, ...]  # the target's failing minimums (lke Verdict.short)
    answered: int
    evidenced: int  # questions with their own Tautan Bukti
    questions: int
    problems: int  # answers that do not fit their row (scored as unanswered)
    tpi: float | None = None  # the TPI's total (penilaian TPI); None: nothing reviewed yet

    @property
    def near(self) -> bool:
        """Not yet meeting the target, the total short of its minimum by NEAR_POINTS at most."""
        return bool(self.target) and 0 < self.gap <= NEAR_POINTS


def _tpi(plan: Plan) -> float | None:
    """The TPI's total; None when no Jawaban TPI cell is filled."""
    assert plan.lke is not None
    cells = plan.lke[LkeCol.TPI_ANSWER].tolist()
    # The frame is read already: a look at one column is cheap, a second score() is not. A
    # plain loop, not notna/astype(str): those Series steps were a tenth of a file's summary.
    if not any(not pd.isna(v) and str(v).strip() for v in cells):
        return None
    return assess_tpi(plan).score.total


def lke_summary(plan: Plan) -> LkeSummary | None:
    """The plan's penilaian mandiri summed up; None when the workbook has no LKE sheet."""
    if plan.lke is None:
        return None
    found = assess(plan)
    result = found.score
    if not result.wbk.met:
        target, verdict = "WBK", result.wbk
    elif not result.wbbm.met:
        target, verdict = "WBBM", result.wbbm
    else:
        target, verdict = "", result.wbbm
    minimums = lke.bank().thresholds[target or "WBBM"]
    gap = minimums.total_min - result.total if target else 0.0
    below = tuple(
        a.area
        for a in result.areas.values()
        if target and not lke.meets(a.percent, minimums.area_pct_min)
    )
    questions = {q.baris for q in lke.bank().questions}
    return LkeSummary(
        total=result.total,
        pengungkit=result.pengungkit,
        hasil=result.hasil,
        predicate=result.predicate,
        target=target,
        gap=gap,
        below=below,
        short=verdict.short if target else (),
        answered=sum(q.answered for q in result.questions.values()),
        # Only its own links: question_evidence's look at the actions' items doubles the cost.
        evidenced=sum(1 for baris in own_links(plan) if baris in questions),
        questions=len(result.questions),
        problems=len(found.problems),
        tpi=_tpi(plan),
    )

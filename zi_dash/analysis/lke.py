"""The plan beside the LKE: linked actions' progress per question, the sub-components no action
supports; and the old plan-only projection (area weight × area capaian) the report and the roll-up
still use until they move to the self-assessment (issue 20).

`project` is that rule on plain values; `lke_projection` puts it in a frame for the report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import pandas as pd

from zi_dash import lke
from zi_dash.base import ActionCol, AreaCol, fmt
from zi_dash.base import contract as c
from zi_dash.workbook import Plan


def meets_area_min(score: float, weight: float, share: float) -> bool:
    """An area's projected score reaches `share` of its weight (the LKE's per-area minimum)."""
    # Rounded, so 60 % of 7.0 (4.2) is met by exactly 4.2, not lost to float noise.
    return round(float(score), 9) >= round(float(weight) * share, 9)


def meets_total_min(total: float, minimum: float) -> bool:
    """The pengungkit total reaches the predicate's minimum (40 for WBK, 48 for WBBM)."""
    return total >= minimum - 1e-9


def area_means(areas: Sequence[str], progress: Sequence[float]) -> dict[str, float]:
    """Mean Progres (%) of each area's actions; an area without actions is absent."""
    sums: dict[str, list[float]] = {}
    for area, value in zip(areas, progress):
        sums.setdefault(area, []).append(float(value))
    return {area: sum(values) / len(values) for area, values in sums.items()}


@dataclass(frozen=True, slots=True)
class AreaScore:
    """One area's projected score; `completion` None when the area has no actions."""

    area: str
    weight: float
    completion: float | None
    score: float
    meets_wbk: bool
    meets_wbbm: bool


@dataclass(frozen=True)
class Projection:
    """The projection's figures, without frames (see `project`)."""

    areas: tuple[AreaScore, ...]
    total: float
    weight_total: float
    meets_wbk: bool
    meets_wbbm: bool


def project(weights: Iterable[tuple[str, float]], means: Mapping[str, float]) -> Projection:
    """Each area of the Area sheet scored from its capaian; the predicates' minimums checked."""
    scores = []
    for area, weight in weights:
        completion = means.get(area)
        # An area with no actions projects nothing: it cannot be shown as met.
        score = float(weight) * (completion or 0.0) / 100
        scores.append(AreaScore(
            area, float(weight), completion, score,
            meets_area_min(score, weight, c.WBK_AREA_MIN_SHARE),
            meets_area_min(score, weight, c.WBBM_AREA_MIN_SHARE),
        ))  # fmt: skip
    total = sum(s.score for s in scores)
    return Projection(
        areas=tuple(scores),
        total=total,
        weight_total=sum(s.weight for s in scores),
        meets_wbk=all(s.meets_wbk for s in scores) and meets_total_min(total, c.WBK_PENGUNGKIT_MIN),
        meets_wbbm=all(s.meets_wbbm for s in scores)
        and meets_total_min(total, c.WBBM_PENGUNGKIT_MIN),
    )


def plan_projection(plan: Plan) -> Projection:
    """`project` of a plan: its Area sheet's weights and its actions' capaian per area."""
    a = plan.actions
    means = area_means(a[ActionCol.AREA].tolist(), a[ActionCol.PROGRESS].tolist())
    areas = plan.areas
    return project(zip(areas[AreaCol.AREA].tolist(), areas[AreaCol.WEIGHT].tolist()), means)


@dataclass(frozen=True)
class LkeProjection:
    """Projected LKE pengungkit score from the plan's progress (never the official score)."""

    areas: pd.DataFrame  # Area, area_name, weight, completion, score, wbk_min, wbbm_min, meets_*
    total: float
    weight_total: float
    meets_wbk: bool
    meets_wbbm: bool

    @property
    def verdict(self) -> str:
        """The projection's verdict in words, as the chart and the report say it."""
        met = self.meets_wbk + self.meets_wbbm  # meeting WBBM's minimums meets WBK's too
        return ("belum memenuhi minimal WBK", "memenuhi minimal WBK", "memenuhi minimal WBBM")[met]


def lke_projection(plan: Plan) -> LkeProjection:
    """Area weight × area completion against the WBK/WBBM per-area and total minimums."""
    p = plan_projection(plan)
    out = pd.DataFrame(
        {
            ActionCol.AREA: [s.area for s in p.areas],
            "area_name": plan.areas[AreaCol.NAME].tolist(),
            "weight": [s.weight for s in p.areas],
            "completion": [s.completion or 0.0 for s in p.areas],
            "score": [s.score for s in p.areas],
        }
    )
    out["wbk_min"] = out["weight"] * c.WBK_AREA_MIN_SHARE
    out["wbbm_min"] = out["weight"] * c.WBBM_AREA_MIN_SHARE
    out["meets_wbk"] = [s.meets_wbk for s in p.areas]
    out["meets_wbbm"] = [s.meets_wbbm for s in p.areas]
    return LkeProjection(out, p.total, p.weight_total, p.meets_wbk, p.meets_wbbm)


def question_progress(plan: Plan, links: Mapping[str, tuple[int, ...]]) -> dict[int, float]:
    """Mean Progres (%) of the actions linked to each LKE question (`links`: action -> rows)."""
    progress = dict(zip(plan.actions[ActionCol.ID], plan.actions[ActionCol.PROGRESS]))
    linked: dict[int, list[float]] = {}
    for action, rows in links.items():
        if action in progress:
            for row in rows:
                linked.setdefault(row, []).append(float(progress[action]))
    return {row: sum(values) / len(values) for row, values in linked.items()}


UNCOVERED_COLUMNS: Final = ("Baris", "Area", "Bagian", "Sub-komponen", "Bobot")


def uncovered_table(uncovered: Iterable[int]) -> pd.DataFrame:
    """The sub-components no action supports, as the Ringkasan lists them (bank order)."""
    rows = [lke.bank().row(baris) for baris in uncovered]
    return pd.DataFrame(
        [(f"[{r.baris}]", r.area, r.part, r.sub_name, fmt.number(r.weight or 0, 2)) for r in rows],
        columns=list(UNCOVERED_COLUMNS),
    )

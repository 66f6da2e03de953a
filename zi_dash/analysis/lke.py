"""The plan beside the LKE: its actions' progress per area and per linked question, and the
sub-components no action supports.

The LKE score itself comes from the unit's answers (analysis.assessment); the plan only covers
part of it (analysis.coverage). The old plan-only projection (area weight × area capaian against
the WBK/WBBM minimums) is gone: a plan finished to 100 % reached "memenuhi minimal WBBM".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Final

import pandas as pd

from zi_dash import lke
from zi_dash.base import ActionCol, fmt
from zi_dash.workbook import Plan


def area_means(areas: Sequence[str], progress: Sequence[float]) -> dict[str, float]:
    """Mean Progres (%) of each area's actions; an area without actions is absent."""
    sums: dict[str, list[float]] = {}
    for area, value in zip(areas, progress):
        sums.setdefault(area, []).append(float(value))
    return {area: sum(values) / len(values) for area, values in sums.items()}


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

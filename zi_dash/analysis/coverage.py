"""The plan's coverage of the LKE: which sub-components its actions support (Baris LKE).

Coverage is what the plan can reach, not a score: a plan finished to 100 % brings at most its
covered weight, and the projection of the covered part is never the self-assessment's total.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from zi_dash.base import ActionCol
from zi_dash.base import contract as c
from zi_dash.lke import LinkError, bank, parse_rows
from zi_dash.workbook import Plan, where

_AREAS = c.AREA_CODES


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _read_links(plan: Plan) -> tuple[dict[str, tuple[int, ...]], list[str]]:
    """Each action's Baris LKE read, and a located message for each unreadable cell."""
    links: dict[str, tuple[int, ...]] = {}
    problems: list[str] = []
    frame = plan.actions
    rows = plan.rows.get(c.Sheet.ACTIONS, {})
    index = plan.columns.get(c.Sheet.ACTIONS, {}).get(ActionCol.LKE_ROWS, -1)
    for action_id, cell in zip(frame[ActionCol.ID], frame[ActionCol.LKE_ROWS], strict=True):
        try:
            links[action_id] = parse_rows(_text(cell))
        except LinkError as exc:
            loc = where(c.Sheet.ACTIONS, rows.get(action_id), ActionCol.LKE_ROWS, index)
            problems.append(f'{loc}: aksi "{action_id}": {exc}')
    return links, problems


def action_links(plan: Plan) -> dict[str, tuple[int, ...]]:
    """The saved Baris LKE of each action (blank: ()); unreadable cells are skipped."""
    return _read_links(plan)[0]


def link_problems(plan: Plan) -> tuple[str, ...]:
    """A located Indonesian message for each Baris LKE cell that names no LKE questions."""
    return tuple(_read_links(plan)[1])


@dataclass(frozen=True)
class Coverage:
    """Which LKE sub-components the plan's actions support, and what the covered part projects."""

    covered: dict[int, tuple[str, ...]]  # sub-component row -> action IDs linked to its questions
    uncovered: tuple[int, ...]  # sub-components (with questions) no action supports, bank order
    covered_weight: float  # Σ covered weights
    total_weight: float  # Σ weights of the sub-components with questions (60)
    projection: float  # Σ covered weight × mean capaian (%) of its actions / 100
    areas: dict[str, tuple[float, float, float]]  # area -> (covered weight, weight, projection)


def coverage(plan: Plan) -> Coverage:
    """The plan's coverage of the LKE pengungkit, from its saved Baris LKE links."""
    lke = bank()
    progress = dict(
        zip(plan.actions[ActionCol.ID], map(float, plan.actions[ActionCol.PROGRESS]), strict=True)
    )
    # Coverage units are the sub-components that carry questions: LHKPN's 173 and 180, not
    # their parent 172.
    units = [s for s in lke.subcomponents if lke.questions_of(s.baris)]
    supported: dict[int, list[str]] = {s.baris: [] for s in units}
    for action_id, rows in action_links(plan).items():
        for baris in rows:
            sub = lke.row(baris).sub
            if sub in supported and action_id not in supported[sub]:
                supported[sub].append(action_id)
    covered = {sub: tuple(ids) for sub, ids in supported.items() if ids}
    areas: dict[str, list[float]] = {a: [0.0, 0.0, 0.0] for a in _AREAS}
    for unit in units:
        weight = unit.weight or 0.0
        figures = areas[unit.area]
        figures[1] += weight
        ids = covered.get(unit.baris)
        if ids:
            # Capaian as metrics defines it: the mean Progres of the actions, each counting once.
            capaian = sum(progress[i] for i in ids) / len(ids)
            figures[0] += weight
            figures[2] += weight * capaian / 100
    return Coverage(
        covered=covered,
        uncovered=tuple(s.baris for s in units if s.baris not in covered),
        covered_weight=sum(f[0] for f in areas.values()),
        total_weight=sum(f[1] for f in areas.values()),
        projection=sum(f[2] for f in areas.values()),
        areas={a: (f[0], f[1], f[2]) for a, f in areas.items()},
    )

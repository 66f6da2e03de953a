"""Each action's schedule and its state at a date: Terlambat, Tertinggal, segera (one definition).

`row_states` is the rule, on plain lists; `action_state` puts it in a frame for the pages and
the roll-up sums it up per file without building one.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from zi_dash.analysis.periods import period_flags
from zi_dash.base import ActionCol, AreaCol, Status
from zi_dash.base import contract as c
from zi_dash.schedule import NO_TARGET, Target, effective_target
from zi_dash.workbook import Plan

# Several figures of one rerun ask for the same plan's targets. Keyed on the actions frame's
# identity; the entry holds the frame itself, so the id cannot be reused while it is cached.
# Entry: [actions, year, targets, schedule frame (built when first asked for) or None].
_SCHEDULES: OrderedDict[int, list[Any]] = OrderedDict()
_SCHEDULE_CACHE_SIZE = 16


def _entry(plan: Plan) -> list[Any]:
    key = id(plan.actions)
    hit = _SCHEDULES.get(key)
    if hit is not None and hit[0] is plan.actions and hit[1] == plan.year:
        _SCHEDULES.move_to_end(key)
        return hit
    a = plan.actions
    year = plan.year or None
    found = [
        effective_target(text, start, end, year)
        for text, start, end in zip(
            a[ActionCol.TARGET].tolist(), a[ActionCol.START].tolist(), a[ActionCol.END].tolist()
        )
    ]
    entry = _SCHEDULES[key] = [plan.actions, plan.year, found, None]
    while len(_SCHEDULES) > _SCHEDULE_CACHE_SIZE:
        _SCHEDULES.popitem(last=False)
    return entry


def targets(plan: Plan) -> list[Target]:
    """Each action's effective target, in row order (Mulai/Selesai override Target Waktu)."""
    return list(_entry(plan)[2])


def schedule(plan: Plan) -> pd.DataFrame:
    """Each action's effective target as a frame: target, start, due, recognized, reading."""
    entry = _entry(plan)
    if entry[3] is None:
        found = entry[2]
        entry[3] = pd.DataFrame(
            {
                ActionCol.ID: plan.actions[ActionCol.ID].to_numpy(),
                "target": pd.Series(found, dtype=object).to_numpy(),
                "start": pd.Series([t.start for t in found], dtype=object).to_numpy(),
                "due": pd.Series([t.due for t in found], dtype=object).to_numpy(),
                "recognized": np.array([t.recognized for t in found], dtype=bool),
                "reading": [t.reading for t in found],
            },
            index=plan.actions.index,
        )
    return entry[3].copy()


@dataclass(frozen=True, slots=True)
class RowState:
    """One action measured at a date (see `row_states`)."""

    overdue: bool  # Terlambat: the final due date has passed unfinished
    planned: float  # % its periods plan by then
    behind: bool  # Progres below planned: a period was missed
    due_soon: bool  # the next period ends within the soon window with work still to do
    next_due: date | None
    missed: str  # the last period that ended behind, in words
    shown: str  # the status a meeting sees: Terlambat, else Tertinggal, else the stored one


def row_states(
    found: list[Target],
    statuses: list[str],
    progress: list[float],
    as_of: date,
    soon_days: int = c.DUE_SOON_DAYS,
) -> list[RowState]:
    """The state of each action at `as_of`, from its target, stored status and Progres (%)."""
    out = []
    for target, status, done in zip(found, statuses, progress):
        open_ = status != Status.DONE
        overdue = open_ and target.recognized and target.due is not None and target.due < as_of
        planned, behind, soon, next_due, missed = period_flags(
            target, float(done), open_, as_of, soon_days
        )
        shown = Status.LATE if overdue else Status.BEHIND if behind else status
        out.append(RowState(overdue, planned, behind, soon, next_due, missed, shown))
    return out


def plan_states(plan: Plan, as_of: date, soon_days: int = c.DUE_SOON_DAYS) -> list[RowState]:
    """`row_states` of a plan's actions, in row order."""
    a = plan.actions
    return row_states(
        targets(plan), a[ActionCol.STATUS].tolist(), a[ActionCol.PROGRESS].tolist(), as_of,
        soon_days,
    )  # fmt: skip


def action_state(plan: Plan, as_of: date, soon_days: int = c.DUE_SOON_DAYS) -> pd.DataFrame:
    """Actions with their periods measured at `as_of` and the status a meeting should see.

    planned: % its periods plan by then; overdue (Terlambat): the final due date has passed
    unfinished; behind (Tertinggal): Progres below planned, a period missed (`missed` names
    the last one that ended); due_soon (segera): the next period ends within `soon_days` with
    work still to do by then.
    """
    sched = schedule(plan)
    out = plan.actions.copy()
    for col in ("target", "start", "due", "recognized", "reading"):
        out[col] = sched[col]
    states = plan_states(plan, as_of, soon_days)
    out["overdue"] = np.array([s.overdue for s in states], dtype=bool)
    out["planned"] = [s.planned for s in states]
    out["behind"] = np.array([s.behind for s in states], dtype=bool)
    out["due_soon"] = np.array([s.due_soon for s in states], dtype=bool)
    out["next_due"] = pd.Series([s.next_due for s in states], index=out.index, dtype=object)
    out["missed"] = [s.missed for s in states]
    out["display_status"] = [s.shown for s in states]
    return out


def lagging(plan: Plan, as_of: date) -> pd.DataFrame:
    """Terlambat actions (longest overdue first), then Tertinggal ones (widest gap first)."""
    state = action_state(plan, as_of)
    rows = state[state["overdue"] | state["behind"]].copy()
    rows["days_late"] = [
        (as_of - d).days if late else 0 for d, late in zip(rows["due"], rows["overdue"])
    ]
    rows["gap"] = rows["planned"] - rows[ActionCol.PROGRESS].astype(float)
    rows["_late"] = rows["overdue"].astype(int)
    order = ["_late", "days_late", "gap", ActionCol.ID]
    rows = rows.sort_values(order, ascending=[False, False, False, True], kind="stable")
    return rows.drop(columns="_late")


def overdue(plan: Plan, as_of: date) -> pd.DataFrame:
    """Actions not Selesai whose due date is before `as_of`, most overdue first."""
    state = action_state(plan, as_of)
    late = state[state["overdue"]].copy()
    late["days_late"] = [(as_of - d).days for d in late["due"]]
    return late.sort_values(["days_late", ActionCol.ID], ascending=[False, True], kind="stable")


def unreadable_targets(plan: Plan) -> pd.DataFrame:
    """Actions whose target could not be read (nothing guessed), with their text."""
    sched = schedule(plan)
    mask = ~sched["recognized"]
    out = plan.actions.loc[mask, [ActionCol.ID, ActionCol.INDICATOR, ActionCol.TARGET]].copy()
    # A blank target is no reading error: the plan gives none (real plans often have no column).
    out["problem"] = [t.problem if t.text else NO_TARGET for t in sched.loc[mask, "target"]]
    return out


def status_by_area(plan: Plan, as_of: date) -> pd.DataFrame:
    """Actions per area and displayed status (Terlambat included), areas in the plan's order."""
    state = action_state(plan, as_of)
    statuses = [*c.ACTION_STATUSES, Status.BEHIND, Status.LATE]
    table = pd.crosstab(state[ActionCol.AREA], state["display_status"])
    table = table.reindex(columns=statuses, fill_value=0)
    order = [a for a in plan.areas[AreaCol.AREA] if a in table.index]
    return table.reindex(order).rename_axis(index=ActionCol.AREA, columns=None)

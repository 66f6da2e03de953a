"""The figures the dashboard shows: pure functions of a Plan and an as-of date.

Each concern has its module (state: schedule and action state; lke: the plan beside the LKE;
evidence; kurva: the Kurva S); this one holds capaian and the headline and names them all, so
callers ask `metrics` for any figure. Derived frames use English snake_case column names; the
UI and exports label them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

import pandas as pd

from zi_dash.analysis.evidence import (
    done_without_evidence,
    evidence_by_action,
    evidence_completeness,
    evidence_matrix,
)
from zi_dash.analysis.kurva import KurvaS, is_kritis, kurva_s, planned_at, rencana_curve
from zi_dash.analysis.state import (
    action_state,
    lagging,
    overdue,
    row_states,
    schedule,
    status_by_area,
    targets,
    unreadable_targets,
)
from zi_dash.base import ActionCol, AreaCol, Status
from zi_dash.base import contract as c
from zi_dash.workbook import Plan

__all__ = [
    "Headline",
    "KurvaS",
    "action_state",
    "completion_by_area",
    "completion_by_component",
    "completion_overall",
    "done_without_evidence",
    "evidence_by_action",
    "evidence_completeness",
    "evidence_matrix",
    "headline",
    "is_kritis",
    "kurva_s",
    "lagging",
    "overdue",
    "planned_at",
    "rencana_curve",
    "schedule",
    "status_by_area",
    "status_counts",
    "unreadable_targets",
]


def completion_overall(plan: Plan) -> float:
    """Mean Progres (%) over all actions, each counting the same; 0 for an empty plan."""
    return _mean(plan.actions[ActionCol.PROGRESS].tolist())


def _mean(progress: list[float]) -> float:
    return sum(map(float, progress)) / len(progress) if progress else 0.0


def status_counts(plan: Plan) -> dict[str, int]:
    """Number of actions per stored status, in the contract's order."""
    return _counts(plan.actions[ActionCol.STATUS].tolist())


def _counts(statuses: list[str]) -> dict[str, int]:
    counts = Counter(statuses)
    return {s: counts[s] for s in c.ACTION_STATUSES}


_STATUS_KEYS = ("not_started", "in_progress", "done")


def _status_table(actions: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Per group of `keys`: number of actions, mean progress and a count per status."""
    columns = [*keys, "actions", "completion", *_STATUS_KEYS]
    if actions.empty:
        return pd.DataFrame(columns=columns)
    out = actions.groupby(keys, sort=False).agg(
        actions=(ActionCol.ID, "size"), completion=(ActionCol.PROGRESS, "mean")
    )
    counts = pd.crosstab([actions[k] for k in keys], actions[ActionCol.STATUS])
    counts = counts.reindex(columns=list(c.ACTION_STATUSES), fill_value=0)
    counts.columns = list(_STATUS_KEYS)
    return out.join(counts).reset_index()[columns]


def completion_by_area(plan: Plan) -> pd.DataFrame:
    """Per area (in the Area sheet's order, only areas with actions): counts and completion %."""
    table = _status_table(plan.actions, [ActionCol.AREA])
    areas = plan.areas[[AreaCol.AREA, AreaCol.NAME]].rename(columns={AreaCol.AREA: ActionCol.AREA})
    out = areas.merge(table, on=ActionCol.AREA, how="inner")
    return out.rename(columns={AreaCol.NAME: "area_name"}).reset_index(drop=True)


def completion_by_component(plan: Plan) -> pd.DataFrame:
    """Per component (area, number, name) in the SK's order: counts and completion %."""
    keys = [ActionCol.AREA, ActionCol.COMPONENT_NO, ActionCol.COMPONENT]
    order = {a: i for i, a in enumerate(c.AREA_CODES)}
    out = _status_table(plan.actions, keys)
    out["_o"] = out[ActionCol.AREA].map(order)
    out = out.sort_values(["_o", ActionCol.COMPONENT_NO], kind="stable")
    return out.drop(columns="_o").reset_index(drop=True)


@dataclass(frozen=True)
class Headline:
    """The figures every overview starts with (Ringkasan, Mode Rapat, the report)."""

    actions: int
    completion: float  # mean Progres (%)
    done: int
    in_progress: int
    not_started: int
    late: int  # Terlambat: the final due date passed unfinished
    behind: int  # Tertinggal (and not Terlambat): Progres below what the periods plan
    evidence: float  # share of evidence items present, %


def headline(plan: Plan, as_of: date) -> Headline:
    """The headline figures of a (filtered, as-of) plan."""
    # Each column read once (the roll-up sums up hundreds of plans with this very function).
    statuses = plan.actions[ActionCol.STATUS].tolist()
    progress = plan.actions[ActionCol.PROGRESS].tolist()
    counts = _counts(statuses)
    shown = Counter(s.shown for s in row_states(targets(plan), statuses, progress, as_of))
    return Headline(
        actions=len(statuses),
        completion=_mean(progress),
        done=counts[Status.DONE],
        in_progress=counts[Status.IN_PROGRESS],
        not_started=counts[Status.NOT_STARTED],
        late=shown[Status.LATE],
        behind=shown[Status.BEHIND],
        evidence=evidence_completeness(plan),
    )

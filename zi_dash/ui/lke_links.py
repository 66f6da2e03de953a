"""The plan beside each LKE question: its linked actions (status, progress, evidence state).

Computed once per plan version (ui.cache.of_plan) from the saved Baris LKE links: the page
shows them for the open sub-component and ranks the next steps' ties by their progress.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import mean

import pandas as pd

from zi_dash import analysis
from zi_dash.base import ActionCol, number
from zi_dash.workbook import Plan


@dataclass(frozen=True)
class Aside:
    """What the plan says beside one question: its actions, its evidence, the done-but-low flag."""

    actions: pd.DataFrame | None = None
    evidence: analysis.lke_links.QuestionEvidence | None = None
    flagged: bool = False


def progress(plan: Plan) -> dict[int, float]:
    """Question row -> the mean Progres (%) of its linked actions."""
    by_id = dict(zip(plan.actions[ActionCol.ID], plan.actions[ActionCol.PROGRESS]))
    return {
        row: mean(float(by_id.get(a, 0.0)) for a in ids)
        for row, ids in analysis.lke_links.question_actions(plan).items()
    }


def linked_frames(plan: Plan) -> dict[int, pd.DataFrame]:
    """Question row -> a small table of its actions: ID, step, status, progress, evidence."""
    actions = plan.actions.set_index(ActionCol.ID, drop=False)
    evidence = analysis.evidence.evidence_by_action(plan).set_index(ActionCol.ID)
    out = {}
    for row, ids in analysis.lke_links.question_actions(plan).items():
        known = [a for a in ids if a in actions.index]
        out[row] = pd.DataFrame(
            {
                "ID": known,
                "Status": [str(actions.at[a, ActionCol.STATUS]) for a in known],
                "Progres": [_percent(actions.at[a, ActionCol.PROGRESS]) for a in known],
                "Bukti": [_evidence(evidence, a) for a in known],
                "Langkah": [str(actions.at[a, ActionCol.STEP]) for a in known],
            }
        )
    return out


def _percent(value: object) -> str:
    return f"{number(float(value), 0)} %"  # type: ignore[arg-type]


def _evidence(evidence: pd.DataFrame, action: str) -> str:
    if action not in evidence.index or not evidence.at[action, "items"]:
        return "tidak ada butir"
    return f"{evidence.at[action, 'present']} dari {evidence.at[action, 'items']} ada"

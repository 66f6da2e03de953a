"""Evidence figures: items per action, the share present, Selesai without its evidence."""

from __future__ import annotations

import pandas as pd

from zi_dash.base import ActionCol, AreaCol, EvidenceCol, Status
from zi_dash.base import contract as c
from zi_dash.workbook import Plan


def evidence_by_action(plan: Plan) -> pd.DataFrame:
    """Per action: evidence items, how many present (Ada/Terverifikasi), share, missing items."""
    ev = plan.evidence
    present = ev[EvidenceCol.STATUS].isin(c.EVIDENCE_PRESENT)
    grouped = pd.DataFrame(
        {"action": ev[EvidenceCol.ACTION_ID], "present": present, "item": ev[EvidenceCol.ITEM]}
    ).groupby("action", sort=False)
    items = grouped.size()
    have = grouped["present"].sum()
    missing: dict[str, list[str]] = {}
    for action, item in zip(
        ev.loc[~present, EvidenceCol.ACTION_ID], ev.loc[~present, EvidenceCol.ITEM]
    ):
        missing.setdefault(action, []).append(item)
    ids = plan.actions[ActionCol.ID]
    out = pd.DataFrame({ActionCol.ID: ids.to_numpy()})
    out["items"] = items.reindex(ids, fill_value=0).astype(int).to_numpy()
    out["present"] = have.reindex(ids, fill_value=0).astype(int).to_numpy()
    out["share"] = [p / n * 100 if n else 0.0 for p, n in zip(out["present"], out["items"])]
    out["missing_items"] = [missing.get(i, []) for i in ids]
    return out


def evidence_completeness(plan: Plan) -> float:
    """Share (%) of all evidence items of the plan's actions that are present."""
    ids = set(plan.actions[ActionCol.ID].tolist())
    ev = plan.evidence
    items = present = 0
    for action, status in zip(ev[EvidenceCol.ACTION_ID].tolist(), ev[EvidenceCol.STATUS].tolist()):
        if action in ids:  # an item of an action filtered out does not count
            items += 1
            present += status in c.EVIDENCE_PRESENT
    return present / items * 100 if items else 0.0


def done_without_evidence(plan: Plan) -> pd.DataFrame:
    """Actions marked Selesai whose evidence is incomplete: the gap that hurts most."""
    per_action = evidence_by_action(plan)
    done = plan.actions[ActionCol.STATUS].eq(Status.DONE).to_numpy()
    incomplete = (per_action["present"] < per_action["items"]).to_numpy()
    cols = [ActionCol.ID, ActionCol.AREA, ActionCol.INDICATOR, ActionCol.PIC]
    out = plan.actions.loc[done & incomplete, cols].reset_index(drop=True)
    sub = per_action[done & incomplete].reset_index(drop=True)
    for col in ("items", "present", "missing_items"):
        out[col] = sub[col]
    return out


def evidence_matrix(plan: Plan) -> pd.DataFrame:
    """Evidence items per area (rows) and Status Bukti (columns), with totals."""
    area_of = dict(zip(plan.actions[ActionCol.ID], plan.actions[ActionCol.AREA]))
    areas = plan.evidence[EvidenceCol.ACTION_ID].map(area_of)
    table = pd.crosstab(areas, plan.evidence[EvidenceCol.STATUS])
    table = table.reindex(columns=list(c.EVIDENCE_STATUSES), fill_value=0)
    order = [a for a in plan.areas[AreaCol.AREA] if a in table.index]
    table = table.reindex(order).rename_axis(index=ActionCol.AREA, columns=None)
    table["Jumlah"] = table.sum(axis=1)
    return table

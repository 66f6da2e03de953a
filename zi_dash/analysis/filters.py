"""The sidebar's filters as pure data, and applying them to a Plan."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

import pandas as pd

from zi_dash.analysis.history import rewind
from zi_dash.analysis.metrics import action_state, schedule
from zi_dash.base import MONTHS_ID, ActionCol, EvidenceCol, LogCol
from zi_dash.base import contract as c
from zi_dash.workbook import Plan

NO_PIC = "(belum ditentukan)"
DISPLAY_STATUSES: tuple[str, ...] = (*c.ACTION_STATUSES, c.Status.BEHIND, c.Status.LATE)


@dataclass(frozen=True)
class Filters:
    """What the user chose to see; an empty tuple means no filter on that field."""

    areas: tuple[str, ...] = ()
    components: tuple[str, ...] = ()  # component keys like "III.3"
    statuses: tuple[str, ...] = ()  # display statuses, Terlambat included
    pics: tuple[str, ...] = ()
    months: tuple[str, ...] = ()  # "2022-04": targets touching that month

    @property
    def active(self) -> bool:
        """True when any filter narrows the plan."""
        return any(dataclasses.astuple(self))


def component_key(area: str, number: int) -> str:
    """The key of a component: "III.3"."""
    return f"{area}.{number}"


def month_key(year: int, month: int) -> str:
    """The key of a calendar month: "2022-04"."""
    return f"{year:04d}-{month:02d}"


def month_label(key: str) -> str:
    """ "2022-04" -> "April 2022"."""
    year, month = key.split("-")
    return f"{MONTHS_ID[int(month) - 1]} {year}"


def _months_of(intervals: list[tuple[date, date]]) -> set[str]:
    months: set[str] = set()
    for start, end in intervals:
        y, m = start.year, start.month
        while (y, m) <= (end.year, end.month):
            months.add(month_key(y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def options(plan: Plan) -> dict[str, list[tuple[str, str]]]:
    """(value, label) choices for each filter, in the plan's order."""
    a = plan.actions
    names = dict(zip(plan.areas[c.AreaCol.AREA], plan.areas[c.AreaCol.NAME]))
    present_areas = set(a[ActionCol.AREA])
    comps = a.drop_duplicates([ActionCol.AREA, ActionCol.COMPONENT_NO])
    pics = sorted({p for p in a[ActionCol.PIC] if p}, key=str.casefold)
    months: set[str] = set()
    for target in schedule(plan)["target"]:
        months |= _months_of(target.intervals)
    return {
        "areas": [(x, f"{x}. {names.get(x, '')}") for x in c.AREA_CODES if x in present_areas],
        "components": [
            (
                key := component_key(r[ActionCol.AREA], r[ActionCol.COMPONENT_NO]),
                f"{key} {r[ActionCol.COMPONENT]}",
            )
            for _, r in comps.iterrows()
        ],
        "statuses": [(s, s) for s in DISPLAY_STATUSES],
        "pics": [(p, p) for p in pics]
        + ([(NO_PIC, NO_PIC)] if (a[ActionCol.PIC] == "").any() else []),
        "months": [(k, month_label(k)) for k in sorted(months)],
    }


def apply(plan: Plan, filters: Filters, as_of: date) -> Plan:
    """The plan narrowed to the chosen actions, their evidence, areas and log rows."""
    if not filters.active:
        return plan
    a = plan.actions
    keep = pd.Series(True, index=a.index)
    if filters.areas:
        keep &= a[ActionCol.AREA].isin(filters.areas)
    if filters.components:
        keys = [component_key(x, n) for x, n in zip(a[ActionCol.AREA], a[ActionCol.COMPONENT_NO])]
        keep &= pd.Series(keys, index=a.index).isin(filters.components)
    if filters.pics:
        pic = a[ActionCol.PIC].where(a[ActionCol.PIC] != "", NO_PIC)
        keep &= pic.isin(filters.pics)
    if filters.statuses or filters.months:
        state = action_state(plan, as_of)
        if filters.statuses:
            keep &= state["display_status"].isin(filters.statuses)
        if filters.months:
            wanted = set(filters.months)
            keep &= state["target"].map(lambda t: bool(_months_of(t.intervals) & wanted))
    actions = a[keep].reset_index(drop=True)
    ids = set(actions[ActionCol.ID])
    evidence = plan.evidence[plan.evidence[EvidenceCol.ACTION_ID].isin(ids)].reset_index(drop=True)
    areas = plan.areas
    if filters.areas:
        areas = areas[areas[c.AreaCol.AREA].isin(filters.areas)].reset_index(drop=True)
    evidence_ids = set(evidence[EvidenceCol.ID])
    shown = ids | evidence_ids
    history = plan.history[plan.history[LogCol.ID].isin(shown)].reset_index(drop=True)
    outside = plan.outside[plan.outside[LogCol.ID].isin(shown)].reset_index(drop=True)
    return dataclasses.replace(
        plan, actions=actions, evidence=evidence, areas=areas, history=history, outside=outside
    )


def view(plan: Plan, as_of: date, filters: Filters) -> Plan:
    """The plan as it stood on `as_of`, narrowed by `filters`: what pages and exports show."""
    return apply(rewind(plan, as_of), filters, as_of)


FIELD_LABELS: dict[str, str] = {
    "areas": "Area",
    "components": "Komponen",
    "statuses": "Status",
    "pics": "Penanggung jawab",
    "months": "Bulan target",
}


def describe(plan: Plan, filters: Filters) -> str:
    """Every active filter in words ("Area: V. Penguatan Pengawasan · Status: Terlambat")."""
    if not filters.active:
        return "Seluruh rencana aksi"
    labels = options(plan)
    parts = []
    for field, title in FIELD_LABELS.items():
        chosen = getattr(filters, field)
        if chosen:
            names = dict(labels[field])
            parts.append(f"{title}: " + ", ".join(names.get(v, v) for v in chosen))
    return " · ".join(parts)

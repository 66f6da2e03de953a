"""The figures the dashboard shows: pure functions of a Plan and an as-of date.

Derived frames use English snake_case column names; the UI and exports label them.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from zi_dash.analysis.history import realisasi_curve
from zi_dash.analysis.periods import period_flags
from zi_dash.base import ActionCol, AreaCol, EvidenceCol, Status
from zi_dash.base import contract as c
from zi_dash.schedule import Target, effective_target
from zi_dash.workbook import Plan

# Several figures of one rerun ask for the same plan's schedule. Keyed on the actions frame's
# identity; the entry holds the frame itself, so the id cannot be reused while it is cached.
_SCHEDULES: OrderedDict[int, tuple[pd.DataFrame, int | None, pd.DataFrame]] = OrderedDict()
_SCHEDULE_CACHE_SIZE = 16


def schedule(plan: Plan) -> pd.DataFrame:
    """Each action's effective target (Mulai/Selesai override the parsed Target Waktu)."""
    key = id(plan.actions)
    hit = _SCHEDULES.get(key)
    if hit is not None and hit[0] is plan.actions and hit[1] == plan.year:
        _SCHEDULES.move_to_end(key)
        return hit[2].copy()
    result = _schedule(plan)
    _SCHEDULES[key] = (plan.actions, plan.year, result)
    while len(_SCHEDULES) > _SCHEDULE_CACHE_SIZE:
        _SCHEDULES.popitem(last=False)
    return result.copy()


def _schedule(plan: Plan) -> pd.DataFrame:
    a = plan.actions
    targets = [
        effective_target(text, start, end, plan.year or None)
        for text, start, end in zip(a[ActionCol.TARGET], a[ActionCol.START], a[ActionCol.END])
    ]
    return pd.DataFrame(
        {
            ActionCol.ID: a[ActionCol.ID].to_numpy(),
            "target": pd.Series(targets, dtype=object).to_numpy(),
            "start": pd.Series([t.start for t in targets], dtype=object).to_numpy(),
            "due": pd.Series([t.due for t in targets], dtype=object).to_numpy(),
            "recognized": np.array([t.recognized for t in targets], dtype=bool),
            "reading": [t.reading for t in targets],
        },
        index=a.index,
    )


def completion_overall(plan: Plan) -> float:
    """Mean Progres (%) over all actions, each counting the same; 0 for an empty plan."""
    progress = plan.actions[ActionCol.PROGRESS]
    return float(progress.mean()) if len(progress) else 0.0


def status_counts(plan: Plan) -> dict[str, int]:
    """Number of actions per stored status, in the contract's order."""
    counts = plan.actions[ActionCol.STATUS].value_counts()
    return {s: int(counts.get(s, 0)) for s in c.ACTION_STATUSES}


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
    open_ = out[ActionCol.STATUS].ne(Status.DONE)
    due = out["due"]
    known = out["recognized"] & due.notna()
    out["overdue"] = open_ & known & due.map(lambda d: d is not None and d < as_of)
    flags = [
        period_flags(t, float(p), bool(o), as_of, soon_days)
        for t, p, o in zip(out["target"], out[ActionCol.PROGRESS], open_)
    ]
    out["planned"] = [f[0] for f in flags]
    out["behind"] = [f[1] for f in flags]
    out["due_soon"] = [f[2] for f in flags]
    out["next_due"] = pd.Series([f[3] for f in flags], index=out.index, dtype=object)
    out["missed"] = [f[4] for f in flags]
    shown = out[ActionCol.STATUS].where(~out["behind"], Status.BEHIND)
    out["display_status"] = shown.where(~out["overdue"], Status.LATE)
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
    out["problem"] = [t.problem for t in sched.loc[mask, "target"]]
    return out


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
    per_action = evidence_by_action(plan)
    total = int(per_action["items"].sum())
    return float(per_action["present"].sum()) / total * 100 if total else 0.0


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
    progress = plan.actions.groupby(ActionCol.AREA, sort=False)[ActionCol.PROGRESS].mean()
    areas = plan.areas
    out = pd.DataFrame(
        {
            ActionCol.AREA: areas[AreaCol.AREA],
            "area_name": areas[AreaCol.NAME],
            "weight": areas[AreaCol.WEIGHT].astype(float),
        }
    ).reset_index(drop=True)
    # An area with no actions projects nothing: it cannot be shown as met.
    out["completion"] = [float(progress.get(a, 0.0)) for a in out[ActionCol.AREA]]
    out["score"] = out["weight"] * out["completion"] / 100
    out["wbk_min"] = out["weight"] * c.WBK_AREA_MIN_SHARE
    out["wbbm_min"] = out["weight"] * c.WBBM_AREA_MIN_SHARE
    for key, share in (("meets_wbk", c.WBK_AREA_MIN_SHARE), ("meets_wbbm", c.WBBM_AREA_MIN_SHARE)):
        out[key] = [meets_area_min(s, w, share) for s, w in zip(out["score"], out["weight"])]
    total = float(out["score"].sum())
    return LkeProjection(
        areas=out,
        total=total,
        weight_total=float(out["weight"].sum()),
        meets_wbk=bool(out["meets_wbk"].all()) and meets_total_min(total, c.WBK_PENGUNGKIT_MIN),
        meets_wbbm=bool(out["meets_wbbm"].all()) and meets_total_min(total, c.WBBM_PENGUNGKIT_MIN),
    )


def meets_area_min(score: float, weight: float, share: float) -> bool:
    """An area's projected score reaches `share` of its weight (the LKE's per-area minimum)."""
    # Rounded, so 60 % of 7.0 (4.2) is met by exactly 4.2, not lost to float noise.
    return round(float(score), 9) >= round(float(weight) * share, 9)


def meets_total_min(total: float, minimum: float) -> bool:
    """The pengungkit total reaches the predicate's minimum (40 for WBK, 48 for WBBM)."""
    return total >= minimum - 1e-9


def rencana_curve(plan: Plan) -> pd.DataFrame:
    """Kurva S rencana: planned cumulative % per day, each scheduled action weighing the same.

    Each action's weight is spread evenly over the days of its target intervals; actions whose
    target cannot be read are left out and the weights of the rest still sum to 100 %.
    """
    targets: list[Target] = [t for t in schedule(plan)["target"] if t.recognized and t.intervals]
    if not targets:
        return pd.DataFrame({"date": pd.Series(dtype=object), "planned": pd.Series(dtype=float)})
    first = min(t.intervals[0][0] for t in targets)
    last = max(t.intervals[-1][1] for t in targets)
    days = (last - first).days + 1
    rate = np.zeros(days + 1)
    weight = 100.0 / len(targets)
    for t in targets:
        span = sum((e - s).days + 1 for s, e in t.intervals)
        for s, e in t.intervals:
            rate[(s - first).days] += weight / span
            rate[(e - first).days + 1] -= weight / span
    planned = np.cumsum(np.cumsum(rate)[:days])
    planned[-1] = 100.0  # absorb float drift so the curve ends exactly at 100 %
    dates = [first + timedelta(days=i) for i in range(days)]
    return pd.DataFrame({"date": dates, "planned": np.minimum(planned, 100.0)})


def planned_at(curve: pd.DataFrame, as_of: date) -> float:
    """The rencana % reached by the end of `as_of` (0 before the plan starts, 100 after)."""
    if curve.empty or as_of < curve["date"].iloc[0]:
        return 0.0
    upto = curve[curve["date"] <= as_of]
    return float(upto["planned"].iloc[-1])


def is_kritis(planned: float, actual: float) -> bool:
    """The Kurva S alarm: behind by more than 10 points (plan ≤ 70 %) or 5 points (plan > 70 %)."""
    lag = planned - actual
    limit = c.KRITIS_LAG_LOW_PLAN if planned <= c.KRITIS_PLAN_SPLIT else c.KRITIS_LAG_HIGH_PLAN
    return lag > limit


def status_by_area(plan: Plan, as_of: date) -> pd.DataFrame:
    """Actions per area and displayed status (Terlambat included), areas in the plan's order."""
    state = action_state(plan, as_of)
    statuses = [*c.ACTION_STATUSES, Status.BEHIND, Status.LATE]
    table = pd.crosstab(state[ActionCol.AREA], state["display_status"])
    table = table.reindex(columns=statuses, fill_value=0)
    order = [a for a in plan.areas[AreaCol.AREA] if a in table.index]
    return table.reindex(order).rename_axis(index=ActionCol.AREA, columns=None)


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


@dataclass(frozen=True)
class KurvaS:
    """Rencana vs realisasi with the deviation and the kritis flag at the as-of date."""

    curve: pd.DataFrame  # date, planned, actual (actual only up to as_of)
    as_of: date
    planned: float
    actual: float

    @property
    def deviation(self) -> float:
        """Realisasi − rencana in points; negative is behind schedule."""
        return self.actual - self.planned

    @property
    def kritis(self) -> bool:
        """The Permen PU 07/PRT/M/2011 alarm."""
        return is_kritis(self.planned, self.actual)


def kurva_s(plan: Plan, as_of: date) -> KurvaS:
    """Kurva S of the plan: rencana from parsed targets, realisasi from the log and the workbook."""
    plan_curve = rencana_curve(plan)
    if plan_curve.empty:
        empty = pd.DataFrame(columns=["date", "planned", "actual"])
        return KurvaS(empty, as_of, 0.0, 0.0)
    sched = schedule(plan)
    ids = list(sched.loc[sched["recognized"], ActionCol.ID])
    start = plan_curve["date"].iloc[0]
    actual = realisasi_curve(plan, start, as_of, ids)
    last_planned = plan_curve["date"].iloc[-1]
    if as_of > last_planned:  # extend the plan line flat at 100 % up to the as-of date
        extra = [
            last_planned + timedelta(days=i) for i in range(1, (as_of - last_planned).days + 1)
        ]
        plan_curve = pd.concat(
            [plan_curve, pd.DataFrame({"date": extra, "planned": 100.0})], ignore_index=True
        )
    curve = plan_curve.merge(actual, on="date", how="left")
    actual_now = float(actual["actual"].iloc[-1]) if not actual.empty else 0.0
    return KurvaS(curve, as_of, planned_at(plan_curve, as_of), actual_now)


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
    counts = status_counts(plan)
    state = action_state(plan, as_of)
    return Headline(
        actions=len(plan.actions),
        completion=completion_overall(plan),
        done=counts[Status.DONE],
        in_progress=counts[Status.IN_PROGRESS],
        not_started=counts[Status.NOT_STARTED],
        late=int(state["overdue"].sum()),
        behind=int((state["behind"] & ~state["overdue"]).sum()),
        evidence=evidence_completeness(plan),
    )

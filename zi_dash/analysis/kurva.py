"""The Kurva S: rencana (planned cumulative %) against realisasi, and the kritis alarm."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from zi_dash.analysis.history import realisasi_curve
from zi_dash.analysis.state import targets
from zi_dash.base import ActionCol
from zi_dash.base import contract as c
from zi_dash.schedule import Target
from zi_dash.workbook import Plan


def rencana_curve(plan: Plan) -> pd.DataFrame:
    """Kurva S rencana: planned cumulative % per day, each scheduled action weighing the same.

    Each action's weight is spread evenly over the days of its target intervals; actions whose
    target cannot be read are left out and the weights of the rest still sum to 100 %.
    """
    found: list[Target] = [t for t in targets(plan) if t.recognized and t.intervals]
    if not found:
        return pd.DataFrame({"date": pd.Series(dtype=object), "planned": pd.Series(dtype=float)})
    first = min(t.intervals[0][0] for t in found)
    last = max(t.intervals[-1][1] for t in found)
    days = (last - first).days + 1
    rate = np.zeros(days + 1)
    weight = 100.0 / len(found)
    for t in found:
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
    pairs = zip(plan.actions[ActionCol.ID], targets(plan), strict=True)
    ids = [action for action, target in pairs if target.recognized]
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

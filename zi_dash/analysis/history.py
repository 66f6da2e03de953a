"""The Riwayat log read back: the plan as it stood on a past date, and the Kurva S realisasi."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time, timedelta

import numpy as np
import pandas as pd

from zi_dash.base import ActionCol, LkeCol, LogCol, roles
from zi_dash.base import contract as c
from zi_dash.workbook import CellError, Plan, read_cell, read_logged


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time.max)


def _later_changes(log: pd.DataFrame, moment: datetime) -> pd.DataFrame:
    if log.empty:
        return log
    times = log[LogCol.TIME]
    later = log[times.notna() & times.map(lambda t: t is not None and t > moment)]
    # In time order (stable for one save's rows): outside edits come after the sheet's rows.
    return later.sort_values(LogCol.TIME, kind="stable")


def rewind(plan: Plan, as_of: date) -> Plan:
    """The plan as it stood at the end of `as_of`: later logged changes are undone, newest first.

    Outside edits (Plan.outside, dated at the file's modification) are undone like logged ones;
    a value neither explains was already there when the dashboard first saw the file.
    """
    log = plan.log  # built once: with outside edits it is a concatenation
    later = _later_changes(log, _end_of(as_of))
    if later.empty:
        return plan
    frames = {c.Sheet.ACTIONS: plan.actions.copy(), c.Sheet.EVIDENCE: plan.evidence.copy()}
    if plan.lke is not None:  # a workbook without the sheet keeps lke None
        # Object, not float: a sheet of numeric answers may rewind to a letter.
        frames[c.Sheet.LKE] = plan.lke.astype({LkeCol.ANSWER: object, LkeCol.TPI_ANSWER: object})
    positions = {
        sheet: {row_id: i for i, row_id in enumerate(frame[spec.id_column])}
        for sheet, frame in frames.items()
        if (spec := c.EDITABLE[sheet]).id_column
    }
    for _, change in later.iloc[::-1].iterrows():
        sheet, column = change[LogCol.SHEET], change[LogCol.COLUMN]
        spec = c.EDITABLE.get(sheet)
        if spec is None or column not in spec.headers:
            continue
        # A line of a sheet the workbook no longer has (LKE removed in Excel) undoes nothing.
        row = positions.get(sheet, {}).get(change[LogCol.ID])
        if row is None:
            continue
        try:
            old = read_logged(spec.column(column).kind, change[LogCol.OLD])
        except CellError:
            continue  # a hand-edited log line we cannot read back: keep the newer value
        frames[sheet].iat[row, frames[sheet].columns.get_loc(column)] = old
    _rewind_stamps(log, later, frames, positions)
    return dataclasses.replace(
        plan,
        actions=frames[c.Sheet.ACTIONS],
        evidence=frames[c.Sheet.EVIDENCE],
        lke=frames.get(c.Sheet.LKE),
    )


def _rewind_stamps(
    log: pd.DataFrame,
    later: pd.DataFrame,
    frames: dict[str, pd.DataFrame],
    positions: dict[str, dict[str, int]],
) -> None:
    """Diperbarui / Diperbarui Oleh of rows changed later: their last logged change up to then.

    A row whose earlier state the log does not explain gets no stamp rather than today's. The
    TPI's stamps of an LKE row follow the TPI's columns' changes, the unit's the unit's.
    """
    earlier = log.drop(index=later.index)
    stamps = dict(zip(_stamp_keys(earlier), zip(earlier[LogCol.TIME], earlier[LogCol.USER])))
    for sheet, row_id, (updated, by) in set(_stamp_keys(later)):
        row = positions.get(sheet, {}).get(row_id)
        if row is None:
            continue
        when, who = stamps.get((sheet, row_id, (updated, by)), (None, ""))
        frame = frames[sheet]
        frame.iat[row, frame.columns.get_loc(updated)] = when
        frame.iat[row, frame.columns.get_loc(by)] = who


def _stamp_keys(log: pd.DataFrame) -> list[tuple[str, str, tuple[str, str]]]:
    """(sheet, row ID, the stamp columns its change sets) of each log line, in order."""
    return [
        (sheet, row_id, roles.stamps_of(sheet, column) if sheet in c.UPDATE_STAMPS else ("", ""))
        for sheet, row_id, column in zip(log[LogCol.SHEET], log[LogCol.ID], log[LogCol.COLUMN])
    ]


def _progress_changes(plan: Plan) -> pd.DataFrame:
    """Logged and outside progress changes of the actions: id, day, old, new (chronological)."""
    log = plan.log
    mask = log[LogCol.SHEET].eq(c.Sheet.ACTIONS) & log[LogCol.COLUMN].eq(ActionCol.PROGRESS)
    rows = []
    for _, r in log[mask].iterrows():
        if r[LogCol.TIME] is None or pd.isna(r[LogCol.TIME]):
            continue
        try:
            old = float(read_cell(c.Kind.PERCENT, r[LogCol.OLD]))  # type: ignore[arg-type]
            new = float(read_cell(c.Kind.PERCENT, r[LogCol.NEW]))  # type: ignore[arg-type]
        except CellError:
            continue
        rows.append((r[LogCol.ID], r[LogCol.TIME].date(), old, new))
    out = pd.DataFrame(rows, columns=["id", "day", "old", "new"])
    return out.sort_values("day", kind="stable").reset_index(drop=True)


def realisasi_curve(
    plan: Plan, start: date, as_of: date, ids: list[str] | None = None
) -> pd.DataFrame:
    """Kurva S realisasi: mean progress (%) of the actions at the end of each day, start..as_of.

    Each day holds what `rewind` gives for it: today's value with every later change undone
    (logged ones, and outside edits dated at the file's modification). A value neither explains
    was there when the dashboard first saw the file and counts from the start, so the headline
    and the curve agree at every tanggal acuan.
    `ids` limits the mean to those actions (the ones the rencana curve weighs).
    """
    actions = plan.actions
    # `ids` is a subset of the plan's unique IDs: as many of them means all of them, and the
    # filter (slow on 40,000 Arrow strings) is skipped.
    if ids is not None and len(ids) != len(actions):
        actions = actions[actions[ActionCol.ID].isin(set(ids))]
    if actions.empty or as_of < start:
        return pd.DataFrame({"date": pd.Series(dtype=object), "actual": pd.Series(dtype=float)})
    days = (as_of - start).days + 1
    current = dict(zip(actions[ActionCol.ID], actions[ActionCol.PROGRESS].astype(float)))
    changes = _progress_changes(plan)
    logged = {k: g for k, g in changes.groupby("id", sort=False) if k in current}

    def index(day: date) -> int:
        return max((day - start).days, 0)

    total = np.zeros(days)
    total += sum(now for action_id, now in current.items() if action_id not in logged)
    for action_id, mine in logged.items():
        # Exactly what `rewind` does, day by day: today's value, each change undone before its day.
        level = np.full(days, current[action_id])
        for day, old in zip(mine["day"].iloc[::-1], mine["old"].iloc[::-1]):
            level[: index(day)] = old
        total += level
    return pd.DataFrame(
        {"date": [start + timedelta(days=i) for i in range(days)], "actual": total / len(current)}
    )

"""Display tables with Indonesian headers, shared by the pages and the exports."""

from __future__ import annotations

from datetime import date, datetime
from typing import Final

import pandas as pd

import zi_dash.analysis.metrics as m
from zi_dash.base import (
    ActionCol,
    EvidenceCol,
    LogCol,
    format_date,
    format_datetime,
    is_web_link,
    split_links,
)
from zi_dash.base import contract as c
from zi_dash.workbook import Plan

DUE: Final = "Tenggat"
DAYS_LATE: Final = "Terlambat (hari)"
SHOWN_STATUS: Final = "Status per tanggal acuan"
PLANNED: Final = "Rencana (%)"
MISSED: Final = "Periode yang tertinggal"
READING: Final = "Dibaca sebagai"
PRIORITY: Final = "Prioritas"
PROBLEM: Final = "Masalah"
OTHER_LINKS: Final = "Tautan lain"

GAP_DONE: Final = "1 · Selesai, bukti belum lengkap"
GAP_LATE: Final = "2 · Terlambat, bukti belum lengkap"
GAP_SOON: Final = "3 · Segera jatuh tempo"


def _date(d: date | None) -> str:
    return format_date(d) if d else "–"


def late(plan: Plan, as_of: date) -> pd.DataFrame:
    """Terlambat actions (longest overdue first), then Tertinggal ones, with the missed period."""
    t = m.lagging(plan, as_of)
    return pd.DataFrame(
        {
            ActionCol.ID: t[ActionCol.ID],
            ActionCol.INDICATOR: t[ActionCol.INDICATOR],
            ActionCol.PIC: t[ActionCol.PIC],
            SHOWN_STATUS: t["display_status"],
            MISSED: t["missed"],
            ActionCol.PROGRESS: t[ActionCol.PROGRESS],
            PLANNED: t["planned"].round(1),
            ActionCol.TARGET: t[ActionCol.TARGET],
            DUE: [_date(d) for d in t["due"]],
            DAYS_LATE: t["days_late"],
        }
    ).reset_index(drop=True)


def readings(plan: Plan) -> pd.DataFrame:
    """Every action's Target Waktu beside how it was read, so a person can check it."""
    sched = m.schedule(plan)
    return pd.DataFrame(
        {
            ActionCol.ID: plan.actions[ActionCol.ID],
            ActionCol.TARGET: plan.actions[ActionCol.TARGET],
            READING: sched["reading"],
        }
    )


def unreadable(plan: Plan) -> pd.DataFrame:
    """Targets that could not be read, with their text and why."""
    t = m.unreadable_targets(plan)
    return pd.DataFrame(
        {
            ActionCol.ID: t[ActionCol.ID],
            ActionCol.TARGET: t[ActionCol.TARGET],
            PROBLEM: t["problem"],
        }
    ).reset_index(drop=True)


def evidence_gaps(plan: Plan, as_of: date) -> pd.DataFrame:
    """Missing evidence items, most urgent first: done actions, then late, then due soon."""
    # The item beside its action: an action with four missing items is four different rows.
    columns = [
        PRIORITY,
        EvidenceCol.ACTION_ID,
        EvidenceCol.ITEM,
        EvidenceCol.STATUS,
        ActionCol.INDICATOR,
        ActionCol.PIC,
        DUE,
        EvidenceCol.ID,
        EvidenceCol.LINK,
    ]
    state = m.action_state(plan, as_of)
    state = state[
        [
            ActionCol.ID,
            ActionCol.INDICATOR,
            ActionCol.PIC,
            ActionCol.STATUS,
            "overdue",
            "due_soon",
            "due",
        ]
    ]
    ev = plan.evidence[~plan.evidence[EvidenceCol.STATUS].isin(c.EVIDENCE_PRESENT)]
    rows = ev.merge(
        state.rename(columns={ActionCol.ID: EvidenceCol.ACTION_ID}),
        on=EvidenceCol.ACTION_ID,
        how="inner",
    )
    done = rows[ActionCol.STATUS]
    priority = pd.Series(None, index=rows.index, dtype=object)
    priority[rows["due_soon"].astype(bool)] = GAP_SOON
    priority[rows["overdue"].astype(bool)] = GAP_LATE
    priority[done == c.Status.DONE] = GAP_DONE
    rows = rows.assign(**{PRIORITY: priority})[priority.notna()]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows = rows.assign(
        _due=[d or date.max for d in rows["due"]], **{DUE: [_date(d) for d in rows["due"]]}
    )
    out = rows.sort_values([PRIORITY, "_due", EvidenceCol.ID], kind="stable")
    return out[columns].reset_index(drop=True)


def needs_fix(plan: Plan) -> pd.DataFrame:
    """Evidence items marked Perlu Perbaikan, with their notes."""
    ev = plan.evidence[plan.evidence[EvidenceCol.STATUS] == c.EvidenceStatus.NEEDS_FIX]
    return ev[[EvidenceCol.ID, EvidenceCol.ITEM, EvidenceCol.NOTES, EvidenceCol.LINK]].reset_index(
        drop=True
    )


def with_web_links(frame: pd.DataFrame) -> pd.DataFrame:
    """A table's Tautan split for the screen: the first web address alone in Tautan (shown as
    a clickable link), every other line of the cell, in order, in OTHER_LINKS as text."""
    if EvidenceCol.LINK not in frame.columns:
        return frame
    first: list[str | None] = []
    rest: list[str] = []
    for text in frame[EvidenceCol.LINK]:
        lines = split_links(text)
        web = next((i for i, line in enumerate(lines) if is_web_link(line)), None)
        first.append(None if web is None else lines.pop(web))
        rest.append(" · ".join(lines))
    out = frame.assign(**{EvidenceCol.LINK: first})
    out.insert(out.columns.get_loc(EvidenceCol.LINK) + 1, OTHER_LINKS, rest)
    return out


LOGGED: Final = "Tercatat di Riwayat"
LOGGED_YES: Final = "ya"
LOGGED_NOT_YET: Final = "belum"  # the page says it joins at the next save


def _moment(value: object) -> str:
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return "–"
    if isinstance(value, datetime):
        return format_datetime(value)
    return str(value)


def change_log(plan: Plan) -> pd.DataFrame:
    """Every known change, newest first: Riwayat's rows and the outside edits not yet in it."""
    columns = list(c.LOG.headers)
    both = pd.concat(
        [
            plan.history[columns].assign(**{LOGGED: LOGGED_YES}),
            plan.outside[columns].assign(**{LOGGED: LOGGED_NOT_YET}),
        ],
        ignore_index=True,
    )
    if both.empty:
        return pd.DataFrame(columns=[*columns, LOGGED])
    # Undated hand-written lines sort last; a stable sort keeps one save's rows in order.
    order = both[LogCol.TIME].map(lambda t: t if isinstance(t, datetime) else datetime.min)
    both = both.iloc[order.argsort(kind="stable")[::-1]].reset_index(drop=True)
    both[LogCol.TIME] = both[LogCol.TIME].map(_moment)
    return both

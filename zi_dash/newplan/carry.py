"""Carrying a plan into the next year: the same actions and evidence, every year moved, no
progress, no links, no log. The old workbook is only read."""

from __future__ import annotations

import re
from datetime import date
from typing import Final

import pandas as pd

from zi_dash.base import ActionCol, AreaCol, EvidenceCol
from zi_dash.base import contract as c
from zi_dash.sk import OTHER_GUIDE, workbook_bytes
from zi_dash.workbook import Plan, plain

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# Columns that start empty in the new year (Penanggung Jawab is kept: the same people).
_ACTION_RESET: Final = (ActionCol.NOTES, ActionCol.UPDATED, ActionCol.UPDATED_BY)
_EVIDENCE_RESET: Final = (
    EvidenceCol.LINK,
    EvidenceCol.NOTES,
    EvidenceCol.UPDATED,
    EvidenceCol.UPDATED_BY,
)


def shift_years(text: str, delta: int) -> str:
    """Every year number in a text moved by `delta`: "Desember 2022 – Januari 2023" +1."""
    return _YEAR.sub(lambda m: str(int(m.group(1)) + delta), text)


def shift_date(day: date | None, delta: int) -> date | None:
    """The same day `delta` years on; 29 February becomes the 28th in a common year."""
    if day is None or pd.isna(day):
        return None
    try:
        return day.replace(year=day.year + delta)
    except ValueError:
        return day.replace(year=day.year + delta, day=28)


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    return [{k: plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def carry_over(plan: Plan, year: int) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """The new year's Rencana Aksi and Bukti rows for `plan`."""
    delta = year - plan.year
    actions = _records(plan.actions)
    for row in actions:
        row[ActionCol.TARGET] = shift_years(str(row.get(ActionCol.TARGET) or ""), delta)
        row[ActionCol.START] = shift_date(row.get(ActionCol.START), delta)  # type: ignore[arg-type]
        row[ActionCol.END] = shift_date(row.get(ActionCol.END), delta)  # type: ignore[arg-type]
        row[ActionCol.STATUS] = c.Status.NOT_STARTED
        row[ActionCol.PROGRESS] = 0
        row.update(dict.fromkeys(_ACTION_RESET))
    evidence = _records(plan.evidence)
    for row in evidence:
        row[EvidenceCol.STATUS] = c.EvidenceStatus.MISSING
        row.update(dict.fromkeys(_EVIDENCE_RESET))
    return actions, evidence


def legal_basis_to_fill(plan: Plan, year: int) -> str:
    """Info's Dasar Hukum of the new plan: marked to be filled in, naming the old one."""
    old = f" (tahun {plan.year}: {plan.info.legal_basis})" if plan.info.legal_basis else ""
    return f"[BELUM DIISI] dasar hukum rencana aksi tahun {year}{old}"


def next_year_bytes(plan: Plan, year: int) -> bytes:
    """The workbook of `plan` carried into `year`, as bytes (the old file is never touched)."""
    if not 2000 <= year <= 2100:
        raise ValueError(f"tahun {year} di luar jangkauan 2000–2100")
    if plan.year and year == plan.year:
        raise ValueError(f"rencana ini sudah untuk tahun {year}; pilih tahun lain")
    actions, evidence = carry_over(plan, year)
    return workbook_bytes(
        actions,
        evidence,
        year=year,
        unit=plan.info.unit,
        legal_basis=legal_basis_to_fill(plan, year),
        enacted=None,
        areas=[a for a in plan.areas[AreaCol.AREA] if a in c.AREA_CODES],
        guide=OTHER_GUIDE,
        # Who to reach carries over: the people rarely change with the year.
        contacts=plan.frame(c.Sheet.CONTACTS).to_dict("records"),
    )

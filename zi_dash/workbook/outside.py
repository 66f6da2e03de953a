"""Changes made to the workbook outside the dashboard: found, dated and named, never guessed.

The dashboard keeps a copy of the workbook as it last wrote it (or first saw it) beside the
backups. When the file on disk differs from that copy, every editable cell that differs was
changed by someone else (in Excel, say): a Riwayat row dated at the file's modification time
and attributed to "(di luar dasbor)". The figures per tanggal acuan use these rows like the
logged ones, and the next save appends them to Riwayat so the log becomes complete.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
from datetime import datetime
from pathlib import Path

import pandas as pd

from zi_dash.base import EDITABLE, LogCol, WorkbookError, durable
from zi_dash.base import contract as c
from zi_dash.workbook.cells import plain, same
from zi_dash.workbook.merge import CellChange, log_text
from zi_dash.workbook.read import Plan, empty_log, load_plan, read_bytes


def baseline(path: Path, unless: str = "") -> Plan | None:
    """The workbook as the dashboard last wrote or first saw it, if a readable copy is kept.

    None as well when the copy's version is `unless` (cheap: no parse when nothing changed).
    """
    copy = durable.last_written_path(path)
    try:
        data = copy.read_bytes()
    except OSError:
        return None
    if unless and hashlib.sha256(data).hexdigest() == unless:
        return None
    try:
        return load_plan(copy, data)
    except WorkbookError:
        return None  # a damaged copy finds nothing rather than everything


def remember(path: Path, data: bytes) -> None:
    """Keep `data` as the state the dashboard knows; best effort (a read-only folder skips it)."""
    with contextlib.suppress(OSError, WorkbookError):
        durable.backup_dir(path).mkdir(exist_ok=True)
        durable.atomic_write(durable.last_written_path(path), data)


def changes_between(base: Plan, current: Plan) -> list[CellChange]:
    """Editable cells of rows in both plans whose values differ, in sheet and row order."""
    found: list[CellChange] = []
    for sheet, spec in EDITABLE.items():
        before, after = base.frame(sheet), current.frame(sheet)
        stamps = set(c.UPDATE_STAMPS[sheet])
        columns = [col for col in spec.columns if col.editable and col.name not in stamps]
        old_rows = dict(zip(before[spec.id_column], before.to_dict("records")))
        for new_row in after.to_dict("records"):
            old_row = old_rows.get(new_row[spec.id_column])
            if old_row is None:
                continue  # a row added in Excel has no earlier value to name
            for col in columns:
                old, new = old_row[col.name], new_row[col.name]
                if plain(old) != plain(new) and not same(col.kind, old, new):
                    found.append(CellChange(sheet, new_row[spec.id_column], col.name, old, new))
    return found


def log_rows(changes: list[CellChange], when: datetime) -> pd.DataFrame:
    """Outside changes as Riwayat rows (the texts a save would write)."""
    if not changes:
        return empty_log()
    rows = [
        {
            LogCol.TIME: when,
            LogCol.USER: c.OUTSIDE_USER,
            LogCol.SHEET: ch.sheet,
            LogCol.ID: ch.row_id,
            LogCol.COLUMN: ch.column,
            LogCol.OLD: log_text(ch.old),
            LogCol.NEW: log_text(ch.new),
        }
        for ch in changes
    ]
    return pd.DataFrame(rows, columns=list(c.LOG.headers), dtype=object)


def found_outside(path: Path, current: Plan) -> list[CellChange]:
    """The cells of `current` changed outside the dashboard since its last write."""
    base = baseline(path, unless=current.version)
    if base is None:
        return []
    return changes_between(base, current)


def load_tracked(path: str | Path) -> Plan:
    """The plan with its outside edits (Plan.outside); the first look remembers the file."""
    path = Path(path)
    data = read_bytes(path)
    plan = load_plan(path, data)
    if not durable.last_written_path(path).is_file():
        remember(path, data)
        return plan
    found = found_outside(path, plan)
    if not found:
        return plan
    return dataclasses.replace(plan, outside=log_rows(found, outside_time(plan)))


def outside_time(plan: Plan) -> datetime:
    """When outside edits are dated: the file's last modification, to the second as logged."""
    return plan.modified.replace(microsecond=0)

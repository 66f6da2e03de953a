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
import functools
import hashlib
import os
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

from zi_dash.base import EDITABLE, LogCol, WorkbookError, durable, roles
from zi_dash.base import contract as c
from zi_dash.workbook.cells import plain, same
from zi_dash.workbook.merge import CellChange, log_text
from zi_dash.workbook.package import read_bytes
from zi_dash.workbook.read import (
    Plan,
    empty_log,
    load_known,
    remember_parsed,
)


def _pending_path(path: Path) -> Path:
    copy = durable.last_written_path(path)
    return copy.with_name(copy.name + ".baru")


def _read(copy: Path) -> tuple[bytes, str] | None:
    try:
        data = copy.read_bytes()
    except OSError:
        return None
    return data, hashlib.sha256(data).hexdigest()


def _parse(copy: Path, data: bytes) -> Plan | None:
    try:
        # Kept: the page's look and the save after it compare with the same copy.
        plan = load_known(copy, data)
    except WorkbookError:
        return None  # a damaged copy finds nothing rather than everything
    remember_parsed(plan)
    return plan


def _landed(pending: Plan, current: Plan) -> bool:
    """Whether the file holds the pending save: its Riwayat rows are in the file's Riwayat."""
    mine, now = pending.history, current.history
    if mine.empty or len(now) < len(mine):
        return False
    tail = [str(v) for v in mine.iloc[-1]]
    return [str(v) for v in now.iloc[len(mine) - 1]] == tail


def baseline(path: Path, current: Plan | None = None) -> Plan | None:
    """The workbook as the dashboard last wrote or first saw it, if a readable copy is kept.

    None as well when that is `current`'s version (cheap: no parse when nothing changed). A
    save killed between replacing the workbook and keeping its copy left the copy pending: it
    is the baseline when the file holds that save.
    """
    unless = current.version if current is not None else ""
    pending = _read(_pending_path(path))
    if pending is not None and pending[1] == unless:
        commit(path)
        return None
    if pending is not None and current is not None:
        staged = _parse(_pending_path(path), pending[0])
        if staged is not None and _landed(staged, current):
            return staged
    copy = _read(durable.last_written_path(path))
    if copy is None or copy[1] == unless:
        return None
    return _parse(durable.last_written_path(path), copy[0])


def _keep(copy: Path, data: bytes) -> None:
    # Best effort: a read-only folder keeps no copy, and then finds no outside edits.
    with contextlib.suppress(OSError, WorkbookError):
        copy.parent.mkdir(exist_ok=True)
        durable.atomic_write(copy, data)


def remember(path: Path, data: bytes) -> None:
    """Keep `data` as the state the dashboard knows (its first look at the file)."""
    _keep(durable.last_written_path(path), data)


def stage(path: Path, data: bytes) -> None:
    """Before a save replaces the workbook: keep the bytes it writes as the pending copy."""
    _keep(_pending_path(path), data)


def commit(path: Path) -> None:
    """After the workbook was replaced: the pending copy becomes the known state (atomic)."""
    with contextlib.suppress(OSError):
        _pending_path(path).replace(durable.last_written_path(path))


def changes_between(base: Plan, current: Plan) -> list[CellChange]:
    """Editable cells of rows in both plans whose values differ, in sheet and row order."""
    found: list[CellChange] = []
    for sheet, spec in EDITABLE.items():
        before, after = base.frame(sheet), current.frame(sheet)
        stamps = roles.all_stamps(sheet)
        columns = [col for col in spec.columns if col.editable and col.name not in stamps]
        # IDs are unique (the loader refuses duplicates); a row added in Excel has no earlier
        # value to name. Whole columns are compared at once: 40,000 rows as dicts took seconds.
        where = {row_id: i for i, row_id in enumerate(before[spec.id_column])}
        ids = after[spec.id_column].tolist()
        pairs = [(j, where[row_id]) for j, row_id in enumerate(ids) if row_id in where]
        if not pairs:
            continue
        new_at = np.array([j for j, _ in pairs])
        old_at = np.array([i for _, i in pairs])
        cells: list[tuple[int, int, CellChange]] = []
        for k, col in enumerate(columns):
            olds = before[col.name].to_numpy(dtype=object)[old_at]
            news = after[col.name].to_numpy(dtype=object)[new_at]
            for n in np.flatnonzero(olds != news):  # NaN != NaN too: checked below
                old, new = olds[n], news[n]
                if plain(old) != plain(new) and not same(col.kind, old, new):
                    row_id = ids[new_at[n]]
                    cells.append((int(new_at[n]), k, CellChange(sheet, row_id, col.name, old, new)))
        found += [change for _, _, change in sorted(cells, key=lambda t: (t[0], t[1]))]
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
    base = baseline(path, current)
    if base is None:
        return []
    return changes_between(base, current)


def load_tracked(path: str | Path, *, keep_first_look: bool = True, lke: bool = True) -> Plan:
    """The plan with its outside edits (Plan.outside); the first look remembers the file.

    Every figure per tanggal acuan starts from this plan (the unit pages, their exports and the
    roll-up), so that all of them undo the same outside edits. `keep_first_look=False` looks
    without writing: a file with no copy yet reads as it is, exactly as the first look that
    keeps it would (that copy equals the file, so it finds no outside edit either). `lke=False`
    skips the LKE sheet (Plan.lke None, its outside edits unseen), for readers that never use it.
    """
    path = Path(path)
    data = read_bytes(path)
    plan = load_known(path, data, lke=lke)
    if lke:  # a plan without its LKE sheet must not stand for the file's parse
        remember_parsed(plan)
    if not durable.last_written_path(path).is_file():
        if keep_first_look:
            remember(path, data)
        return plan
    found = found_outside(path, plan)
    if not found:
        return plan
    return dataclasses.replace(plan, outside=log_rows(found, outside_time(plan)))


@functools.lru_cache(maxsize=4096)
def _copies(path: str) -> tuple[str, str]:
    # The names only (no file is looked at): the roll-up asks for 550 of them on every rerun,
    # and building them with pathlib was most of its cost.
    return str(durable.last_written_path(Path(path))), str(_pending_path(Path(path)))


def known_state(path: Path) -> tuple[int, ...]:
    """The modification time and size of the copies outside edits are found against (-1: none).

    Cheap (two stats): a cache of figures keyed on it notices a new copy without reading it.
    """
    stamps: list[int] = []
    for copy in _copies(str(path)):
        try:
            stat = os.stat(copy)  # noqa: PTH116  # a str: a Path per call was the cost
        except OSError:
            stamps += [-1, -1]
        else:
            stamps += [stat.st_mtime_ns, stat.st_size]
    return tuple(stamps)


def outside_time(plan: Plan) -> datetime:
    """When outside edits are dated: the file's last modification, to the second as logged."""
    return plan.modified.replace(microsecond=0)

"""Writing edits back into the shared workbook: validated, locked, merged, atomic and logged.

Staff also open the workbook in Excel, so a save changes only the edited cells of the file as
it is now (formatting, validations and other sheets stay), never what someone else changed
since the editor loaded it, and never leaves a half-written file behind.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Final

import filelock

from zi_dash import contract as c
from zi_dash import durable, guard, writer
from zi_dash.cells import CellError, as_text, plain, read_cell, same
from zi_dash.consistency import reconcile
from zi_dash.contract import ActionCol, Kind
from zi_dash.durable import WorkbookBusyError
from zi_dash.workbook import (
    InvalidValueError,
    Plan,
    WorkbookError,
    load_plan,
    read_bytes,
    where,
)
from zi_dash.writer import write

Changes = Mapping[str, Mapping[str, Mapping[str, object]]]
Values = dict[str, dict[str, dict[str, object]]]

EDITABLE: Final = c.EDITABLE
LOCK_TIMEOUT_S: Final = 20.0
KEEP_BACKUPS: Final = 30
MAX_TEXT: Final = 32_767  # Excel's limit for one cell
# A text cell starting with one of these could be taken for a formula by Excel or openpyxl.
_ILLEGAL_CHARS: Final = frozenset(chr(i) for i in range(32)) - {"\t", "\n", "\r"}


def _illegal(ch: str) -> bool:
    """Characters XML 1.0 cannot hold: control codes, surrogates, U+FFFE and U+FFFF."""
    code = ord(ch)
    return ch in _ILLEGAL_CHARS or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF)


class ConflictError(WorkbookError):
    """Someone else changed a cell this save would change; both values are in the message."""

    def __init__(self, message: str, conflicts: list[Conflict]) -> None:
        self.conflicts = conflicts
        super().__init__(message, [x.describe() for x in conflicts])


@dataclass(frozen=True)
class CellChange:
    """One cell written: the old value as found in the file and the new one."""

    sheet: str
    row_id: str
    column: str
    old: object
    new: object

    @property
    def old_text(self) -> str:
        """The old value as logged in Riwayat."""
        return log_text(self.old)

    @property
    def new_text(self) -> str:
        """The new value as logged in Riwayat."""
        return log_text(self.new)


@dataclass(frozen=True)
class Conflict:
    """A cell changed by two people: the value both started from, theirs and ours."""

    sheet: str
    row_id: str
    column: str
    base: object
    theirs: object
    mine: object

    def describe(self) -> str:
        """Indonesian one-liner naming the row, column and both values."""
        return (
            f'{self.sheet} {self.row_id}, kolom "{self.column}": sudah diubah orang lain menjadi '
            f'"{log_text(self.theirs)}" (semula "{log_text(self.base)}"); '
            f'perubahan Anda "{log_text(self.mine)}" tidak disimpan.'
        )


@dataclass(frozen=True)
class SaveResult:
    """What a save did."""

    version: str  # sha256 of the workbook now on disk
    changes: tuple[CellChange, ...]
    notes: tuple[str, ...] = ()  # consistency rules applied, e.g. "Selesai: progres 100 %"
    merged: bool = False  # the file had changed since base_version; those changes were kept
    backup: Path | None = None
    saved_at: datetime = field(default_factory=datetime.now)


def log_text(value: object) -> str:
    """A typed value as text for Riwayat and messages: dates dd/mm/yyyy, 50.0 as 50."""
    return as_text(value)  # type: ignore[arg-type]


def lock_path(path: Path) -> Path:
    """The inter-process lock file of a workbook (hidden, beside it)."""
    return path.with_name(f".{path.name}.lock")


def save_changes(
    path: str | Path,
    changes: Changes,
    *,
    user: str,
    base_version: str,
    base_values: Changes | None = None,
    now: datetime | None = None,
    keep_backups: int = KEEP_BACKUPS,
) -> SaveResult:
    """Write `changes` ({sheet: {row ID: {column: value}}}) into the workbook, or write nothing.

    `base_version` is the Plan.version the user edited; `base_values` (optional) the values they
    saw. If the file changed since, other cells' changes are kept and a cell changed by both
    raises ConflictError. Raises WorkbookError subclasses with Indonesian messages.
    """
    path = Path(path)
    user = as_text(user)
    if not user:
        raise WorkbookError("Nama pengguna wajib diisi untuk menyimpan perubahan.")
    _check_shape(changes)
    _check_not_held(path)
    lock = filelock.FileLock(lock_path(path), timeout=LOCK_TIMEOUT_S)
    try:
        with lock:
            return _save_locked(
                path,
                changes,
                user,
                base_version,
                base_values,
                (now or datetime.now()).replace(microsecond=0),
                keep_backups,
            )
    except filelock.Timeout as exc:
        raise WorkbookBusyError(
            "Workbook sedang disimpan oleh pengguna lain terlalu lama. Coba simpan lagi "
            "sebentar lagi; perubahan Anda masih ada di layar."
        ) from exc


def check_changes(plan: Plan, changes: Changes) -> tuple[list[CellChange], list[str]]:
    """The cells a save would change in `plan` and the rules it applied; raises on bad input."""
    _check_shape(changes)
    wanted, notes = _typed_changes(plan, changes)
    return [ch for ch in _cell_changes(plan, wanted) if ch.old != ch.new], notes


def _check_shape(changes: Changes) -> None:
    problems: list[str] = []
    for sheet, rows in changes.items():
        spec = EDITABLE.get(sheet)
        if spec is None:
            problems.append(f'Lembar "{sheet}" tidak dapat diubah dari dasbor.')
            continue
        for row_id, cols in rows.items():
            for column in cols:
                if column not in spec.headers:
                    problems.append(f'{where(sheet)}: kolom "{column}" tidak ada.')
                elif not spec.column(column).editable:
                    problems.append(
                        f'{where(sheet)}, ID {row_id}: kolom "{column}" tidak dapat diubah '
                        "dari dasbor (teks SK atau kolom otomatis)."
                    )
    if problems:
        raise InvalidValueError(
            "Perubahan tidak dapat disimpan:\n- " + "\n- ".join(problems), problems
        )


def _check_not_held(path: Path) -> None:
    holder = guard.open_by(path)
    if holder is not None:
        owner, lock = holder
        raise WorkbookBusyError(
            f'Workbook "{path.name}" sedang dibuka oleh {owner} (di Excel atau LibreOffice). '
            "Perubahan tidak disimpan agar pekerjaannya tidak tertimpa. Minta ia menutup "
            "berkas, lalu simpan lagi; perubahan Anda masih ada di layar dan dapat diunduh. "
            f'Bila tidak ada yang membukanya, hapus berkas penanda "{lock.name}".'
        )
    try:
        read_only = guard.is_read_only(path)
    except OSError as exc:
        raise WorkbookError(f'Workbook "{path}" tidak dapat dibuka: {exc.strerror}.') from exc
    if read_only:
        raise WorkbookBusyError(
            f'Workbook "{path.name}" bersifat hanya-baca (read-only). Perubahan tidak disimpan; '
            "minta pengelola berkas membuka izin tulisnya."
        )
    try:
        # Windows refuses this while Excel holds the file (a sharing violation).
        with path.open("r+b"):
            pass
    except PermissionError as exc:
        raise WorkbookBusyError(
            f'Workbook "{path.name}" sedang dikunci program lain (mungkin Excel). Tutup '
            "berkas itu lalu simpan lagi; perubahan Anda masih ada di layar."
        ) from exc


def _save_locked(
    path: Path,
    changes: Changes,
    user: str,
    base_version: str,
    base_values: Changes | None,
    now: datetime,
    keep_backups: int,
) -> SaveResult:
    data = read_bytes(path)
    current = load_plan(path, data)
    wanted, notes = _typed_changes(current, changes)
    merged = current.version != base_version
    if merged:
        base = _base_values(path, base_version, base_values, wanted)
        _check_conflicts(current, wanted, base)
    todo = [ch for ch in _cell_changes(current, wanted) if ch.old != ch.new]
    if not todo:
        return SaveResult(current.version, (), tuple(notes), merged, None, now)
    out = write(path, data, current, todo, user, now)
    new_version = hashlib.sha256(out).hexdigest()
    backup = _replace(path, data, out, current, todo, keep_backups)
    return SaveResult(new_version, tuple(todo), tuple(notes), merged, backup, now)


def _current_value(plan: Plan, sheet: str, row_id: str, column: str) -> object:
    frame = plan.actions if sheet == c.Sheet.ACTIONS else plan.evidence
    spec = EDITABLE[sheet]
    match = frame.index[frame[spec.id_column] == row_id]
    value = frame.at[match[0], column]
    return plain(value)


def _typed_changes(plan: Plan, changes: Changes) -> tuple[Values, list[str]]:
    """Every new value read as its column's kind, plus the Status/Progres rule; or raise."""
    problems: list[str] = []
    notes: list[str] = []
    typed: Values = {}
    for sheet, rows in changes.items():
        spec = EDITABLE[sheet]
        for row_id, cols in rows.items():
            excel_row = plan.rows[sheet].get(str(row_id))
            if excel_row is None:
                problems.append(
                    f'{where(sheet)}: ID "{row_id}" tidak ada lagi di workbook '
                    "(mungkin dihapus atau diganti di Excel)."
                )
                continue
            row: dict[str, object] = {}
            for column, raw in cols.items():
                loc = where(sheet, excel_row, column, plan.columns[sheet].get(column, -1))
                try:
                    row[column] = _typed(spec.column(column).kind, raw)
                except CellError as exc:
                    problems.append(f"{loc}: {exc}.")
            if sheet == c.Sheet.ACTIONS and row:
                status = str(_current_value(plan, sheet, row_id, ActionCol.STATUS))
                progress = _current_value(plan, sheet, row_id, ActionCol.PROGRESS)
                result = reconcile(status, float(progress or 0), row)  # type: ignore[arg-type]
                row.update({k: v for k, v in result.extra.items() if k not in row})
                notes.extend(f"{row_id}: {n}" for n in result.notes)
                loc = where(
                    sheet, excel_row, ActionCol.STATUS, plan.columns[sheet][ActionCol.STATUS]
                )
                problems.extend(f"{loc}: {p}" for p in result.problems)
            typed.setdefault(sheet, {})[str(row_id)] = row
    if problems:
        raise InvalidValueError(
            "Perubahan tidak disimpan; tidak ada yang ditulis:\n- " + "\n- ".join(problems),
            problems,
        )
    return typed, notes


def _typed(kind: Kind, raw: object) -> object:
    value = read_cell(kind, plain(raw))  # type: ignore[arg-type]
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise CellError(
                f"teks terlalu panjang ({len(value)} karakter, paling banyak {MAX_TEXT})"
            )
        bad = sorted({f"U+{ord(ch):04X}" for ch in value if _illegal(ch)})
        if bad:
            raise CellError(f"teks mengandung karakter kendali yang tidak sah ({', '.join(bad)})")
    return value


def _base_values(path: Path, base_version: str, given: Changes | None, wanted: Values) -> Values:
    """The values the user started from: given by the caller, or read from a backup."""
    if given is not None:
        return {s: {r: dict(cols) for r, cols in rows.items()} for s, rows in given.items()}
    backup = durable.find_backup(path, base_version)
    if backup is None:
        raise ConflictError(
            "Workbook telah diubah orang lain sejak Anda memuatnya, dan versi awal Anda tidak "
            "tersedia untuk dibandingkan. Muat ulang halaman, periksa nilainya, lalu ulangi "
            "perubahan Anda. Tidak ada yang ditulis.",
            [],
        )
    base_plan = load_plan(backup)
    return {
        sheet: {
            row_id: {col: _current_value(base_plan, sheet, row_id, col) for col in cols}
            for row_id, cols in rows.items()
            if row_id in base_plan.rows[sheet]
        }
        for sheet, rows in wanted.items()
    }


def _check_conflicts(current: Plan, wanted: Values, base: Values) -> None:
    conflicts: list[Conflict] = []
    for sheet, rows in wanted.items():
        spec = EDITABLE[sheet]
        for row_id, cols in rows.items():
            for column, mine in cols.items():
                if column not in base.get(sheet, {}).get(row_id, {}):
                    continue  # a value the rule added, not one the user saw
                kind = spec.column(column).kind
                before = base[sheet][row_id][column]
                theirs = _current_value(current, sheet, row_id, column)
                if not same(kind, theirs, before) and not same(kind, theirs, mine):
                    conflicts.append(Conflict(sheet, row_id, column, before, theirs, mine))
    if conflicts:
        listed = "\n- ".join(x.describe() for x in conflicts)
        raise ConflictError(
            "Workbook telah diubah orang lain sejak Anda memuatnya, pada sel yang sama. "
            f"Tidak ada yang ditulis:\n- {listed}\nMuat ulang untuk melihat nilai terbaru.",
            conflicts,
        )


def _cell_changes(current: Plan, wanted: Values) -> list[CellChange]:
    return [
        CellChange(sheet, row_id, column, _current_value(current, sheet, row_id, column), new)
        for sheet, rows in wanted.items()
        for row_id, cols in rows.items()
        for column, new in cols.items()
    ]


def _replace(
    path: Path, old: bytes, new: bytes, current: Plan, todo: list[CellChange], keep: int
) -> Path | None:
    """Back up the old bytes, then swap the new file in atomically (old or new, never half)."""
    old_version = current.version
    writer.verify(path, new, current, todo)
    # Excel does not take our lock: if it opened or saved the file while this save worked,
    # stop now rather than overwrite its work.
    _check_not_held(path)
    if hashlib.sha256(read_bytes(path)).hexdigest() != old_version:
        raise ConflictError(
            "Workbook diubah program lain (mungkin Excel) selama penyimpanan. Tidak ada yang "
            "ditulis; simpan lagi untuk menggabungkan perubahan Anda dengan yang baru.",
            [],
        )
    # Named by the real clock: several saves in one second must not share a name.
    backup = durable.write_backup(path, old, old_version, datetime.now(), keep)
    durable.atomic_write(path, new, clean_stale=True)
    return backup

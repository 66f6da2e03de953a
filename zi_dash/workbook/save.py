"""Writing edits back into the shared workbook: validated, locked, merged, atomic and logged.

Staff also open the workbook in Excel, so a save changes only the edited cells of the file as
it is now (formatting, validations and other sheets stay), never what someone else changed
since the editor loaded it, and never leaves a half-written file behind.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Final

import filelock
from openpyxl.utils import get_column_letter

import zi_dash.workbook.lke_rules as lke_rules
import zi_dash.workbook.merge as merge
import zi_dash.workbook.outside as outside
import zi_dash.workbook.preflight as preflight
import zi_dash.workbook.write as writing
from zi_dash.base import InvalidValueError, Role, WorkbookBusyError, WorkbookError, durable, roles
from zi_dash.base import contract as c
from zi_dash.workbook.cells import as_text, plain
from zi_dash.workbook.package import read_bytes
from zi_dash.workbook.read import (
    Plan,
    load_known,
    load_plan,
    remember_parsed,
    where,
)

Changes = Mapping[str, Mapping[str, Mapping[str, object]]]
Values = dict[str, dict[str, dict[str, object]]]

LOCK_TIMEOUT_S: Final = 20.0
KEEP_BACKUPS: Final = 30
MAX_TEXT: Final = merge.MAX_TEXT
Conflict = merge.Conflict
CellChange = merge.CellChange
log_text = merge.log_text


class ConflictError(WorkbookError):
    """Someone else changed a cell this save would change; both values are in the message."""

    def __init__(self, message: str, conflicts: list[Conflict]) -> None:
        self.conflicts = conflicts
        super().__init__(message, [x.describe() for x in conflicts])


@dataclass(frozen=True)
class SaveResult:
    """What a save did."""

    version: str  # sha256 of the workbook now on disk
    changes: tuple[CellChange, ...]
    notes: tuple[str, ...] = ()  # consistency rules applied, e.g. "Selesai: progres 100 %"
    merged: bool = False  # the file had changed since base_version; those changes were kept
    backup: Path | None = None
    saved_at: datetime = field(default_factory=datetime.now)


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
    role: Role = Role.EDITOR,
) -> SaveResult:
    """Write `changes` ({sheet: {row ID: {column: value}}}) into the workbook, or write nothing.

    `base_version` is the Plan.version the user edited; `base_values` (optional) the values they
    saw. If the file changed since, other cells' changes are kept and a cell changed by both
    raises ConflictError. `role` is what the user's account may write (roles.may_write): a change
    of any other column refuses the whole save. Raises WorkbookError subclasses with
    Indonesian messages.
    """
    path = Path(path)
    user = as_text(user)
    if not user:
        raise WorkbookError("Nama pengguna wajib diisi untuk menyimpan perubahan.")
    _check_shape(changes)
    _check_role(changes, role)
    check_not_held(path)
    with held(path):
        return _save_locked(
            path,
            changes,
            user,
            base_version,
            base_values,
            (now or datetime.now()).replace(microsecond=0),
            keep_backups,
        )


@contextmanager
def held(path: Path) -> Iterator[None]:
    """The workbook's save lock, held; WorkbookBusyError when another save keeps it too long."""
    try:
        # A read-only folder, where not even the lock file can be made, is a WriteError.
        with durable.locked(lock_path(path), LOCK_TIMEOUT_S):
            yield
    except filelock.Timeout as exc:
        raise WorkbookBusyError(
            "Workbook sedang disimpan oleh pengguna lain terlalu lama. Coba simpan lagi "
            "sebentar lagi; perubahan Anda masih ada di layar."
        ) from exc


def editable_values(plan: Plan, sheet: str) -> dict[str, dict[str, object]]:
    """Row ID -> the row's editable cells, as read from the workbook."""
    spec = c.EDITABLE[sheet]
    frame = plan.frame(sheet)
    columns = [col.name for col in spec.columns if col.editable]
    ids = frame[spec.id_column].tolist()
    values = zip(*(frame[col].tolist() for col in columns))
    return {row_id: dict(zip(columns, map(plain, row))) for row_id, row in zip(ids, values)}


def row_outcomes(plan: Plan, changes: Changes, seen: Changes) -> list[merge.RowOutcome]:
    """Each edited row checked, completed by the rules and merged with `plan` (the file now).

    `seen` holds what the user saw ({sheet: {row ID: {column: value}}}); a missing cell counts
    as unchanged since.
    """
    out: list[merge.RowOutcome] = []
    for sheet, rows in changes.items():
        now = editable_values(plan, sheet) if rows else {}
        for row_id, typed in rows.items():
            row_id = str(row_id)
            lacking = _lacking(plan, sheet, row_id, typed)
            if lacking is not None:
                out.append(lacking)
                continue
            if row_id not in now:
                gone = merge.RowOutcome(sheet, row_id)
                gone.problems[c.EDITABLE[sheet].id_column or ""] = (
                    "ID ini tidak ada lagi di workbook (mungkin dihapus atau diganti di Excel)"
                )
                out.append(gone)
                continue
            base = seen.get(sheet, {}).get(row_id, {})
            out.append(merge.plan_row(sheet, row_id, typed, base, now[row_id]))
    return out


def _lacking(
    plan: Plan, sheet: str, row_id: str, typed: Mapping[str, object]
) -> merge.RowOutcome | None:
    """A row refused whole because the workbook lacks its (optional) sheet or a typed column."""
    refused = merge.RowOutcome(sheet, row_id)
    if not plan.has(sheet):
        column = c.EDITABLE[sheet].id_column or ""
        refused.problems[column] = lke_rules.missing(False, sheet)
        return refused
    for column in typed:
        # Its stamps too: a Jawaban TPI header typed in Excel without Diperbarui TPI beside it.
        for needed in (column, *roles.stamps_of(sheet, column)):
            if not plan.has(sheet, needed):
                refused.problems[column] = lke_rules.missing(True, sheet, needed)
                break
    return refused if refused.problems else None


def locate(plan: Plan, sheet: str, row_id: str, column: str) -> str:
    """Where a cell is, as the user and Excel see it: 'Rencana Aksi I.2.1, kolom "Status" (M7)'."""
    row = plan.rows.get(sheet, {}).get(row_id)
    col = plan.columns.get(sheet, {}).get(column, -1)
    cell = f" ({get_column_letter(col + 1)}{row})" if row is not None and col >= 0 else ""
    return f'{merge.row_name(sheet, row_id)}, kolom "{column}"{cell}'


def _raise_problems(plan: Plan, outcomes: list[merge.RowOutcome]) -> None:
    problems = [
        f"{locate(plan, o.sheet, o.row_id, column)}: {why}."
        for o in outcomes
        for column, why in o.problems.items()
    ]
    if problems:
        raise InvalidValueError(
            "Perubahan tidak disimpan; tidak ada yang ditulis:\n- " + "\n- ".join(problems),
            problems,
        )


def _raise_conflicts(outcomes: list[merge.RowOutcome]) -> None:
    conflicts = [x for o in outcomes for x in o.conflicts]
    if conflicts:
        listed = "\n- ".join(x.describe() for x in conflicts)
        raise ConflictError(
            "Workbook telah diubah orang lain sejak Anda memuatnya, dan perubahannya bentrok "
            f"dengan perubahan Anda. Tidak ada yang ditulis:\n- {listed}\n"
            "Perubahan Anda tetap di draf; pilih nilai yang dipakai untuk baris yang bentrok.",
            conflicts,
        )


def _todo(plan: Plan, outcomes: list[merge.RowOutcome]) -> list[CellChange]:
    now: dict[str, dict[str, dict[str, object]]] = {}
    todo: list[CellChange] = []
    for o in outcomes:
        if o.sheet not in now:
            now[o.sheet] = editable_values(plan, o.sheet)
        row = now[o.sheet][o.row_id]
        todo.extend(
            CellChange(o.sheet, o.row_id, col, row[col], new) for col, new in o.changes.items()
        )
    return todo


def _notes(outcomes: list[merge.RowOutcome]) -> list[str]:
    return [f"{o.row_id}: {note}" for o in outcomes for note in o.notes]


def _check_shape(changes: Changes) -> None:
    problems: list[str] = []
    for sheet, rows in changes.items():
        spec = c.EDITABLE.get(sheet)
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


def _check_role(changes: Changes, role: Role) -> None:
    """Refuse (InvalidValueError) changes of columns `role` may not write, naming each cell."""
    if not isinstance(role, Role):  # a mistyped "penilai" must not pass for an editor
        raise TypeError(f"role must be a Role, not {role!r}")
    refused = [
        f'{merge.row_name(sheet, str(row_id))}, kolom "{column}"'
        for sheet, rows in changes.items()
        for row_id, cols in rows.items()
        for column in cols
        if not roles.may_write(role, sheet, column)
    ]
    if not refused:
        return
    tpi = ", ".join(f'"{col}"' for col in sorted(roles.TPI_COLUMNS[c.Sheet.LKE]))
    if role is Role.ASSESSOR:
        why = f"akun penilai (TPI) hanya dapat mengubah kolom {tpi} lembar {c.Sheet.LKE}"
    else:
        why = f"kolom {tpi} lembar {c.Sheet.LKE} hanya dapat diubah akun penilai (TPI)"
    raise InvalidValueError(
        f"Perubahan tidak disimpan; tidak ada yang ditulis: {why}. Ditolak:\n- "
        + "\n- ".join(refused),
        refused,
    )


def check_not_held(path: Path) -> None:
    """Refuse (WorkbookBusyError) a workbook Excel holds, or one that is read-only."""
    holder = preflight.open_by(path)
    if holder is not None:
        owner, lock = holder
        raise WorkbookBusyError(preflight.busy_message(path, owner, lock))
    try:
        read_only = preflight.is_read_only(path)
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
    current = load_known(path, data)  # the page's own parse when the file is as it read it
    merged = current.version != base_version
    seen: Changes = base_values or {}
    if merged and base_values is None:
        seen = _values_from_backup(path, base_version, changes)
    outcomes = row_outcomes(current, changes, seen)
    _raise_problems(current, outcomes)
    _raise_conflicts(outcomes)
    todo = _todo(current, outcomes)
    notes = _notes(outcomes)
    if not todo:
        return SaveResult(current.version, (), tuple(notes), merged, None, now)
    # Cells changed in Excel since the dashboard last wrote the file join Riwayat now, dated
    # when the file was modified, above this save's rows: the log becomes complete.
    earlier = writing.Earlier(
        tuple(outside.found_outside(path, current)), c.OUTSIDE_USER, outside.outside_time(current)
    )
    out = writing.write(path, data, current, todo, user, now, earlier)
    new_version = hashlib.sha256(out).hexdigest()
    backup = _replace(path, data, out, current, todo, keep_backups, len(earlier.changes))
    return SaveResult(new_version, tuple(todo), tuple(notes), merged, backup, now)


def _values_from_backup(path: Path, base_version: str, changes: Changes) -> Changes:
    """The rows the user started from, read from the backup of that version."""
    backup = durable.find_backup(path, base_version)
    if backup is None:
        raise ConflictError(
            "Workbook telah diubah orang lain sejak Anda memuatnya, dan versi awal Anda tidak "
            "tersedia untuk dibandingkan. Muat ulang halaman, periksa nilainya, lalu ulangi "
            "perubahan Anda. Tidak ada yang ditulis.",
            [],
        )
    base_plan = load_plan(backup)
    out: dict[str, dict[str, dict[str, object]]] = {}
    for sheet, rows in changes.items():
        values = editable_values(base_plan, sheet)
        out[sheet] = {str(r): values[str(r)] for r in rows if str(r) in values}
    return out


def _replace(
    path: Path,
    old: bytes,
    new: bytes,
    current: Plan,
    todo: list[CellChange],
    keep: int,
    earlier: int,
) -> Path | None:
    """Back up the old bytes, then swap the new file in atomically (old or new, never half)."""
    written = writing.verify(path, new, current, todo, earlier)
    return swap_in(path, old, new, current.version, written, keep)


def swap_in(
    path: Path, old: bytes, new: bytes, old_version: str, written: Plan, keep: int
) -> Path | None:
    """Back up `old`, swap the verified `new` in atomically; refused if the file changed since."""
    # Excel does not take our lock: if it opened or saved the file while this save worked,
    # stop now rather than overwrite its work.
    check_not_held(path)
    if hashlib.sha256(read_bytes(path)).hexdigest() != old_version:
        raise ConflictError(
            "Workbook diubah program lain (mungkin Excel) selama penyimpanan. Tidak ada yang "
            "ditulis; simpan lagi untuk menggabungkan perubahan Anda dengan yang baru.",
            [],
        )
    # Named by the real clock: several saves in one second must not share a name.
    backup = durable.write_backup(path, old, old_version, datetime.now(), keep)
    # The copy outside edits are found against is staged first and committed after: a save
    # killed in between is still recognised as the dashboard's own (outside.baseline).
    outside.stage(path, new)
    durable.atomic_write(path, new, clean_stale=True)
    outside.commit(path)
    remember_parsed(written)  # the next save and the page's reload need not parse it again
    return backup

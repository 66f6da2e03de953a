"""Writing changed cells into workbook bytes: the in-place XML patch, openpyxl as fallback.

Also the one cell writer for openpyxl workbooks (`put`), shared by the exports: text stays text.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import numpy as np
import openpyxl
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

import zi_dash.workbook.preflight as preflight
import zi_dash.workbook.xlsx_patch as xlsx_patch
from zi_dash.base import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    EDITABLE,
    Kind,
    LogCol,
    WorkbookError,
    fold,
    roles,
)
from zi_dash.base import contract as c
from zi_dash.workbook.cells import is_blank, plain, same
from zi_dash.workbook.formats import is_percent_code
from zi_dash.workbook.merge import CellChange
from zi_dash.workbook.read import Plan, load_plan


class UnsupportedContentError(WorkbookError):
    """Saving would drop parts of the workbook that openpyxl cannot keep."""


@dataclass(frozen=True)
class Earlier:
    """Changes already in the file that Riwayat lacks (made outside the dashboard)."""

    changes: tuple[CellChange, ...] = ()
    user: str = ""
    when: datetime | None = None


def write(
    path: Path,
    data: bytes,
    current: Plan,
    todo: list[CellChange],
    user: str,
    now: datetime,
    earlier: Earlier | None = None,
) -> bytes:
    """The new workbook bytes: the file as it is, with only the changed cells rewritten.

    `earlier` changes are only logged (above this save's rows): their cells already hold them.
    The XML patch keeps every byte it does not change; openpyxl is the fallback for packages
    the patch does not understand, and it refuses when it would drop something.
    """
    earlier = earlier or Earlier()
    writes = _cell_writes(current, todo, user, now, earlier)
    try:
        return xlsx_patch.patch(data, writes)
    except (xlsx_patch.PatchUnsupportedError, zipfile.BadZipFile):
        # Only what the patch says it does not understand: any other error is a bug to see,
        # not a silent change of writer. The fallback is safe: it refuses to drop anything.
        return _write_with_openpyxl(path, data, current, todo, user, now, earlier)


def _cell_writes(
    current: Plan, todo: list[CellChange], user: str, now: datetime, earlier: Earlier
) -> dict[str, list[xlsx_patch.CellWrite]]:
    writes: dict[str, list[xlsx_patch.CellWrite]] = {}
    # A row's unit stamps and its TPI stamps (LKE) are set by changes of their own columns.
    touched: dict[tuple[str, str, tuple[str, str]], None] = {}
    for change in todo:
        columns = current.columns[change.sheet]
        kind = EDITABLE[change.sheet].column(change.column).kind
        row = current.rows[change.sheet][change.row_id]
        writes.setdefault(change.sheet, []).append(
            xlsx_patch.CellWrite(
                row, columns[change.column] + 1, kind, _cell_value(kind, change.new)
            )
        )
        touched[(change.sheet, change.row_id, roles.stamps_of(change.sheet, change.column))] = None
    for sheet, row_id, (updated, updated_by) in touched:
        columns = current.columns[sheet]
        if updated not in columns or updated_by not in columns:
            # Only a change the save derived gets here (Dicek Ulang on a sheet whose TPI
            # columns were typed in Excel without their stamps): a typed one is refused.
            continue
        row = current.rows[sheet][row_id]
        writes[sheet] += [
            xlsx_patch.CellWrite(row, columns[updated] + 1, Kind.DATETIME, now),
            xlsx_patch.CellWrite(row, columns[updated_by] + 1, Kind.TEXT, user),
        ]
    logged = [(ch, earlier.user, earlier.when or now) for ch in earlier.changes]
    logged += [(ch, user, now) for ch in todo]
    writes[c.Sheet.LOG] = log_writes(current, logged)
    return writes


def log_writes(
    current: Plan, logged: list[tuple[CellChange, str, datetime]]
) -> list[xlsx_patch.CellWrite]:
    """Riwayat's new rows below its last one: (change, who, when) each, styled as the last."""
    header, last = current.extents[c.Sheet.LOG]
    template = last if last > header else None
    columns = current.columns[c.Sheet.LOG]
    return [
        xlsx_patch.CellWrite(last + offset, columns[name] + 1, kind, value, template)
        for offset, (change, who, when) in enumerate(logged, start=1)
        for name, kind, value in _log_values(change, who, when)
    ]


def _cell_value(kind: Kind, value: object) -> object:
    if isinstance(value, float) and value.is_integer() and kind in (Kind.PERCENT, Kind.INT):
        return int(value)
    return value


def _log_values(change: CellChange, user: str, now: datetime) -> list[tuple[str, Kind, object]]:
    return [
        (LogCol.TIME, Kind.DATETIME, now),
        (LogCol.USER, Kind.TEXT, user),
        (LogCol.SHEET, Kind.TEXT, change.sheet),
        (LogCol.ID, Kind.TEXT, change.row_id),
        (LogCol.COLUMN, Kind.TEXT, change.column),
        (LogCol.OLD, Kind.TEXT, change.old_text),
        (LogCol.NEW, Kind.TEXT, change.new_text),
    ]


def _write_with_openpyxl(
    path: Path,
    data: bytes,
    current: Plan,
    todo: list[CellChange],
    user: str,
    now: datetime,
    earlier: Earlier,
) -> bytes:
    book = open_whole(path, data)
    apply_writes(book, _cell_writes(current, todo, user, now, earlier))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def open_whole(path: Path, data: bytes) -> Workbook:
    """The workbook in openpyxl; UnsupportedContentError when saving it would lose parts."""
    losses = preflight.silent_losses(data)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        book = openpyxl.load_workbook(io.BytesIO(data), rich_text=True)
    losses += preflight.describe_warnings(caught)
    if losses:
        raise UnsupportedContentError(
            f'Workbook "{path.name}" berisi bagian yang akan hilang bila dasbor menyimpannya: '
            f"{', '.join(losses)}. Tidak ada yang ditulis. Hapus bagian itu di Excel (atau "
            "simpan perubahan langsung di Excel), lalu coba lagi.",
            losses,
        )
    return book


def apply_writes(book: Workbook, writes: dict[str, list[xlsx_patch.CellWrite]]) -> None:
    """Write cells into an openpyxl workbook: new Riwayat rows take the last row's style."""
    sheets = {fold(name): book[name] for name in book.sheetnames}
    for sheet, cells in writes.items():
        ws = sheets[fold(sheet)]
        for write in cells:
            cell = ws.cell(write.row, write.col)
            if write.style_from is not None and not cell.has_style:
                cell._style = ws.cell(write.style_from, write.col)._style  # same border and wrap
            put(cell, write.kind, write.value)
        if sheet == c.Sheet.LOG and ws.auto_filter.ref:
            first, _, _ = ws.auto_filter.ref.partition(":")
            ws.auto_filter.ref = f"{first}:{get_column_letter(ws.max_column)}{ws.max_row}"


def put(cell: Cell, kind: Kind, value: object) -> None:
    """Write a typed value; text always stays text, never a formula, also when Excel edits it."""
    if is_blank(value):
        cell.value = None
        return
    if kind in (Kind.DATE, Kind.DATETIME) and isinstance(value, date):
        unformatted = cell.number_format == "General"  # before openpyxl sets its own on a date
        cell.value = value
        if unformatted:
            cell.number_format = DATE_FORMAT if kind is Kind.DATE else DATETIME_FORMAT
        return
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    # An LKE answer is a number on a Jumlah or survey row (Excel's formulas count it), else text.
    if number and kind in (Kind.PERCENT, Kind.NUMBER, Kind.INT, Kind.ANSWER):
        if kind is Kind.PERCENT and is_percent_code(cell.number_format or ""):
            cell.value = value / 100  # type: ignore[operator]  # shown as value %
            return
        cell.value = int(value) if float(value).is_integer() else value  # type: ignore[arg-type]
        return
    text = str(value)
    cell.value = text
    cell.data_type = "s"  # openpyxl took a leading "=" for a formula; this is text
    if text.startswith(xlsx_patch.FORMULA_START):
        cell.quotePrefix = True


def verify(path: Path, new: bytes, current: Plan, todo: list[CellChange], earlier: int = 0) -> Plan:
    """The new bytes must read back as the old plan plus exactly these changes and log rows.

    `earlier` counts the log rows of outside changes written above this save's rows. Returns
    the plan read back: the new version's, already parsed.
    """
    try:
        written = load_plan(path, new)
    except WorkbookError as exc:
        raise WorkbookError(
            f"Penyimpanan dibatalkan: hasilnya tidak lolos pemeriksaan ({exc}). "
            "Workbook tidak diubah."
        ) from exc
    problem = _difference(current, written, todo, earlier)
    if problem:
        raise WorkbookError(
            "Penyimpanan dibatalkan: hasilnya tidak terbaca kembali seperti seharusnya "
            f"({problem}). Workbook tidak diubah."
        )
    return written


def _difference(current: Plan, written: Plan, todo: list[CellChange], earlier: int = 0) -> str:
    """Where `written` differs from `current` with `todo` applied ('' when it does not)."""
    if len(written.history) != len(current.history) + earlier + len(todo):
        return f"lembar {c.Sheet.LOG}: {len(written.history)} baris"
    for sheet, spec in EDITABLE.items():
        before, after = current.frame(sheet), written.frame(sheet)
        ids = list(before[spec.id_column])
        if ids != list(after[spec.id_column]):
            return f"lembar {sheet}: urutan ID berubah"
        positions = {row_id: i for i, row_id in enumerate(ids)}
        mine = {(ch.row_id, ch.column): ch.new for ch in todo if ch.sheet == sheet}
        stamps = roles.all_stamps(sheet)
        for column in spec.headers:
            if column in stamps:
                continue
            kind = spec.column(column).kind
            expected = list(before[column])
            for (row_id, col), value in mine.items():
                if col == column:
                    expected[positions[row_id]] = value
            got = after[column].to_numpy(dtype=object)
            # Compare whole columns at once; look closer only where they differ (NaN, types).
            for i in np.flatnonzero(np.array(expected, dtype=object) != got):
                if plain(expected[i]) != plain(got[i]) and not same(kind, expected[i], got[i]):
                    return f"{sheet} {ids[i]}, kolom {column}"
    return ""

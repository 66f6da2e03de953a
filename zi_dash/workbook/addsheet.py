"""Adding the LKE sheet to a workbook made before it: one click, under the rules of every save.

The sheet comes from the bank (answers empty), with Rencana Aksi's `Baris LKE` header when the
sheet lacks it. Like `save_changes`: locked, refused if the file changed since the page read it,
checked by reading the result back, backed up, swapped in atomically and logged in Riwayat.
Every other sheet's cells and formats stay (openpyxl rewrites the file, so a workbook holding
what openpyxl would drop is refused, naming it).
"""

from __future__ import annotations

import dataclasses
import io
from datetime import datetime
from pathlib import Path
from typing import Final

from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.workbook.workbook import Workbook

import zi_dash.workbook.outside as outside
import zi_dash.workbook.save as saving
import zi_dash.workbook.write as writing
from zi_dash.base import ActionCol, WorkbookError, fold
from zi_dash.base import contract as c
from zi_dash.lke import bank
from zi_dash.sk import add_lke_sheet_to
from zi_dash.workbook.cells import as_text, is_blank
from zi_dash.workbook.merge import CellChange
from zi_dash.workbook.package import read_bytes
from zi_dash.workbook.read import Plan, load_known, load_plan

# What Riwayat says was added (Nilai Baru of the line; the line names the sheet or column).
SHEET_ADDED: Final = "lembar ditambahkan dari LKE ZI (PermenPANRB 90/2021), jawaban kosong"
COLUMN_ADDED: Final = "kolom ditambahkan (kosong)"


def add_lke_sheet(path: Path, user: str, base_version: str, *, now: datetime | None = None) -> Plan:
    """Add the LKE sheet (and Rencana Aksi's Baris LKE header) to the workbook; the new Plan.

    Refused with a WorkbookError (Indonesian) when the file changed since `base_version`, already
    has the sheet, is held by Excel or would lose content; then nothing is written.
    """
    path = Path(path)
    user = as_text(user)
    if not user:
        raise WorkbookError("Nama pengguna wajib diisi untuk menambahkan lembar LKE.")
    saving.check_not_held(path)
    with saving.held(path):
        return _add_locked(path, user, base_version, (now or datetime.now()).replace(microsecond=0))


def _add_locked(path: Path, user: str, base_version: str, now: datetime) -> Plan:
    data = read_bytes(path)
    current = load_known(path, data)
    if current.has(c.Sheet.LKE):
        raise WorkbookError(
            f'Workbook "{path.name}" sudah punya lembar "{c.Sheet.LKE}"; tidak ada yang ditulis.'
        )
    if current.version != base_version:
        raise saving.ConflictError(
            f'Workbook "{path.name}" telah diubah sejak Anda memuatnya. Lembar "{c.Sheet.LKE}" '
            "tidak ditambahkan; muat ulang halaman, lalu coba lagi.",
            [],
        )
    book = writing.open_whole(path, data)
    add_lke_sheet_to(book)  # last, as the builder places it
    added = [CellChange(c.Sheet.LKE, "", "", None, SHEET_ADDED)]
    if not current.has(c.Sheet.ACTIONS, ActionCol.LKE_ROWS):
        _add_header(book, current)
        added.append(CellChange(c.Sheet.ACTIONS, "", ActionCol.LKE_ROWS, None, COLUMN_ADDED))
    # Cells changed in Excel since the dashboard last wrote the file join Riwayat first, as a
    # save logs them: the copy they are found against becomes this file.
    found = outside.found_outside(path, current)
    logged = [(ch, c.OUTSIDE_USER, outside.outside_time(current)) for ch in found]
    logged += [(ch, user, now) for ch in added]
    writing.apply_writes(book, {c.Sheet.LOG: writing.log_writes(current, logged)})
    buffer = io.BytesIO()
    book.save(buffer)
    new = buffer.getvalue()
    written = _verify(path, new, current, len(logged))
    saving.swap_in(path, data, new, current.version, written, saving.KEEP_BACKUPS)
    return written


def _add_header(book: Workbook, current: Plan) -> None:
    """`Baris LKE` in the first empty column after Rencana Aksi's last, styled as its neighbour."""
    ws = book[next(n for n in book.sheetnames if fold(n) == fold(c.Sheet.ACTIONS))]
    header_row = current.extents[c.Sheet.ACTIONS][0]
    column = ws.max_column + 1
    while column > 1 and is_blank(ws.cell(header_row, column - 1).value):
        column -= 1  # a formatted but empty column is free: the header goes there
    cell = ws.cell(header_row, column)
    cell.value = ActionCol.LKE_ROWS
    if column == 1:
        return
    cell._style = ws.cell(header_row, column - 1)._style
    ws.column_dimensions[cell.column_letter].width = c.ACTIONS.column(ActionCol.LKE_ROWS).width
    if ws.auto_filter.ref:
        first_col, first_row, last_col, last_row = range_boundaries(ws.auto_filter.ref)
        if last_col == column - 1:  # the filter ended at the old last column: it takes the new
            ws.auto_filter.ref = (
                f"{get_column_letter(first_col)}{first_row}:{cell.column_letter}{last_row}"
            )


def _verify(path: Path, new: bytes, current: Plan, logged: int) -> Plan:
    """The new bytes read back: the LKE sheet is the bank's, unanswered; the rest as before."""
    try:
        written = load_plan(path, new)
    except WorkbookError as exc:
        raise WorkbookError(
            f"Lembar LKE tidak ditambahkan: hasilnya tidak lolos pemeriksaan ({exc}). "
            "Workbook tidak diubah."
        ) from exc
    lke = written.frame(c.Sheet.LKE)
    rows = [int(b) for b in lke[c.LkeCol.ROW]]
    if rows != [r.baris for r in bank().rows] or not lke[c.LkeCol.ANSWER].map(is_blank).all():
        raise WorkbookError(
            "Lembar LKE tidak ditambahkan: lembar yang ditulis tidak terbaca kembali sama "
            "dengan LKE ZI. Workbook tidak diubah."
        )
    # Every other sheet reads as before; the LKE frame is the one just checked.
    return writing.verify(path, new, dataclasses.replace(current, lke=lke), [], logged)

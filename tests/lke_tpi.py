"""A test workbook's TPI layer: Jawaban TPI, Catatan TPI and Status Telaah written by Baris."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import openpyxl

from zi_dash.base import LkeCol
from zi_dash.base import contract as c


def set_tpi(
    path: Path,
    answers: Mapping[int, object],
    *,
    review: Mapping[int, str] | None = None,
    notes: Mapping[int, str] | None = None,
) -> Path:
    """Write the TPI's answers (and status, notes) into the LKE sheet's rows by Baris."""
    book = openpyxl.load_workbook(path)
    ws = book[c.Sheet.LKE]
    header = [cell.value for cell in ws[1]]
    col = {name: header.index(name) + 1 for name in header}
    cells = {LkeCol.TPI_ANSWER: answers, LkeCol.REVIEW: review or {}, LkeCol.TPI_NOTES: notes or {}}
    for row in range(2, ws.max_row + 1):
        baris = ws.cell(row, col[LkeCol.ROW]).value
        for name, values in cells.items():
            if baris is not None and int(baris) in values:
                ws.cell(row, col[name]).value = values[int(baris)]
    book.save(path)
    return path

"""The LKE sheet of a plan's workbook: one row per row of the LKE ZI bank, the answers empty.

The bank's columns (Baris to Kriteria) look read-only, as the SK's text does in Rencana Aksi;
the unit fills Jawaban, Catatan and Tautan Bukti, the TPI its own Jawaban TPI, Catatan TPI and
Status Telaah. Each Jawaban (and Jawaban TPI) cell offers what its row allows.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Final

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from zi_dash.base import SOURCE_TEXT_FILL, LkeCol
from zi_dash.base import contract as c
from zi_dash.lke import AnswerType, Row, RowKind, bank
from zi_dash.sk.sheets import bound_rule, fill, list_rule, write_sheet

# The bank's text: the unit reads it, never types over it.
_BANK_COLUMNS: Final = frozenset(
    {
        LkeCol.ROW,
        LkeCol.AREA,
        LkeCol.PART,
        LkeCol.SUB,
        LkeCol.WEIGHT,
        LkeCol.LETTER,
        LkeCol.QUESTION,
        LkeCol.TYPE,
        LkeCol.CRITERIA,
    }
)
_BOLD: Final = Font(bold=True)


def _lke_rows() -> list[list[object]]:
    """The LKE sheet's rows in the contract's column order: the bank's text, answers empty."""
    return [
        [
            {
                LkeCol.ROW: r.baris,
                LkeCol.AREA: r.area,
                LkeCol.PART: r.part,
                LkeCol.SUB: r.sub_name,
                LkeCol.WEIGHT: r.weight,
                LkeCol.LETTER: r.letter,
                LkeCol.QUESTION: r.text,
                LkeCol.TYPE: r.type.value if r.type else "",
                LkeCol.CRITERIA: r.criteria,
            }.get(h)
            for h in c.LKE.headers
        ]
        for r in bank().rows
    ]


def _validation(kind: AnswerType) -> DataValidation:
    """What Excel lets a Jawaban cell of this answer type hold, with its message (Indonesian)."""
    if kind.choices:
        return list_rule(kind.choices, LkeCol.ANSWER, "Jawaban tidak sah")
    if kind is AnswerType.ANGKA:
        return bound_rule(
            "whole", ("0", None), ("Jumlah tidak sah", "Isi bilangan bulat 0 atau lebih.")
        )
    return bound_rule(
        "decimal", ("0", "4"), ("Nilai tidak sah", "Isi nilai 0 sampai 4 (contoh 3,6).")
    )


def _answer_cells(ws: Worksheet, rows: tuple[Row, ...]) -> None:
    """Validations on the answerable Jawaban and Jawaban TPI cells; the others look read-only."""
    letters = [
        get_column_letter(c.LKE.headers.index(column) + 1)
        for column in (LkeCol.ANSWER, LkeCol.TPI_ANSWER)
    ]
    cells: dict[AnswerType, list[str]] = defaultdict(list)
    for excel_row, row in enumerate(rows, start=2):
        for letter in letters:
            if row.answerable and row.type is not None:
                cells[row.type].append(f"{letter}{excel_row}")
            else:
                # A sub-component takes no answer; a % question is computed from its Jumlah rows.
                ws[f"{letter}{excel_row}"].fill = fill(SOURCE_TEXT_FILL)
        if row.kind is RowKind.SUB:
            for cell in ws[excel_row]:
                cell.font = _BOLD
    for kind, refs in cells.items():
        dv = _validation(kind)
        for ref in refs:
            dv.add(ref)
        ws.add_data_validation(dv)


def _review_cells(ws: Worksheet, rows: tuple[Row, ...]) -> None:
    """Status Telaah offers its four values on the question rows (blank reads Belum Ditelaah)."""
    letter = get_column_letter(c.LKE.headers.index(LkeCol.REVIEW) + 1)
    dv = list_rule(c.LKE.allowed[LkeCol.REVIEW], LkeCol.REVIEW, "Status Telaah tidak sah")
    for excel_row, row in enumerate(rows, start=2):
        if row.kind is RowKind.QUESTION:
            dv.add(f"{letter}{excel_row}")
    ws.add_data_validation(dv)


def add_lke_sheet_to(book: Workbook) -> Worksheet:
    """Create the LKE sheet, last in `book`, from the bank: the answers empty."""
    ws = book.create_sheet(c.Sheet.LKE)
    write_sheet(ws, c.LKE, _lke_rows(), grey=_BANK_COLUMNS)
    _answer_cells(ws, bank().rows)
    _review_cells(ws, bank().rows)
    return ws

"""The official LKE Excel units exchange, written from a plan: `Jawaban` and a `Unit` summary.

`Jawaban` keeps the official row numbers (a bank row N is Excel row N, its number in column A)
and the official columns (A–R); every cell is a value, never a formula, and a text that Excel
could read as a number or a date is stored as text ("@"). `Unit` holds the self-assessment's
area scores and verdict, labelled *penilaian mandiri*: never the official score.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping
from typing import Final

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from zi_dash.analysis import Assessment, assess
from zi_dash.base import LkeCol
from zi_dash.base import contract as c
from zi_dash.base.exchange import LkeExcel
from zi_dash.export.lke_score import SELF_ASSESSED
from zi_dash.lke import AnswerType, Row, RowKind, Verdict, bank, parse_answer
from zi_dash.workbook import Plan

X: Final = LkeExcel
# The official columns of `Jawaban`, by their 1-based number (A = 1): the header texts.
COLUMNS: Final[dict[int, str]] = {
    1: X.ROW,
    2: X.TEXT,
    8: X.WEIGHT,
    9: X.CRITERIA,
    10: X.TYPE,
    11: X.ANSWER,
    12: X.NOTES,
    13: X.EVIDENCE,
    14: X.NEW_EVIDENCE,
    15: X.TPI_ANSWER,
    16: X.TPI_VALUE,
    17: X.TPI_PERCENT,
    18: X.TPI_NOTES,
}
TEXT: Final = "@"
NUMBER: Final = "0.00"
PERCENT: Final = "0.00%"
_NUMERIC: Final = (AnswerType.ANGKA, AnswerType.NILAI_0_4)


def text(value: object) -> str:
    """A workbook cell as text: blank (None, NaN) is ""."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def sheet_values(plan: Plan) -> dict[int, dict[str, object]]:
    """Baris -> the LKE sheet's unit (and, when it has them, TPI) cells of that row."""
    frame = plan.frame(c.Sheet.LKE)
    out: dict[int, dict[str, object]] = {}
    wanted = (LkeCol.ANSWER, LkeCol.NOTES, LkeCol.LINKS, LkeCol.TPI_ANSWER, LkeCol.TPI_NOTES)
    columns = [k for k in wanted if k in frame.columns]
    for baris, *cells in zip(frame[LkeCol.ROW].tolist(), *(frame[k].tolist() for k in columns)):
        key = text(baris)
        if key.isascii() and key.isdigit():
            out[int(key)] = dict(zip(columns, cells))
    return out


def answer_cell(row: Row, raw: object) -> tuple[object, str]:
    """The Jawaban Unit cell of `row` for a raw answer, and its number format.

    A choice is written as the bank spells it ("Ya", "B"); a count or survey value as a number;
    an answer that does not fit its row is written as it was typed (text), never dropped.
    """
    if text(raw) == "":
        return None, NUMBER if row.type in _NUMERIC else TEXT
    parsed = parse_answer(row, raw)
    if parsed.problem is not None or parsed.value is None:
        return text(raw), TEXT
    if row.type in _NUMERIC:
        value = parsed.value
        return (int(value) if value.is_integer() else value), NUMBER
    return parsed.shown, TEXT


def _hierarchy(ws: Worksheet, row: Row) -> None:
    """B–G as the official sheet has them: the letter before the text, one level per kind."""
    r = row.baris
    if row.kind is RowKind.SUB:
        ws.cell(r, 6, row.sub_name)
    elif row.kind is RowKind.RESULT:
        ws.cell(r, 4, row.letter)
        ws.cell(r, 5, row.text)
    else:
        if row.letter not in ("", "-"):
            ws.cell(r, 6, f"{row.letter}.")
        ws.cell(r, 7, row.text)


def _put(ws: Worksheet, r: int, col: int, value: object, number_format: str) -> None:
    cell = ws.cell(r, col, value)
    cell.number_format = number_format


def _answers(
    ws: Worksheet, assessment: Assessment, values: Mapping[int, Mapping[str, object]]
) -> None:
    for row in bank().rows:
        r = row.baris
        ws.cell(r, 1, r)
        _hierarchy(ws, row)
        if row.weight is not None:
            _put(ws, r, 8, row.weight, NUMBER)
        _put(ws, r, 9, row.criteria or None, TEXT)
        _put(ws, r, 10, row.type.value if row.type else None, TEXT)
        mine = values.get(r, {})
        if row.type is AnswerType.PERSEN:
            # Not an input: the ratio of its Jumlah rows, as scored (clamped to 0..1).
            q = assessment.score.questions.get(r)
            _put(ws, r, 11, q.value if q is not None and q.answered else None, PERCENT)
        elif row.kind is not RowKind.SUB:
            for col, key in ((11, LkeCol.ANSWER), (15, LkeCol.TPI_ANSWER)):
                _put(ws, r, col, *answer_cell(row, mine.get(key)))
        for col, key in ((12, LkeCol.NOTES), (13, LkeCol.LINKS), (18, LkeCol.TPI_NOTES)):
            _put(ws, r, col, text(mine.get(key)) or None, TEXT)
        _put(ws, r, 14, None, TEXT)


def _verdict(verdict: Verdict) -> str:
    return "Memenuhi" if verdict.met else "Belum memenuhi: " + "; ".join(verdict.short)


def _unit(ws: Worksheet, plan: Plan, assessment: Assessment) -> None:
    s = assessment.score
    ws.append([plan.info.unit])
    ws.append([SELF_ASSESSED])
    ws.append([])
    head = [
        c.AreaCol.AREA,
        c.AreaCol.NAME,
        "Bobot",
        c.PART_FULFILMENT,
        c.PART_REFORM,
        "Nilai",
        "Persen",
    ]
    ws.append(head)
    for a in s.areas.values():
        ws.append([a.area, a.name, a.weight, a.fulfilment, a.reform, a.total, a.percent])
    ws.append([])
    for label, value, out_of in (
        ("Pengungkit", s.pengungkit, 60.0),
        (c.PART_RESULT, s.hasil, 40.0),
        ("Total", s.total, 100.0),
    ):
        ws.append([label, "", out_of, "", "", value])
    ws.append(["Predikat (penilaian mandiri)", s.predicate])
    ws.append(["Syarat WBK", _verdict(s.wbk)])
    ws.append(["Syarat WBBM", _verdict(s.wbbm)])
    for row in ws.iter_rows(min_row=5, min_col=3, max_col=7):
        for cell in row:
            if isinstance(cell.value, float):
                cell.number_format = NUMBER
    ws["A1"].font = ws["A2"].font = Font(bold=True)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 45


def _as_values(ws: Worksheet) -> None:
    """A text that starts with "=" (a note, a unit's name) stays a text: never a formula."""
    for line in ws.iter_rows():
        for cell in line:
            if cell.data_type == "f":
                cell.data_type = "s"


def export_bytes(plan: Plan) -> bytes:
    """The plan's LKE as the official LKE Excel (`Jawaban` and `Unit`), as .xlsx bytes."""
    assessment = assess(plan)
    book = openpyxl.Workbook()
    unit = book.active
    unit.title = X.UNIT
    _unit(unit, plan, assessment)
    ws = book.create_sheet(X.ANSWERS)
    for col, header in COLUMNS.items():
        ws.cell(1, col, header).font = Font(bold=True)
    ws.merge_cells(start_row=1, start_column=2, end_row=1, end_column=7)
    _answers(ws, assessment, sheet_values(plan))
    for letter, width in (("G", 60), ("I", 50), ("L", 30), ("M", 40), ("R", 30)):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=2, min_col=7, max_col=9):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "H2"
    for sheet in (unit, ws):
        _as_values(sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

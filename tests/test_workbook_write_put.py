"""zi_dash.workbook.write.put: the one openpyxl cell writer, shared by the exports (text stays
text, never a formula; numbers as numbers; dates in the contract's format)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.cell import Cell

from zi_dash.base import Kind
from zi_dash.base import contract as c
from zi_dash.workbook import write as writing

K = Kind


def _fresh() -> Cell:
    cell = openpyxl.Workbook().active.cell(1, 1)
    cell.value = "lama"
    return cell


PUT = [
    # kind, value -> value, data type, quote prefix
    (K.TEXT, "biasa", "biasa", "s", False),
    (K.TEXT, "=1+1", "=1+1", "s", True),  # text, never a formula
    (K.TEXT, '=HYPERLINK("http://x")', '=HYPERLINK("http://x")', "s", True),
    (K.TEXT, "+62 283 351234", "+62 283 351234", "s", True),
    (K.TEXT, "-5", "-5", "s", True),
    (K.TEXT, "@SUM(A1)", "@SUM(A1)", "s", True),
    (K.TEXT, "\t=1", "\t=1", "s", True),
    (K.TEXT, "'=1", "'=1", "s", False),
    (K.TEXT, 5, "5", "s", False),  # a number in a text column stays text
    (K.STATUS, c.Status.DONE, c.Status.DONE, "s", False),
    (K.PERCENT, 50.0, 50, "n", False),
    (K.PERCENT, 50.5, 50.5, "n", False),
    (K.INT, 3.0, 3, "n", False),
    (K.NUMBER, 8, 8, "n", False),
    (K.NUMBER, True, "True", "s", False),  # a bool is no number
    (K.DATE, "15/04/2022", "15/04/2022", "s", False),  # only dates are written as dates
    (K.DATE, date(2022, 4, 15), date(2022, 4, 15), "d", False),
    (K.DATETIME, datetime(2022, 4, 15, 10, 30), datetime(2022, 4, 15, 10, 30), "d", False),
    (K.TEXT, None, None, "n", False),
    (K.TEXT, "   ", None, "n", False),
    (K.PERCENT, float("nan"), None, "n", False),
]


@pytest.mark.parametrize(("kind", "value", "expected", "data_type", "quoted"), PUT)
def test_put(kind: Kind, value: object, expected: object, data_type: str, quoted: bool) -> None:
    cell = _fresh()
    writing.put(cell, kind, value)
    assert cell.value == expected and type(cell.value) is type(expected)
    assert cell.data_type == data_type
    assert bool(cell.quotePrefix) is quoted


@pytest.mark.parametrize(
    ("kind", "value"), [(K.DATE, date(2022, 4, 15)), (K.DATETIME, datetime(2022, 4, 15, 10, 30))]
)
def test_put_keeps_the_cells_own_date_format(kind: Kind, value: date) -> None:
    cell = _fresh()
    cell.number_format = "d mmmm yyyy"
    writing.put(cell, kind, value)
    assert cell.number_format == "d mmmm yyyy"


def test_put_text_survives_a_save_and_reload(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    writing.put(book.active.cell(1, 1), K.TEXT, "=cmd|' /C calc'!A0")
    book.save(tmp_path / "t.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "t.xlsx").active.cell(1, 1)
    assert cell.value == "=cmd|' /C calc'!A0" and cell.data_type == "s" and cell.quotePrefix


@pytest.mark.parametrize(
    ("kind", "value", "fmt"),
    [
        (K.DATE, date(2022, 4, 15), c.DATE_FORMAT),
        (K.DATETIME, datetime(2022, 4, 15, 10, 30), c.DATETIME_FORMAT),
    ],
)
def test_put_gives_a_date_in_an_unformatted_cell_the_contract_format(
    kind: Kind, value: date, fmt: str
) -> None:
    cell = openpyxl.Workbook().active.cell(1, 1)
    assert cell.number_format == "General"
    writing.put(cell, kind, value)
    assert cell.number_format == fmt

"""zi_dash.workbook.cells: the dates and date-times Excel users put in a cell (serial numbers,
dates, texts in Indonesian and day-first forms, a line break between date and time), as a
typed value or a reason why not. The other kinds: test_workbook_cells.py.
"""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from zi_dash.workbook import cells
from zi_dash.workbook.cells import CellError

D = date


DATES = [
    (None, None),
    ("", None),
    (datetime(2022, 4, 15), D(2022, 4, 15)),  # from load_plan: "date as Excel date"
    (datetime(2022, 4, 15, 10, 30), D(2022, 4, 15)),
    (D(2022, 4, 15), D(2022, 4, 15)),
    ("15/04/2022", D(2022, 4, 15)),  # from load_plan: "date as d/m/y text"
    (" 15/04/2022 ", D(2022, 4, 15)),
    ("15.04.2022", D(2022, 4, 15)),
    ("2022-04-30", D(2022, 4, 30)),  # from load_plan: "date as ISO text"
    ("2022-04-15T00:00:00", D(2022, 4, 15)),  # what the date pickers send
    ("2022-04-15 00:00", D(2022, 4, 15)),
    ("30 April 2022", D(2022, 4, 30)),  # from load_plan: "date as Indonesian text"
    ("tgl 5 Juni 2022", D(2022, 6, 5)),
    (44666, D(2022, 4, 15)),  # from load_plan: "date as serial number"
    (44666.75, D(2022, 4, 15)),  # the time of a serial is dropped
    (18264, D(1950, 1, 1)),  # first serial taken as a plan date
    (73415, D(2100, 12, 31)),  # last
]


@pytest.mark.parametrize(("value", "expected"), DATES, ids=[repr(d[0]) for d in DATES])
def test_as_date(value: object, expected: date | None) -> None:
    assert cells.as_date(value) == expected  # type: ignore[arg-type]


NOT_DATES = [
    ("kemarin", "'kemarin' bukan tanggal (contoh: 15/04/2022)"),
    ("April 2022", "'April 2022' bukan tanggal (contoh: 15/04/2022)"),  # a month, not a day
    ("1-15 April 2022", "'1-15 April 2022' bukan tanggal (contoh: 15/04/2022)"),
    ("15 April", "'15 April' bukan tanggal (contoh: 15/04/2022)"),  # no year
    ("2022-02-30", "'2022-02-30' bukan tanggal yang ada"),
    ("20220415", "'20220415' bukan tanggal (contoh: 15/04/2022)"),
    (18263, "'18263' bukan tanggal (contoh: 15/04/2022)"),
    (73416, "'73416' bukan tanggal (contoh: 15/04/2022)"),
    (5, "'5' bukan tanggal (contoh: 15/04/2022)"),
    (True, "'True' bukan tanggal (contoh: 15/04/2022)"),
    (time(10, 30), "10:30:00 adalah jam, bukan tanggal"),
]


@pytest.mark.parametrize(("value", "problem"), NOT_DATES, ids=[repr(d[0]) for d in NOT_DATES])
def test_not_a_date(value: object, problem: str) -> None:
    with pytest.raises(CellError) as info:
        cells.as_date(value)  # type: ignore[arg-type]
    assert str(info.value) == problem


DATETIMES = [
    (None, None),
    (datetime(2022, 4, 15, 10, 30), datetime(2022, 4, 15, 10, 30)),
    (D(2022, 4, 15), datetime(2022, 4, 15)),
    (44666, datetime(2022, 4, 15)),
    (44666.4375, datetime(2022, 4, 15, 10, 30)),
    (44666 + 631 / 1440, datetime(2022, 4, 15, 10, 31)),  # no off-by-a-microsecond minute
    ("2022-04-15T10:30", datetime(2022, 4, 15, 10, 30)),
    ("2022-04-15 10:30:15", datetime(2022, 4, 15, 10, 30, 15)),
    ("15/04/2022 10:30", datetime(2022, 4, 15, 10, 30)),
    ("15/04/2022 10.30", datetime(2022, 4, 15, 10, 30)),
    ("15 April 2022 10:30:15", datetime(2022, 4, 15, 10, 30, 15)),
    ("15/04/2022", datetime(2022, 4, 15)),
    ("15/04/2022\n10:30", datetime(2022, 4, 15, 10, 30)),  # Alt+Enter in the cell
    ("15/04/2022\r\n 10:30", datetime(2022, 4, 15, 10, 30)),
    ("2022-04-15\n10:30", datetime(2022, 4, 15, 10, 30)),
]


@pytest.mark.parametrize(("value", "expected"), DATETIMES, ids=[repr(d[0]) for d in DATETIMES])
def test_as_datetime(value: object, expected: datetime | None) -> None:
    assert cells.as_datetime(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("15/04/2022 25:00", "'15/04/2022 25:00' bukan tanggal dan jam"),
        ("15/04/2022 10:75", "'15/04/2022 10:75' bukan tanggal dan jam"),
        ("kemarin 10:30", "'kemarin' bukan tanggal (contoh: 15/04/2022)"),
        (100, "'100' bukan tanggal (contoh: 15/04/2022)"),
        (float("inf"), "'inf' bukan tanggal (contoh: 15/04/2022)"),  # calamine reads 1e309
        ("10:30\n", "'10:30' bukan tanggal (contoh: 15/04/2022)"),
        ("\n10:30 15/04/2022", "'10:30 15/04/2022' bukan tanggal (contoh: 15/04/2022)"),
    ],
)
def test_not_a_datetime(value: object, problem: str) -> None:
    with pytest.raises(CellError) as info:
        cells.as_datetime(value)  # type: ignore[arg-type]
    assert str(info.value) == problem

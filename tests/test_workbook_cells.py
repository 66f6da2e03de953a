"""zi_dash.workbook.cells: what Excel users put in a cell, as a typed value or a reason why not.

The loader reads every cell and the save path checks every value through these functions; the
cases marked "from load_plan" were end-to-end cases of test_workbook_read.py, now tested here.
"""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from zi_dash.base import Kind
from zi_dash.base import contract as c
from zi_dash.workbook import cells
from zi_dash.workbook.cells import CellError, read_cell

K = Kind
NAN = float("nan")
D = date


@pytest.mark.parametrize(
    ("value", "blank"),
    [
        (None, True),
        ("", True),
        ("   ", True),
        ("\t\n", True),
        (NAN, True),
        (0, False),
        (0.0, False),
        ("0", False),
        ("x", False),
        (False, False),
        (D(2022, 4, 15), False),
    ],
)
def test_is_blank(value: object, blank: bool) -> None:
    assert cells.is_blank(value) is blank


@pytest.mark.parametrize(
    ("value", "expected", "kind"),
    [
        (None, None, type(None)),
        (NAN, None, type(None)),
        (pd.NaT, None, type(None)),
        (pd.NA, None, type(None)),
        (np.float64("nan"), None, type(None)),
        (np.int64(3), 3, int),
        (np.float64(2.5), 2.5, float),
        (np.bool_(True), True, bool),
        (pd.Timestamp("2022-04-15 10:30"), datetime(2022, 4, 15, 10, 30), datetime),
        ("teks", "teks", str),
        (D(2022, 4, 15), D(2022, 4, 15), date),
        (7, 7, int),
    ],
)
def test_plain(value: object, expected: object, kind: type) -> None:
    out = cells.plain(value)
    assert out == expected and type(out) is kind


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (NAN, ""),
        ("  x  ", "x"),
        (1998.0, "1998"),  # from load_plan: "person as number"
        (1.5, "1.5"),
        (7, "7"),
        (1e20, "100000000000000000000"),
        (True, "Ya"),
        (False, "Tidak"),
        (D(2022, 4, 15), "15/04/2022"),
        (datetime(2022, 4, 15, 10, 30), "15/04/2022 10:30"),
    ],
)
def test_as_text(value: object, expected: str) -> None:
    assert cells.as_text(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (" ", None),
        (7, 7.0),
        (2.5, 2.5),
        ("50", 50.0),
        ("50,5", 50.5),
        ("50.5", 50.5),
        ("75 %", 75.0),
        ("75%", 75.0),
        (" +3 ", 3.0),
        ("-5", -5.0),
        ("0.750", 0.75),  # a leading zero is no thousands group
        ("1.5", 1.5),
        ("1000", 1000.0),
    ],
)
def test_as_number(value: object, expected: float | None) -> None:
    assert cells.as_number(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("setengah", "'setengah' bukan angka"),
        ("1.234,5", "'1.234,5' bukan angka"),  # no thousands separators
        ("1e3", "'1e3' bukan angka"),
        *[
            (
                text,
                f"{text!r} memakai pemisah ribuan atau desimal yang meragukan: tulis angkanya "
                "tanpa pemisah ribuan (1000) atau dengan koma desimal (1,5)",
            )
            for text in ("1.000", "12,500", "1.000.000", "-2.500", "75.000%")
        ],
        ("%", "'%' bukan angka"),
        (True, "'Ya' bukan angka"),
        (D(2022, 1, 1), "'01/01/2022' bukan angka"),
    ],
)
def test_not_a_number(value: object, problem: str) -> None:
    with pytest.raises(CellError) as info:
        cells.as_number(value)  # type: ignore[arg-type]
    assert str(info.value) == problem


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), (" 1 ", 1), ("3,0", 3), (4.0, 4), (12, 12)],  # " 1 ": from load_plan
)
def test_as_int(value: object, expected: int | None) -> None:
    out = cells.as_int(value)  # type: ignore[arg-type]
    assert out == expected and (out is None or type(out) is int)


def test_as_int_refuses_a_fraction() -> None:
    with pytest.raises(CellError, match=r"^'1\.5' bukan bilangan bulat$"):
        cells.as_int(1.5)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, 0.0),  # from load_plan: "blank progress"
        ("100", 100.0),  # from load_plan: "progress as text"
        ("50,5", 50.5),  # from load_plan: "progress decimal comma"
        ("75 %", 75.0),  # from load_plan: "progress with %"
        (0, 0.0),
        (100, 100.0),
        (33.3, 33.3),
    ],
)
def test_as_percent(value: object, expected: float) -> None:
    assert cells.as_percent(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (150, "nilai 150 di luar rentang 0–100"),
        ("-5", "nilai -5 di luar rentang 0–100"),
        (100.5, "nilai 100.5 di luar rentang 0–100"),
        ("banyak", "'banyak' bukan angka"),
    ],
)
def test_percent_out_of_range(value: object, problem: str) -> None:
    with pytest.raises(CellError) as info:
        cells.as_percent(value)  # type: ignore[arg-type]
    assert str(info.value) == problem


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Selesai", c.Status.DONE),
        ("  selesai ", c.Status.DONE),  # from load_plan: "status spaces and case"
        ("DALAM   PROSES", c.Status.IN_PROGRESS),
        (None, c.Status.NOT_STARTED),  # from load_plan: "blank status"
        ("", c.Status.NOT_STARTED),
    ],
)
def test_action_status(value: object, expected: str) -> None:
    assert read_cell(K.STATUS, value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("TERVERIFIKASI", c.EvidenceStatus.VERIFIED),
        (" ada", c.EvidenceStatus.PRESENT),
        ("perlu perbaikan", c.EvidenceStatus.NEEDS_FIX),
        (None, c.EvidenceStatus.MISSING),
    ],
)
def test_evidence_status(value: object, expected: str) -> None:
    assert read_cell(K.EVIDENCE_STATUS, value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "value", "problem"),
    [
        (
            K.STATUS,
            "Terlambat",  # shown, never stored
            "'Terlambat' tidak ada dalam pilihan: Belum Mulai, Dalam Proses, Selesai",
        ),
        (
            K.STATUS,
            "Sudah",
            "'Sudah' tidak ada dalam pilihan: Belum Mulai, Dalam Proses, Selesai",
        ),
        (
            K.EVIDENCE_STATUS,
            "Lengkap",
            "'Lengkap' tidak ada dalam pilihan: Belum Ada, Ada, Perlu Perbaikan, Terverifikasi",
        ),
    ],
)
def test_a_status_outside_the_list(kind: Kind, value: str, problem: str) -> None:
    with pytest.raises(CellError) as info:
        read_cell(kind, value)
    assert str(info.value) == problem


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("I", "I"),
        (" iii ", "III"),
        ("area i", "I"),  # from load_plan: "area with prefix"
        ("Area  VI", "VI"),
    ],
)
def test_as_area(value: str, expected: str) -> None:
    assert cells.as_area(value) == expected


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("VII", "'VII' bukan kode area (I, II, III, IV, V, VI)"),
        ("1", "'1' bukan kode area (I, II, III, IV, V, VI)"),
        (None, "'' bukan kode area (I, II, III, IV, V, VI)"),
        ("Area", "'Area' bukan kode area (I, II, III, IV, V, VI)"),
    ],
)
def test_not_an_area(value: object, problem: str) -> None:
    with pytest.raises(CellError) as info:
        cells.as_area(value)  # type: ignore[arg-type]
    assert str(info.value) == problem


def test_every_kind_has_a_reader() -> None:
    assert set(cells.READERS) == set(Kind)


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        (K.TEXT, 1998.0, "1998"),
        (K.INT, " 1 ", 1),
        (K.NUMBER, "8", 8.0),
        (K.PERCENT, None, 0.0),
        (K.DATE, 44666, D(2022, 4, 15)),
        (K.DATETIME, "15/04/2022 10:30", datetime(2022, 4, 15, 10, 30)),
        (K.AREA, "area ii", "II"),
        (K.STATUS, None, c.Status.NOT_STARTED),
        (K.EVIDENCE_STATUS, None, c.EvidenceStatus.MISSING),
    ],
)
def test_read_cell_by_kind(kind: Kind, value: object, expected: object) -> None:
    assert read_cell(kind, value) == expected  # type: ignore[arg-type]


def test_a_cell_error_is_a_value_error() -> None:
    assert issubclass(CellError, ValueError)


SAME = [
    (K.PERCENT, "50", 50.0, True),
    (K.PERCENT, np.float64(50), 50, True),
    (K.PERCENT, None, 0, True),  # a blank progress is 0
    (K.PERCENT, "50", 51, False),
    (K.DATE, D(2022, 4, 15), "15/04/2022", True),
    (K.DATE, pd.Timestamp("2022-04-15"), D(2022, 4, 15), True),
    (K.DATE, pd.NaT, None, True),
    (K.DATE, D(2022, 4, 15), D(2022, 4, 16), False),
    (K.TEXT, "Ani", " Ani ", True),
    (K.TEXT, "Ani", "ani", False),
    (K.TEXT, NAN, "", True),
    (K.STATUS, None, c.Status.NOT_STARTED, True),
    (K.STATUS, "selesai", c.Status.DONE, True),
    (K.PERCENT, "banyak", "banyak", False),  # unreadable equals nothing, not even itself
    (K.STATUS, "Sudah", "Sudah", False),
]


@pytest.mark.parametrize(("kind", "a", "b", "expected"), SAME)
def test_same(kind: Kind, a: object, b: object, expected: bool) -> None:
    assert cells.same(kind, a, b) is expected
    assert cells.same(kind, b, a) is expected


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (Kind.TEXT, " Ya "),
        (Kind.PERCENT, "50%"),
        (Kind.DATE, date(2022, 4, 15)),
        (Kind.STATUS, "selesai"),
        (Kind.AREA, "iii"),
        (Kind.TEXT, None),
    ],
)
def test_a_kind_s_reader_is_read_cell(kind: Kind, value: object) -> None:
    """The table loop takes each column's reader once: the same function as read_cell."""
    assert cells.reader(kind)(value) == read_cell(kind, value)  # type: ignore[arg-type]

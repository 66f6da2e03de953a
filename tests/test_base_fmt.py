"""zi_dash.base.fmt: Indonesian numbers (decimal comma, dot for thousands) and dates in words."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from zi_dash.base import contract as c
from zi_dash.base import fmt


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [
        (12.05, 1, "12,1"),
        (1234.5, 1, "1.234,5"),
        (0, 1, "0,0"),
        (7, 1, "7,0"),
        (100, 0, "100"),
        (99.95, 1, "100,0"),
        (1234567.891, 2, "1.234.567,89"),
        (1_000_000, 0, "1.000.000"),
        (-1234.5, 1, "-1.234,5"),
        (0.04, 1, "0,0"),
        (2 / 3, 3, "0,667"),
    ],
)
def test_number(value: float, digits: int, expected: str) -> None:
    assert fmt.number(value, digits) == expected


def test_number_defaults_to_one_digit() -> None:
    assert fmt.number(3.14159) == "3,1"


def test_a_value_that_rounds_to_zero_has_no_sign() -> None:
    assert fmt.number(-0.04) == "0,0"


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [
        (46.666, 1, "46,7%"),
        (100, 1, "100,0%"),
        (0, 1, "0,0%"),
        (33.333, 0, "33%"),
        (12.346, 2, "12,35%"),
        (1500, 1, "1.500,0%"),
    ],
)
def test_pct(value: float, digits: int, expected: str) -> None:
    assert fmt.pct(value, digits) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # Moved from test_schedule_target_readings.py (test_format_date_and_month_names).
        (date(2022, 4, 5), "5 April 2022"),
        (date(2023, 12, 31), "31 Desember 2023"),
        (date(2000, 1, 1), "1 Januari 2000"),
        (date(2024, 2, 29), "29 Februari 2024"),
        (date(2022, 8, 17), "17 Agustus 2022"),
        (datetime(2022, 4, 15, 23, 59), "15 April 2022"),  # the time is not shown
    ],
)
def test_format_date(day: date, expected: str) -> None:
    assert fmt.format_date(day) == expected


def test_month_names() -> None:
    # Moved from test_schedule_target_readings.py (test_format_date_and_month_names).
    assert fmt.MONTHS_ID == (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    )


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_is_written_by_its_name(month: int) -> None:
    assert fmt.format_date(date(2022, month, 9)) == f"9 {fmt.MONTHS_ID[month - 1]} 2022"


@pytest.mark.parametrize(
    ("means", "starts", "words"),
    [
        (fmt.CAPAIAN_MEANS, "Capaian = ", ["rata-rata", c.ActionCol.PROGRESS, c.Status.DONE]),
        (fmt.TERLAMBAT_MEANS, f"{c.Status.LATE}: ", ["tenggat akhir", c.Status.DONE]),
        (fmt.TERTINGGAL_MEANS, f"{c.Status.BEHIND}: ", ["rencana periode", "belum lewat"]),
    ],
    ids=["capaian", "terlambat", "tertinggal"],
)
def test_each_figure_says_what_it_means(means: str, starts: str, words: list[str]) -> None:
    assert means.startswith(starts) and means.endswith(".")
    for word in words:
        assert word in means


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2022, 6, 20, 15, 30), "20 Juni 2022 15.30"),
        (datetime(2026, 1, 5, 8, 5, 59), "5 Januari 2026 08.05"),  # seconds are not shown
    ],
)
def test_format_datetime(moment: datetime, expected: str) -> None:
    assert fmt.format_datetime(moment) == expected

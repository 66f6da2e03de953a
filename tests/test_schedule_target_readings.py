"""zi_dash.schedule.target: readings, interval formatting and effective_target."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import date, datetime

import pytest

from tests.targets import D, days, mon
from zi_dash.schedule import (
    Target,
    effective_target,
    format_interval,
    format_intervals,
    parse_target,
)

READINGS = [
    ("April Minggu ke 3 2022", None, "15–21 April 2022"),
    ("April 2022", None, "April 2022"),
    ("Januari-Desember 2022", None, "Januari–Desember 2022"),
    ("Juni, September, Desember 2022", None, "Juni, September, Desember 2022"),
    ("April minggu ke 4 - Mei minggu ke 2 2022", None, "22 April – 14 Mei 2022"),
    ("Desember 2022 sampai dengan Januari", None, "Desember 2022 – Januari 2023"),
    ("15 Desember 2022 - 10 Januari 2023", None, "15 Desember 2022 – 10 Januari 2023"),
    ("31/03/2022", None, "31 Maret 2022"),
    ("setiap bulan 2022", None, "tiap bulan Januari–Desember 2022"),
    ("Oktober, November, Januari 2023", None, "Oktober, November 2022; Januari 2023"),
    ("minggu ke-1 dan ke-3 Juni 2022", None, "1–7 Juni 2022; 15–21 Juni 2022"),
    ("TW I dan TW III", 2022, "Januari–Maret 2022; Juli–September 2022"),
    ("Minggu ke 5 Februari 2024", None, "29 Februari 2024"),
    (
        "April Minggu ke 3 April 2022, tiap triwulan minggu ke 3,4,5",
        None,
        "15–21 April 2022; 15–30 Juni 2022; 15–30 September 2022; 15–31 Desember 2022",
    ),
    ("kalau", None, "Tidak terbaca"),
]


@pytest.mark.parametrize(("text", "year", "reading"), READINGS, ids=[r[0] for r in READINGS])
def test_reading(text: str, year: int | None, reading: str) -> None:
    assert parse_target(text, year).reading == reading


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2022, 3, 31), D(2022, 3, 31), "31 Maret 2022"),
        (D(2022, 4, 15), D(2022, 4, 21), "15–21 April 2022"),
        (D(2022, 4, 1), D(2022, 4, 30), "April 2022"),
        (D(2022, 1, 1), D(2022, 12, 31), "Januari–Desember 2022"),
        (D(2022, 4, 22), D(2022, 5, 14), "22 April – 14 Mei 2022"),
        (D(2022, 4, 1), D(2022, 5, 14), "1 April – 14 Mei 2022"),
        (D(2022, 12, 1), D(2023, 1, 31), "Desember 2022 – Januari 2023"),
        (D(2022, 12, 15), D(2023, 1, 10), "15 Desember 2022 – 10 Januari 2023"),
        (D(2024, 2, 1), D(2024, 2, 29), "Februari 2024"),
        (D(2022, 2, 1), D(2022, 2, 27), "1–27 Februari 2022"),
    ],
)
def test_format_interval(start: date, end: date, expected: str) -> None:
    assert format_interval(start, end) == expected


def test_format_intervals_groups_whole_months_per_year() -> None:
    assert format_intervals([]) == ""
    ivs = [mon(2022, 6), mon(2022, 9), days(2022, 10, 3), mon(2022, 12), mon(2023, 3)]
    assert (
        format_intervals(ivs) == "Juni, September 2022; 3 Oktober 2022; Desember 2022; Maret 2023"
    )


M = " (tanggal diisi manual)"
EFFECTIVE = [
    # neither override: plain parse
    ("Juni 2022", None, None, None, [mon(2022, 6)], "Juni 2022"),
    ("Juni", None, None, 2022, [mon(2022, 6)], "Juni 2022"),
    # both set
    ("Juni 2022", D(2022, 6, 1), D(2022, 6, 30), None, [mon(2022, 6)], "Juni 2022" + M),
    ("kalau", D(2022, 6, 5), D(2022, 6, 5), None, [days(2022, 6, 5)], "5 Juni 2022" + M),
    (None, D(2022, 6, 1), D(2022, 7, 15), None, [(D(2022, 6, 1), D(2022, 7, 15))], None),
    # only end
    ("Juni 2022", None, D(2022, 6, 20), None, [days(2022, 6, 1, 20)], "1–20 Juni 2022" + M),
    ("Juni 2022", None, D(2022, 5, 20), None, [days(2022, 5, 20)], "20 Mei 2022" + M),
    ("kalau", None, D(2022, 5, 20), None, [days(2022, 5, 20)], None),
    (
        "Juni, September, Desember 2022",
        None,
        D(2022, 10, 15),
        None,
        [(D(2022, 6, 1), D(2022, 10, 15))],
        None,
    ),
    ("Juni", None, D(2022, 6, 20), 2022, [days(2022, 6, 1, 20)], None),
    # only start
    ("Juni 2022", D(2022, 6, 10), None, None, [days(2022, 6, 10, 30)], "10–30 Juni 2022" + M),
    ("Juni 2022", D(2022, 7, 10), None, None, [days(2022, 7, 10)], "10 Juli 2022" + M),
    ("", D(2022, 7, 10), None, None, [days(2022, 7, 10)], None),
    ("Maret dan Juni 2022", D(2022, 4, 1), None, None, [(D(2022, 4, 1), D(2022, 6, 30))], None),
    # datetimes (what pandas hands over) are accepted
    (
        "Juni 2022",
        datetime(2022, 6, 2, 8, 30),
        datetime(2022, 6, 3),
        None,
        [days(2022, 6, 2, 3)],
        None,
    ),
]


@pytest.mark.parametrize(("text", "start", "end", "year", "expected", "reading"), EFFECTIVE)
def test_effective_target(
    text: str | None,
    start: date | None,
    end: date | None,
    year: int | None,
    expected: list[tuple[date, date]],
    reading: str | None,
) -> None:
    t = effective_target(text, start, end, year)
    assert t.recognized
    assert t.intervals == expected
    if reading is not None:
        assert t.reading == reading
    if start is not None or end is not None:
        assert t.reading.endswith(M)


def test_effective_target_start_after_end() -> None:
    t = effective_target("Juni 2022", D(2022, 7, 10), D(2022, 6, 1))
    assert not t.recognized
    assert t.intervals == []
    assert t.problem == "Mulai sesudah Selesai"


def test_effective_target_without_overrides_is_parse_target() -> None:
    assert effective_target("kalau", None, None) == parse_target("kalau")
    assert effective_target("Juni 2022", None, None) == parse_target("Juni 2022")


def test_target_is_immutable_hashable_and_calls_do_not_share_lists() -> None:
    t = parse_target("Juni 2022")
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.text = "x"  # type: ignore[misc]
    assert hash(t) == hash(parse_target("Juni 2022"))
    t.intervals.clear()  # callers should not, but it must not poison the cache
    assert parse_target("Juni 2022").intervals == [mon(2022, 6)]
    assert isinstance(t, Target)


def test_odd_inputs_from_spreadsheets() -> None:
    assert parse_target(float("nan"), 2022).problem == "kosong"  # type: ignore[arg-type]
    assert parse_target("Juni", 2022.0).intervals == [mon(2022, 6)]  # type: ignore[arg-type]
    assert effective_target("Juni 2022", float("nan"), None) == parse_target("Juni 2022")  # type: ignore[arg-type]


def test_module_does_not_import_streamlit() -> None:
    code = "import sys, zi_dash.schedule; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

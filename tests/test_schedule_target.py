"""Tests for zi_dash.schedule: reading free-text target periods into date intervals."""

from __future__ import annotations

from datetime import date

import pytest

from tests.targets import REAL, D, days, mon, months, year
from zi_dash.schedule import (
    parse_target,
)
from zi_dash.schedule import target as target_module

CASES = [(text, None, expected) for text, expected in REAL] + [
    # month + year, abbreviations, old spellings, noise
    ("Bulan Juni 2022", None, [mon(2022, 6)]),
    ("Jan 2022", None, [mon(2022, 1)]),
    ("Feb 2022", None, [mon(2022, 2)]),
    ("Peb 2022", None, [mon(2022, 2)]),
    ("Pebruari 2022", None, [mon(2022, 2)]),
    ("Februari 2024", None, [mon(2024, 2)]),
    ("Mar 2022", None, [mon(2022, 3)]),
    ("Apr 2022", None, [mon(2022, 4)]),
    ("Mei 2022", None, [mon(2022, 5)]),
    ("Jun 2022", None, [mon(2022, 6)]),
    ("Jul 2022", None, [mon(2022, 7)]),
    ("Agu 2022", None, [mon(2022, 8)]),
    ("Agt 2022", None, [mon(2022, 8)]),
    ("Ags 2022", None, [mon(2022, 8)]),
    ("Agust 2022", None, [mon(2022, 8)]),
    ("Agustus 2022", None, [mon(2022, 8)]),
    ("Sep 2022", None, [mon(2022, 9)]),
    ("Sept 2022", None, [mon(2022, 9)]),
    ("Okt 2022", None, [mon(2022, 10)]),
    ("Okt. 2022", None, [mon(2022, 10)]),
    ("Oct 2022", None, [mon(2022, 10)]),
    ("Nov 2022", None, [mon(2022, 11)]),
    ("Nop 2022", None, [mon(2022, 11)]),
    ("Nopember 2022", None, [mon(2022, 11)]),
    ("Des 2022", None, [mon(2022, 12)]),
    ("Dec 2022", None, [mon(2022, 12)]),
    ("  APRIL     2022  ", None, [mon(2022, 4)]),
    ("<b>April</b> 2022", None, [mon(2022, 4)]),
    ("<p>Juni&nbsp;2022</p>", None, [mon(2022, 6)]),
    ("Juni 2022.", None, [mon(2022, 6)]),
    ("Juni", 2023, [mon(2023, 6)]),
    ("Juni 2022", 2030, [mon(2022, 6)]),
    ("Juni tahun 2022", None, [mon(2022, 6)]),
    ("pada bulan Juni 2022", None, [mon(2022, 6)]),
    # weeks of a month
    ("Minggu ke-2 Maret", 2022, [days(2022, 3, 8, 14)]),
    ("Minggu ke - 2 Maret 2022", None, [days(2022, 3, 8, 14)]),
    ("Minggu II Juni 2022", None, [days(2022, 6, 8, 14)]),
    ("Minggu IV Desember 2022", None, [days(2022, 12, 22, 28)]),
    ("minggu pertama April 2022", None, [days(2022, 4, 1, 7)]),
    ("minggu kedua April 2022", None, [days(2022, 4, 8, 14)]),
    ("minggu ketiga April 2022", None, [days(2022, 4, 15, 21)]),
    ("minggu keempat April 2022", None, [days(2022, 4, 22, 28)]),
    ("minggu kelima April 2022", None, [days(2022, 4, 29, 30)]),
    ("minggu terakhir April 2022", None, [days(2022, 4, 29, 30)]),
    ("minggu akhir Februari 2022", None, [days(2022, 2, 22, 28)]),
    ("minggu terakhir Februari 2024", None, [days(2024, 2, 29)]),
    ("Minggu ke 5 Februari 2024", None, [days(2024, 2, 29)]),
    ("Minggu ke-5 Januari 2022", None, [days(2022, 1, 29, 31)]),
    ("Desember minggu ke 5 2022", None, [days(2022, 12, 29, 31)]),
    ("Minggu ke 1-2 Mei 2022", None, [days(2022, 5, 1, 14)]),
    ("Minggu ke 2 - 3 Oktober 2022", None, [days(2022, 10, 8, 21)]),
    ("minggu ke 4 - terakhir Januari 2022", None, [days(2022, 1, 22, 31)]),
    ("minggu ke-1 dan ke-3 Juni 2022", None, [days(2022, 6, 1, 7), days(2022, 6, 15, 21)]),
    ("minggu ke 1, 3 Maret 2022", None, [days(2022, 3, 1, 7), days(2022, 3, 15, 21)]),
    ("minggu ke 1 dan minggu ke 2 Maret 2022", None, [days(2022, 3, 1, 14)]),
    ("April minggu ke 3,4,5 2022", None, [days(2022, 4, 15, 30)]),
    ("minggu ke 3,4,5 April 2022", None, [days(2022, 4, 15, 30)]),
    ("mg 2 Juli 2022", None, [days(2022, 7, 8, 14)]),
    ("Juni 2022 minggu ke 2", None, [days(2022, 6, 8, 14)]),
    ("minggu ke 2 Juni, minggu ke 2 Juli 2022", None, [days(2022, 6, 8, 14), days(2022, 7, 8, 14)]),
    # ranges
    ("Maret s/d Mei 2022", None, [mon(2022, 3, 5)]),
    ("Maret s.d. Mei 2022", None, [mon(2022, 3, 5)]),
    ("Maret s.d Mei 2022", None, [mon(2022, 3, 5)]),
    ("Maret sd Mei 2022", None, [mon(2022, 3, 5)]),
    ("Maret sampai Mei 2022", None, [mon(2022, 3, 5)]),
    ("Maret sampai dengan Mei 2022", None, [mon(2022, 3, 5)]),
    ("Maret hingga Mei 2022", None, [mon(2022, 3, 5)]),
    ("dari Maret sampai Mei 2022", None, [mon(2022, 3, 5)]),
    ("Maret—Mei 2022", None, [mon(2022, 3, 5)]),
    ("Oktober 2022 - Maret 2023", None, [(D(2022, 10, 1), D(2023, 3, 31))]),
    ("November - Februari 2023", None, [(D(2022, 11, 1), D(2023, 2, 28))]),
    ("Mei - April 2022", None, [(D(2021, 5, 1), D(2022, 4, 30))]),  # same chaining rule
    ("Desember 2022 sampai dengan Januari", None, [(D(2022, 12, 1), D(2023, 1, 31))]),
    ("April minggu ke 4 - Mei minggu ke 2 2022", None, [(D(2022, 4, 22), D(2022, 5, 14))]),
    ("minggu ke 4 April - minggu ke 1 Mei 2022", None, [(D(2022, 4, 22), D(2022, 5, 7))]),
    ("1-15 April 2022", None, [days(2022, 4, 1, 15)]),
    ("1 - 15 Mei", 2022, [days(2022, 5, 1, 15)]),
    ("1 April - 15 Mei 2022", None, [(D(2022, 4, 1), D(2022, 5, 15))]),
    ("15 Desember 2022 - 10 Januari 2023", None, [(D(2022, 12, 15), D(2023, 1, 10))]),
    ("15 Desember - 10 Januari 2023", None, [(D(2022, 12, 15), D(2023, 1, 10))]),
    ("Maret - 15 April 2022", None, [(D(2022, 3, 1), D(2022, 4, 15))]),
    ("Januari s.d. Desember", 2022, [year(2022)]),
    ("Januari - Maret", 2023, [mon(2023, 1, 3)]),
    ("2022 - 2023", None, [(D(2022, 1, 1), D(2023, 12, 31))]),
    ("Semester I - Semester II 2022", None, [year(2022)]),
    # lists and year resolution
    ("Maret dan Juni 2022", None, months(2022, 3, 6)),
    ("Juni, September dan Desember 2022", None, months(2022, 6, 9, 12)),
    ("Juni, September, dan Desember 2022", None, months(2022, 6, 9, 12)),
    ("Maret; Juni 2022", None, months(2022, 3, 6)),
    ("Maret & Juni 2022", None, months(2022, 3, 6)),
    ("Maret serta Juni 2022", None, months(2022, 3, 6)),
    ("Oktober, November, Januari 2023", None, [*months(2022, 10, 11), mon(2023, 1)]),
    ("Desember 2022, Januari, Februari", None, [mon(2022, 12), *months(2023, 1, 2)]),
    ("Maret, Juni", 2022, months(2022, 3, 6)),
    ("November, Februari", 2022, [mon(2022, 11), mon(2023, 2)]),
    ("Juni 2022, Juni 2023", None, [mon(2022, 6), mon(2023, 6)]),
    ("Januari-Maret dan Juli-September 2022", None, [mon(2022, 1, 3), mon(2022, 7, 9)]),
    ("1 dan 15 April 2022", None, [days(2022, 4, 1), days(2022, 4, 15)]),
    ("5 Juni, 5 Juli 2022", None, [days(2022, 6, 5), days(2022, 7, 5)]),
    ("Juni 2022\nSeptember 2022", None, months(2022, 6, 9)),
    ("Juni 2022<br>September 2022", None, months(2022, 6, 9)),
    ("Maret 2022, Maret 2022", None, [mon(2022, 3)]),
    ("Januari-Juni 2022, Maret 2022", None, [mon(2022, 1, 6)]),
    # quarters and semesters
    ("Triwulan I 2022", None, [mon(2022, 1, 3)]),
    ("TW II", 2022, [mon(2022, 4, 6)]),
    ("TW-II", 2022, [mon(2022, 4, 6)]),
    ("Q3", 2022, [mon(2022, 7, 9)]),
    ("q3 2022", None, [mon(2022, 7, 9)]),
    ("triwulan ke-4", 2022, [mon(2022, 10, 12)]),
    ("triwulan keempat", 2022, [mon(2022, 10, 12)]),
    ("Kuartal 2 2022", None, [mon(2022, 4, 6)]),
    ("Triwulan 1 tahun 2022", None, [mon(2022, 1, 3)]),
    ("Semester I 2022", None, [mon(2022, 1, 6)]),
    ("Semester 2", 2022, [mon(2022, 7, 12)]),
    ("smt II", 2022, [mon(2022, 7, 12)]),
    ("Triwulan I-II 2022", None, [mon(2022, 1, 6)]),
    ("Triwulan I s.d. Triwulan III", 2022, [mon(2022, 1, 9)]),
    ("TW I dan TW III", 2022, [mon(2022, 1, 3), mon(2022, 7, 9)]),
    ("TW I dan III 2022", None, [mon(2022, 1, 3), mon(2022, 7, 9)]),
    ("TW IV, TW I 2023", None, [mon(2022, 10, 12), mon(2023, 1, 3)]),
    # single dates
    ("31 Maret 2022", None, [days(2022, 3, 31)]),
    ("31 Mar 2022", None, [days(2022, 3, 31)]),
    ("31/03/2022", None, [days(2022, 3, 31)]),
    ("31-03-2022", None, [days(2022, 3, 31)]),
    ("31.03.2022", None, [days(2022, 3, 31)]),
    ("2022-03-31", None, [days(2022, 3, 31)]),
    ("1/4/2022", None, [days(2022, 4, 1)]),
    ("5 Juni", 2022, [days(2022, 6, 5)]),
    ("tanggal 5 Juni 2022", None, [days(2022, 6, 5)]),
    ("tgl. 5 Juni 2022", None, [days(2022, 6, 5)]),
    ("29 Februari 2024", None, [days(2024, 2, 29)]),
    # whole year
    ("Tahun 2022", None, [year(2022)]),
    ("2022", None, [year(2022)]),
    ("thn 2022", None, [year(2022)]),
    ("sepanjang tahun 2022", None, [year(2022)]),
    ("sepanjang tahun", 2022, [year(2022)]),
    ("selama 2022", None, [year(2022)]),
    # recurrence
    ("setiap bulan", 2022, months(2022, *range(1, 13))),
    ("tiap bulan 2022", None, months(2022, *range(1, 13))),
    ("per bulan tahun 2022", None, months(2022, *range(1, 13))),
    ("bulanan", 2022, months(2022, *range(1, 13))),
    ("setiap bulan Januari-Juni 2022", None, months(2022, *range(1, 7))),
    ("setiap bulan Juli - Desember", 2022, months(2022, *range(7, 13))),
    ("setiap triwulan", 2022, months(2022, 3, 6, 9, 12)),
    ("tiap triwulan 2022", None, months(2022, 3, 6, 9, 12)),
    ("per triwulan", 2022, months(2022, 3, 6, 9, 12)),
    ("triwulanan 2022", None, months(2022, 3, 6, 9, 12)),
    ("setiap triwulan Januari-Juni 2022", None, months(2022, 3, 6)),
    ("setiap semester", 2022, months(2022, 6, 12)),
    ("setiap tahun", 2022, [year(2022)]),
    ("setiap minggu", 2022, [year(2022)]),
    ("setiap hari 2022", None, [year(2022)]),
    ("setiap bulan minggu ke-4", 2022, [days(2022, m, 22, 28) for m in range(1, 13)]),
    (
        "setiap bulan minggu ke 5 2022",
        None,
        [days(2022, m, 29, 30 if m in (4, 6, 9, 11) else 31) for m in range(1, 13) if m != 2],
    ),
    (
        "setiap triwulan minggu terakhir 2022",
        None,
        [
            days(2022, 3, 29, 31),
            days(2022, 6, 29, 30),
            days(2022, 9, 29, 30),
            days(2022, 12, 29, 31),
        ],
    ),
    ("setiap minggu ke-2 Januari-Maret 2022", None, [days(2022, m, 8, 14) for m in (1, 2, 3)]),
    ("Januari 2022, setiap bulan", None, months(2022, *range(1, 13))),
    ("Oktober 2022, tiap bulan", None, months(2022, 10, 11, 12)),
    ("Maret 2022, setiap triwulan", None, months(2022, 3, 6, 9, 12)),
    ("April 2022, setiap triwulan", None, months(2022, 4, 6, 9, 12)),
    ("Mei 2022, setiap semester", None, months(2022, 5, 6, 12)),
    ("Juni 2022 dan setiap semester", None, months(2022, 6, 12)),
]


@pytest.mark.parametrize(("text", "year", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_recognized(text: str, year: int | None, expected: list[tuple[date, date]]) -> None:
    t = parse_target(text, year)
    assert t.problem == ""
    assert t.recognized
    assert t.intervals == expected
    assert t.start == expected[0][0]
    assert t.due == expected[-1][1]
    assert t.text == text


NOT_RECOGNIZED = [
    ("kalau", None, "kalau"),
    ("Juni kalau 2022", None, "kalau"),
    ("mulai April 2022", None, "mulai"),
    ("akhir April 2022", None, "akhir"),
    ("awal Mei 2022", None, "awal"),
    ("Juni/Juli 2022", None, "/"),
    ("(Juni 2022)", None, "("),
    ("Juni 2022 (revisi)", None, "("),
    ("minggu ke 2", 2022, "tanpa bulan"),
    ("minggu ke 2 2022", None, "tanpa bulan"),
    ("minggu ke 6 Juni 2022", None, "minggu ke-6"),
    ("minggu ke 0 Juni 2022", None, "minggu ke-0"),
    ("minggu keenam Juni 2022", None, "minggu ke-6"),
    ("minggu ke 3 - 1 April 2022", None, "terbalik"),
    ("Minggu ke 5 Februari 2022", None, "minggu ke-5 tidak ada di Februari 2022"),
    ("Februari minggu ke 5 2022", None, "minggu ke-5 tidak ada di Februari 2022"),
    ("April Minggu ke 1 Mei 2022", None, "Mei"),
    ("31 April 2022", None, "31 April 2022"),
    ("30/02/2022", None, "30 Februari 2022"),
    ("29 Februari 2022", None, "29 Februari 2022"),
    ("32 Januari 2022", None, "32"),
    ("31/13/2022", None, "31/13/2022"),
    ("Triwulan V 2022", None, "triwulan ke-5"),
    ("Q5 2022", None, "triwulan ke-5"),
    ("Triwulan 2022", None, "triwulan"),
    ("Semester 3 2022", None, "semester ke-3"),
    ("smt III 2022", None, "semester ke-3"),
    ("2022-06-10 s/d 2022-06-01", None, "sebelum"),
    ("Mei 2022 - April 2022", None, "sebelum"),
    ("15-1 April 2022", None, "sebelum"),
    ("Juni", None, "tahun tidak disebut"),
    ("setiap bulan", None, "tahun tidak disebut"),
    ("Januari s.d. Desember", None, "tahun tidak disebut"),
    ("", None, "kosong"),
    ("   ", 2022, "kosong"),
    (None, 2022, "kosong"),
    ("<p></p>", 2022, ""),
    ("2022 April", None, "april"),
    ("Juni Juli 2022", None, "juli"),
    ("April -", None, "belum lengkap"),
    ("Januari - Maret - Juni 2022", None, "-"),
    ("setiap", 2022, "setiap"),
    ("setiap 2022", None, "setiap"),
    ("per 31 Maret 2022", None, "per"),
    ("setiap tahun minggu ke 2 2022", None, "minggu"),
    ("Desember 2022, setiap tahun", None, "setiap tahun"),
    ("Desember 2022, setiap bulan", None, "pengulangan"),
    ("setiap bulan setiap triwulan 2022", None, "setiap"),
    ("tahun 3000", None, "3000"),
    ("1 Juni 1800", None, "1800"),
    ("Desember 2100 - Januari", None, "2101"),
    ("April minggu ke 2, 2022", None, "letak tahun"),
    ("II 2022", None, "ii"),
    ("5", 2022, "tanpa bulan"),
    ("5 2022", None, "tanpa bulan"),
    ("5 - Juni 2022", None, "tanpa bulan"),
    ("1. Juni 2022", None, "."),
    ("Juni 2022 ???", None, "?"),
    ("minggu ke tiga Juni 2022", None, "tiga"),
    ("dari", 2022, ""),
    ("Juni dari 2022", None, "dari"),
]


@pytest.mark.parametrize(
    ("text", "year", "fragment"), NOT_RECOGNIZED, ids=[repr(c[0])[:60] for c in NOT_RECOGNIZED]
)
def test_not_recognized(text: str | None, year: int | None, fragment: str) -> None:
    t = parse_target(text, year)
    assert not t.recognized
    assert t.intervals == []
    assert t.start is None and t.due is None
    assert t.reading == "Tidak terbaca"
    assert t.problem
    assert fragment in t.problem


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "kosong"),
        ("kalau", 'kata "kalau" tidak dikenali'),
        ("Februari minggu ke 5 2022", "minggu ke-5 tidak ada di Februari 2022"),
        ("Juni", "tahun tidak disebut"),
        ("31 April 2022", "tanggal 31 April 2022 tidak ada"),
        ("Juni/Juli 2022", 'tanda "/" tidak dikenali'),
        ("minggu ke 2 2022", "minggu ke-2 tanpa bulan"),
        ("minggu terakhir", "minggu terakhir tanpa bulan"),
    ],
)
def test_problem_text(text: str, problem: str) -> None:
    assert parse_target(text).problem == problem


def test_a_bug_in_the_grammar_is_raised_not_shown_as_unreadable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only the grammar's own TargetTextError means "unreadable"; any other error is a bug."""

    def broken(text: str, year: int | None) -> list[object]:
        raise IndexError("a bug in the grammar")

    monkeypatch.setattr(target_module, "_read", broken)
    target_module._parse_cached.cache_clear()
    with pytest.raises(IndexError):
        parse_target("Minggu ke-2 April 2099")
    target_module._parse_cached.cache_clear()  # nothing of the broken reader stays cached

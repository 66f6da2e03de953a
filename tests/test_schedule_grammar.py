"""zi_dash.schedule.grammar: the recursive-descent parser from tokens to period nodes.

Years stay None here when the text leaves them out: filling them in is target.py's job.
"""

from __future__ import annotations

import pytest

from zi_dash.schedule.grammar import Parser
from zi_dash.schedule.tokens import (
    LAST_WEEK,
    BlockNode,
    DayNode,
    Item,
    MonthNode,
    RangeNode,
    RecurNode,
    TargetTextError,
    Tok,
    YearNode,
    tokenize,
)

L = LAST_WEEK


def _parse(text: str) -> list[Item]:
    return Parser(tokenize(text)).parse()


def Month(month: int, year: int | None = None, weeks=None) -> MonthNode:  # noqa: N802
    return MonthNode(year=year, month=month, weeks=weeks)


def Day(day: int, month: int | None, year: int | None = None, raw: str | None = None) -> DayNode:  # noqa: N802
    return DayNode(year=year, day=day, month=month, raw=raw or str(day))


def Block(size: int, index: int, year: int | None = None) -> BlockNode:  # noqa: N802
    return BlockNode(year=year, size=size, index=index)


def Every(unit: str, scope, weeks=None, implicit: bool = False) -> RecurNode:  # noqa: N802
    return RecurNode(unit, weeks, scope, implicit_scope=implicit)


PARSED = [
    # one period
    ("Juni 2022", [Month(6, 2022)]),
    ("Juni", [Month(6)]),
    ("Juni tahun 2022", [Month(6, 2022)]),
    ("2022", [YearNode(2022)]),
    ("Tahun 2022", [YearNode(2022)]),
    ("tahun", [YearNode(None)]),
    ("31/03/2022", [Day(31, 3, 2022, "31/03/2022")]),
    ("2022-03-31", [Day(31, 3, 2022, "2022-03-31")]),
    ("5 Juni", [Day(5, 6)]),
    ("5 Juni 2022", [Day(5, 6, 2022)]),
    ("Triwulan I 2022", [Block(3, 1, 2022)]),
    ("triwulan ke-4", [Block(3, 4)]),
    ("Semester 2", [Block(6, 2)]),
    ("Kuartal kedua", [Block(3, 2)]),
    # weeks, written before or after the month; the SK repeats the month
    ("April Minggu ke 1 April 2022", [Month(4, 2022, ((1, 1),))]),
    ("Juni 2022 minggu ke 2", [Month(6, 2022, ((2, 2),))]),
    ("minggu II Juni", [Month(6, None, ((2, 2),))]),
    ("minggu terakhir April", [Month(4, None, ((L, L),))]),
    ("minggu ke-1 dan ke-3 Juni 2022", [Month(6, 2022, ((1, 1), (3, 3)))]),
    ("minggu ke 1 dan minggu ke 2 Maret", [Month(3, None, ((1, 1), (2, 2)))]),
    ("April minggu ke 3,4,5 2022", [Month(4, 2022, ((3, 3), (4, 4), (5, 5)))]),
    ("minggu ke 1-2 Mei", [Month(5, None, ((1, 2),))]),
    ("minggu ke 4 - terakhir Januari", [Month(1, None, ((4, L),))]),
    # ranges and lists
    ("Maret s/d Mei 2022", [RangeNode(Month(3), Month(5, 2022))]),
    ("1-15 April 2022", [RangeNode(Day(1, None), Day(15, 4, 2022))]),
    ("2022 - 2023", [RangeNode(YearNode(2022), YearNode(2023))]),
    ("Maret dan Juni 2022", [Month(3), Month(6, 2022)]),
    ("1 dan 15 April 2022", [Day(1, None), Day(15, 4, 2022)]),
    # after "April minggu ke 2," a "3 Mei" is a date, not week 3
    ("April minggu ke 2, 3 Mei 2022", [Month(4, None, ((2, 2),)), Day(3, 5, 2022)]),
    ("April minggu ke 2, 3 2022", [Month(4, 2022, ((2, 2), (3, 3)))]),
    # "TW I dan III": the second quarter borrows the first's "TW"
    ("TW I dan III 2022", [Block(3, 1), Block(3, 3, 2022)]),
    ("Semester I dan 2", [Block(6, 1), Block(6, 2)]),
    # recurrences
    ("setiap bulan", [Every("month", YearNode(), implicit=True)]),
    ("bulanan", [Every("month", YearNode(), implicit=True)]),
    ("triwulanan 2022", [Every("quarter", YearNode(2022))]),
    ("setiap semester", [Every("semester", YearNode(), implicit=True)]),
    ("setiap tahun", [Every("year", YearNode(), implicit=True)]),
    ("setiap minggu", [Every("continuous", YearNode(), implicit=True)]),
    ("setiap hari 2022", [Every("continuous", YearNode(2022))]),
    ("setiap bulan minggu ke-4", [Every("month", YearNode(), ((4, 4),), implicit=True)]),
    ("setiap triwulan minggu terakhir 2022", [Every("quarter", YearNode(2022), ((L, L),))]),
    (
        "setiap minggu ke-2 Januari-Maret 2022",
        [Every("month", RangeNode(Month(1), Month(3, 2022)), ((2, 2),))],
    ),
    ("Januari 2022, setiap bulan", [Month(1, 2022), Every("month", YearNode(), implicit=True)]),
]


@pytest.mark.parametrize(("text", "expected"), PARSED, ids=[p[0] for p in PARSED])
def test_parse(text: str, expected: list[Item]) -> None:
    assert _parse(text) == expected


REFUSED = [
    ("setiap", 'kata "setiap" harus diikuti bulan, triwulan, semester atau tahun'),
    ("setiap 2022", 'kata "setiap" harus diikuti bulan, triwulan, semester atau tahun'),
    (
        "setiap tahun minggu ke 2",
        "minggu ke-… hanya bisa dipakai dengan setiap bulan/triwulan/semester",
    ),
    ("setiap bulan setiap triwulan", 'kata "setiap" tidak dipahami di sini'),
    ("April Minggu ke 1 Mei 2022", "bulan April dan Mei tercampur dalam satu bagian"),
    ("minggu ke 2", "minggu ke-2 tanpa bulan"),
    ("minggu terakhir", "minggu terakhir tanpa bulan"),
    ("minggu ke 6 Juni", "minggu ke-6 tidak ada"),
    ("minggu ke 0 Juni", "minggu ke-0 tidak ada"),
    ("minggu ke 3 - 1 April", "rentang minggu ke-3 sampai ke-1 terbalik"),
    ("minggu ke terakhir Juni", "nomor minggu tidak disebut"),
    ("minggu Juni", "nomor minggu tidak disebut"),
    ("Triwulan V", "triwulan ke-5 tidak ada"),
    ("Semester 3", "semester ke-3 tidak ada"),
    ("Triwulan 2022", "nomor triwulan tidak disebut"),
    ("triwulan ke", "nomor triwulan tidak disebut"),
    ("32 Januari", "tanggal 32 tidak ada"),
    ("0 Januari", "tanggal 0 tidak ada"),
    ("31/13/2022", 'tanggal "31/13/2022" tidak ada'),
    ("5", 'angka "5" tanpa bulan'),
    ("5 2022", 'angka "5" tanpa bulan'),
    ("April -", "teks berhenti di tengah: ada bagian yang belum lengkap"),
    ("Juni Juli", 'kata "juli" tidak dipahami di sini'),
    ("2022 April", 'kata "april" tidak dipahami di sini'),
    ("II 2022", 'kata "ii" tidak dipahami di sini'),
    ("Juni 2022 2023", 'angka "2023" tidak dipahami di sini'),
    ("Juni - Juli - Agustus", 'tanda "-" tidak dipahami di sini'),
]


@pytest.mark.parametrize(("text", "problem"), REFUSED, ids=[r[0] for r in REFUSED])
def test_refused(text: str, problem: str) -> None:
    with pytest.raises(TargetTextError) as info:
        _parse(text)
    assert info.value.problem == problem


def test_the_parser_reads_tokens_one_by_one() -> None:
    parser = Parser([Tok("MONTH", 6, "juni"), Tok("YEAR", 2022, "2022")])
    assert (parser.kind(), parser.kind(1), parser.kind(2)) == ("MONTH", "YEAR", "END")
    assert parser.peek(2) is None
    assert parser.take() == Tok("MONTH", 6, "juni") and parser.kind() == "YEAR"
    parser.take()
    with pytest.raises(TargetTextError, match="teks berhenti di tengah"):
        parser.take()


def test_an_empty_token_list_is_incomplete() -> None:
    with pytest.raises(TargetTextError, match="belum lengkap"):
        Parser([]).parse()

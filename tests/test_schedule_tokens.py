"""zi_dash.schedule.tokens: normalising the text, the tokens it becomes, the words refused."""

from __future__ import annotations

import pytest

from zi_dash.schedule.tokens import (
    LAST_WEEK,
    BlockNode,
    DayNode,
    MonthNode,
    Period,
    TargetTextError,
    Tok,
    YearNode,
    normalize,
    tokenize,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("April 2022", "april 2022"),
        ("Maret s/d Mei", "maret  sd  mei"),
        ("Maret s.d. Mei", "maret  sd  mei"),
        ("Maret S / D Mei", "maret  sd  mei"),
        ("sampai dengan", " sampai "),
        ("hingga dgn", " hingga "),
        ("ke-3", "ke 3"),
        ("ke - 3", "ke 3"),
        ("TW-II", "tw ii"),
        ("Minggu-2", "minggu 2"),
        ("Semester - 1", "semester 1"),
        ("Maret—Mei", "maret-mei"),  # em dash
        ("Maret–Mei", "maret-mei"),  # en dash
        ("Maret\u2212Mei", "maret-mei"),  # minus sign
        ("Juni<br/>Juli", "juni ; juli"),
        ("Juni<BR>Juli", "juni ; juli"),
        ("<p>Juni</p><p>Juli</p>", " juni ;  juli ; "),
        ("<b>Juni</b>", " juni "),
        ("Juni&nbsp;2022", "juni\xa02022"),
        ("&AMP;", "&"),
        ("Juni\r\nJuli", "juni ; juli"),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


def _kinds(text: str) -> list[tuple[object, ...]]:
    return [(t.kind, t.value, t.raw) + ((t.ymd,) if t.ymd else ()) for t in tokenize(text)]


TOKENS = [
    ("Juni 2022", [("MONTH", 6, "juni"), ("YEAR", 2022, "2022")]),
    ("Peb 2022", [("MONTH", 2, "peb"), ("YEAR", 2022, "2022")]),
    ("Okt. 2022", [("MONTH", 10, "okt"), ("YEAR", 2022, "2022")]),  # dot after an abbreviation
    ("Juni 2022.", [("MONTH", 6, "juni"), ("YEAR", 2022, "2022")]),  # dot at the end
    (
        "April Minggu ke 1 April 2022",
        [
            ("MONTH", 4, "april"),
            ("WEEK", 0, "minggu"),
            ("KE", 0, "ke"),
            ("NUM", 1, "1"),
            ("MONTH", 4, "april"),
            ("YEAR", 2022, "2022"),
        ],
    ),
    ("minggu terakhir", [("WEEK", 0, "minggu"), ("LAST", LAST_WEEK, "terakhir")]),
    ("mg ketiga", [("WEEK", 0, "mg"), ("ORD", 3, "ketiga")]),
    ("TW-II", [("BLOCK", 3, "tw"), ("ROMAN", 2, "ii")]),
    ("smt 1", [("BLOCK", 6, "smt"), ("NUM", 1, "1")]),
    ("Maret s/d Mei", [("MONTH", 3, "maret"), ("RANGE", 0, "sd"), ("MONTH", 5, "mei")]),
    ("Maret—Mei", [("MONTH", 3, "maret"), ("RANGE", 0, "-"), ("MONTH", 5, "mei")]),
    (
        "1-15 April",
        [("NUM", 1, "1"), ("RANGE", 0, "-"), ("NUM", 15, "15"), ("MONTH", 4, "april")],
    ),
    ("31/03/2022", [("DATE", 0, "31/03/2022", (2022, 3, 31))]),
    ("31.03.2022", [("DATE", 0, "31.03.2022", (2022, 3, 31))]),
    ("1-4-2022", [("DATE", 0, "1-4-2022", (2022, 4, 1))]),
    ("2022-3-31", [("DATE", 0, "2022-3-31", (2022, 3, 31))]),
    ("31/13/2022", [("DATE", 0, "31/13/2022", (2022, 13, 31))]),  # the grammar refuses it
    ("20220415", [("NUM", 20220415, "20220415")]),  # only four digits make a year
    # filler words go; "bulan" only counts after "setiap"
    ("tanggal 5 Juni", [("NUM", 5, "5"), ("MONTH", 6, "juni")]),
    ("pada bulan Juni", [("MONTH", 6, "juni")]),
    ("setiap bulan", [("EVERY", 0, "setiap"), ("BULAN", 0, "bulan")]),
    ("tiap triwulan", [("EVERY", 0, "tiap"), ("BLOCK", 3, "triwulan")]),
    ("bulanan", [("RECUR", 0, "bulanan")]),
    ("harian", [("RECUR", 4, "harian")]),
    ("dari Maret", [("MONTH", 3, "maret")]),
    ("sepanjang tahun", [("TAHUN", 0, "tahun")]),
    ("selama 2022", [("YEAR", 2022, "2022")]),
    # separators: leading, doubled and trailing ones go
    (", , Juni ,", [("MONTH", 6, "juni")]),
    ("Juni dan, Juli", [("MONTH", 6, "juni"), ("SEP", 0, "dan"), ("MONTH", 7, "juli")]),
    ("Juni & Juli", [("MONTH", 6, "juni"), ("SEP", 0, "&"), ("MONTH", 7, "juli")]),
    ("Juni<br>Juli", [("MONTH", 6, "juni"), ("SEP", 0, ";"), ("MONTH", 7, "juli")]),
    ("", []),
    ("&AMP;", []),
]


@pytest.mark.parametrize(("text", "expected"), TOKENS, ids=[repr(t[0]) for t in TOKENS])
def test_tokenize(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _kinds(text) == expected


REFUSED = [
    ("kalau", 'kata "kalau" tidak dikenali'),
    ("Juni kalau 2022", 'kata "kalau" tidak dikenali'),
    ("Juni/Juli", 'tanda "/" tidak dikenali'),
    ("(Juni 2022)", 'tanda "(" tidak dikenali'),
    ("Juni 2022 ?", 'tanda "?" tidak dikenali'),
    ("1. Juni", 'tanda "." tidak dikenali'),  # a dot after a number may be a broken date
    ("Juni dari 2022", 'kata "dari" tidak dipahami di sini'),
    ("sepanjang Juni", 'kata "sepanjang" tidak dipahami di sini'),
    ("selama", 'kata "selama" tidak dipahami di sini'),
    ("minggu ke tiga", 'kata "tiga" tidak dikenali'),
]


@pytest.mark.parametrize(("text", "problem"), REFUSED, ids=[r[0] for r in REFUSED])
def test_words_and_signs_that_are_refused(text: str, problem: str) -> None:
    with pytest.raises(TargetTextError) as info:
        tokenize(text)
    assert info.value.problem == problem == str(info.value)


def test_a_token_is_a_small_named_tuple() -> None:
    tok = Tok("MONTH", 4, "april")
    assert tok.ymd is None and tok == ("MONTH", 4, "april", None)


@pytest.mark.parametrize(
    ("node", "key"),
    [
        (Period(), 1),
        (YearNode(2022), 1),
        (DayNode(day=15, month=4), 4),
        (DayNode(day=15, month=None), 1),  # "1-15 April": the month comes from the right
        (MonthNode(month=9), 9),
        (BlockNode(size=3, index=1), 1),
        (BlockNode(size=3, index=4), 10),
        (BlockNode(size=6, index=2), 7),
    ],
)
def test_the_month_each_period_is_ordered_by(node: Period, key: int) -> None:
    assert node.key() == key

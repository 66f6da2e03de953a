"""zi_dash.base.text: tidy (SK text without tags or stray spaces) and fold (comparison keys)."""

from __future__ import annotations

import pytest

from zi_dash.base import fold, tidy, tidy_lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, ""),
        ("", ""),
        ("Laporan", "Laporan"),
        ("  a   b  ", "a b"),
        ("a\n\tb\r\nc", "a b c"),
        ("<b>Bold</b> text", "Bold text"),
        ("a<br>b", "a b"),
        ("a<br/>b", "a b"),
        ("<p>Dokumen</p><p>Laporan</p>", "Dokumen Laporan"),
        ("&amp; &lt;x&gt;", "& <x>"),  # entities come back as text, not as tags
        ("Nilai &gt; 5", "Nilai > 5"),
        ("a<b", "a<b"),  # not a tag: kept
        ("&nbsp;", ""),
        ("a&nbsp;&nbsp;b", "a b"),
        ("x ,y ; z .", "x,y; z."),
        ("SK : 5/2022", "SK: 5/2022"),
        ("( a )", "(a)"),
        ("Rp 5 ( lima )", "Rp 5 (lima)"),
        ("a - b", "a - b"),  # dashes keep their spaces
        ("Bukti , dan", "Bukti, dan"),
        (5, "5"),
        (1.5, "1.5"),
    ],
)
def test_tidy(text: object, expected: str) -> None:
    assert tidy(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, ""),
        ("a\n\tb\r\nc", "a\nb\nc"),
        (
            "Uraian:  rapat\nOutput: SK\n\n  \nDokumen: ND ",
            "Uraian: rapat\nOutput: SK\nDokumen: ND",
        ),
        ("\r\nsatu\rdua\n", "satu\ndua"),
        ("<b>a</b>  b", "a b"),
    ],
)
def test_tidy_lines_keeps_a_cells_own_line_breaks(text: object, expected: str) -> None:
    assert tidy_lines(text) == expected
    assert tidy(tidy_lines(text)) == tidy(text)  # the same words, in the same order


@pytest.mark.parametrize(
    "text", ["  a   b  ", "<i>x</i> ( y )", "a &amp; b", "Laporan ,dan", "&nbsp;x&nbsp;"]
)
def test_tidy_is_idempotent(text: str) -> None:
    once = tidy(text)
    assert tidy(once) == once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selesai", "selesai"),
        ("  Selesai ", "selesai"),
        ("DALAM   PROSES", "dalam proses"),
        ("a\tb\nc", "a b c"),
        ("Straße", "strasse"),  # casefold, not lower
        ("ÄRA", "ära"),
        (2022, "2022"),
        ("", ""),
    ],
)
def test_fold(text: object, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Rencana Aksi", "rencana  aksi", True),
        (" Bukti", "BUKTI ", True),
        ("Status Bukti", "StatusBukti", False),  # spaces between words still count
        ("Area", "Area I", False),
    ],
)
def test_fold_compares_what_excel_users_type(a: str, b: str, same: bool) -> None:
    assert (fold(a) == fold(b)) is same

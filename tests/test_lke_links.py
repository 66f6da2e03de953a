"""The `Baris LKE` text (LKE question rows an action supports) and the SK components as LKE rows."""

from __future__ import annotations

import pytest

from zi_dash.lke import (
    LinkError,
    format_rows,
    parse_rows,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ()),
        ("   \n\t ", ()),
        ("18", (18,)),
        ("18, 20", (18, 20)),
        ("20, 18", (20, 18)),  # typed order kept
        ("[18] [20]", (18, 20)),
        ("[18][20]", (18, 20)),
        ("18; 20", (18, 20)),
        ("18\n20\r\n6", (18, 20, 6)),
        (" 18 ,, 20 ;", (18, 20)),
        ("125", (125,)),  # a % question is a question
        ("6 7 9", (6, 7, 9)),
    ],
)
def test_parse_rows(text: str, expected: tuple[int, ...]) -> None:
    assert parse_rows(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", 'Baris LKE "abc" bukan nomor baris; tulis nomor baris pertanyaan LKE'),
        ("18, x1", 'Baris LKE "x1" bukan nomor baris'),
        ("-5", 'Baris LKE "-5" bukan nomor baris'),
        ("18.0", 'Baris LKE "18.0" bukan nomor baris'),
        ("[18", 'Baris LKE "[18" bukan nomor baris'),
        ("[]", 'Baris LKE "[]" bukan nomor baris'),
        ("١٨", 'Baris LKE "١٨" bukan nomor baris'),  # Arabic-Indic digits are not taken as 18
        ("21", 'Baris LKE "21" tidak ada dalam LKE'),
        ("0", 'Baris LKE "0" tidak ada dalam LKE'),
        ("203", 'Baris LKE "203" tidak ada dalam LKE'),
        ("99999999999999999999", '"99999999999999999999" tidak ada dalam LKE'),
        (
            "5",
            'Baris LKE "5" adalah subkomponen "Penyusunan Tim Kerja", bukan pertanyaan; '
            "pilih pertanyaannya: 6, 7.",
        ),
        ("[16]", 'Baris LKE "[16]" adalah subkomponen "Perubahan pola pikir dan budaya kerja"'),
        (
            "126",
            'Baris LKE "126" adalah isian jumlah ("Jumlah Agen Perubahan") untuk pertanyaan '
            "persentase baris 125; tulis 125.",
        ),
        ("199", 'Baris LKE "199" adalah komponen hasil ("Nilai Survey Persepsi Korupsi'),
        ("18, 20, 18", "Baris LKE 18 ditulis dua kali; tulis sekali saja."),
        ("18 [18]", "Baris LKE 18 ditulis dua kali"),
    ],
)
def test_parse_rows_refuses(text: str, message: str) -> None:
    with pytest.raises(LinkError) as caught:
        parse_rows(text)
    assert message in str(caught.value)


def test_parse_rows_names_every_wrong_part() -> None:
    with pytest.raises(LinkError) as caught:
        parse_rows("abc, 18, 5, 21")
    problems = caught.value.problems
    assert len(problems) == 3
    assert ['"abc"' in problems[0], '"5"' in problems[1], '"21"' in problems[2]] == [True] * 3


def test_link_error_is_a_value_error() -> None:
    assert issubclass(LinkError, ValueError)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [((18, 20), "18, 20"), ((), ""), ((125,), "125"), ([20, 18], "20, 18")],
)
def test_format_rows(rows: tuple[int, ...], expected: str) -> None:
    assert format_rows(rows) == expected


@pytest.mark.parametrize("text", ["18", "18, 20", "[18] [20]", "20; 6\n7"])
def test_format_rows_round_trips(text: str) -> None:
    rows = parse_rows(text)
    assert parse_rows(format_rows(rows)) == rows

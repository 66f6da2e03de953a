"""Reading one LKE answer cell: accepted spellings, canonical text, and refusals that say why."""

from __future__ import annotations

import math

import pytest

from zi_dash.lke import allowed_text, bank, parse_answer

# rows of each type: 6 Ya/Tidak, 7 A/B/C, 13 A/B/C/D, 200 A–E, 126 Jumlah, 199 Nilai (0-4), 125 %


@pytest.mark.parametrize(
    ("baris", "raw", "value", "shown"),
    [
        (6, "Ya", 1.0, "Ya"),
        (6, "ya", 1.0, "Ya"),
        (6, "YA", 1.0, "Ya"),
        (6, " Tidak ", 0.0, "Tidak"),
        (6, "tidak", 0.0, "Tidak"),
        (7, "a", 1.0, "A"),
        (7, "B", 0.5, "B"),
        (7, "b.", 0.5, "B"),
        (7, "C", 0.0, "C"),
        (13, "b", 0.67, "B"),
        (13, "c", 0.33, "C"),
        (13, "D", 0.0, "D"),
        (200, "b", 0.75, "B"),
        (200, "e.", 0.0, "E"),
        (126, 12.0, 12.0, "12"),
        (126, 12, 12.0, "12"),
        (126, "12", 12.0, "12"),
        (126, 0, 0.0, "0"),
        (126, " 007 ", 7.0, "7"),
        (199, "3,6", 3.6, "3,6"),
        (199, "3.6", 3.6, "3,6"),
        (199, 3.6, 3.6, "3,6"),
        (199, 4, 4.0, "4"),
        (199, "0", 0.0, "0"),
        (199, 3.5999999, 3.5999999, "3,5999999"),  # never rounded
        (202, "3,25", 3.25, "3,25"),
    ],
)
def test_accepted(baris: int, raw: object, value: float, shown: str) -> None:
    parsed = parse_answer(bank().row(baris), raw)
    assert (parsed.value, parsed.shown, parsed.problem) == (value, shown, None)


@pytest.mark.parametrize("baris", [6, 7, 126, 199, 125, 5])
@pytest.mark.parametrize("raw", [None, "", "   ", math.nan])
def test_blank(baris: int, raw: object) -> None:
    parsed = parse_answer(bank().row(baris), raw)
    assert (parsed.value, parsed.shown, parsed.problem) == (None, "", None)


@pytest.mark.parametrize(
    ("baris", "raw", "says"),
    [
        (6, "ya kak", 'Jawaban "ya kak" tidak dikenali; yang boleh: Ya atau Tidak.'),
        (6, "Y", 'Jawaban "Y" tidak dikenali; yang boleh: Ya atau Tidak.'),
        (6, 1.0, 'Jawaban "1" tidak dikenali; yang boleh: Ya atau Tidak.'),
        (7, "D", 'Jawaban "D" tidak dikenali; yang boleh: A, B atau C.'),
        (7, "ab", 'Jawaban "ab" tidak dikenali; yang boleh: A, B atau C.'),
        (7, "Ya", 'Jawaban "Ya" tidak dikenali; yang boleh: A, B atau C.'),
        (13, "E", 'Jawaban "E" tidak dikenali; yang boleh: A, B, C atau D.'),
        (200, "f", 'Jawaban "f" tidak dikenali; yang boleh: A, B, C, D atau E.'),
        (126, "1.000", "meragukan"),
        (126, "1,000", "meragukan"),
        (126, "-3", 'Jawaban "-3" negatif; yang boleh: bilangan bulat 0 atau lebih.'),
        (126, -3.0, "negatif"),
        (126, 2.5, 'Jawaban "2,5" bukan bilangan bulat'),
        (126, "2,5", "bukan bilangan bulat"),
        (126, "12 orang", 'Jawaban "12 orang" tidak dikenali'),
        (126, True, "tidak dikenali"),
        (126, math.inf, "tidak dikenali"),
        (199, 4.5, 'Jawaban "4,5" di luar rentang; yang boleh: nilai 0 sampai 4.'),
        (199, "-1", "tidak dikenali"),
        (199, "3,6,1", "tidak dikenali"),
        (199, "3.6%", "tidak dikenali"),
        (125, "50%", "dihitung dari baris Jumlah [126] dan [127]"),
        (125, 1.0, 'Jawaban "1" tidak dipakai'),
        (174, 0.9, "[176], [177], [178] dan [179]"),
        (5, "A", "baris subkomponen"),
    ],
)
def test_refused(baris: int, raw: object, says: str) -> None:
    parsed = parse_answer(bank().row(baris), raw)
    assert parsed.value is None and parsed.shown == ""
    assert parsed.problem is not None and says in parsed.problem


@pytest.mark.parametrize(
    ("baris", "text"),
    [
        (6, "Ya atau Tidak"),
        (7, "A, B atau C"),
        (13, "A, B, C atau D"),
        (200, "A, B, C, D atau E"),
        (126, "bilangan bulat 0 atau lebih"),
        (199, "nilai 0 sampai 4"),
        (157, "tidak diisi (dihitung dari baris Jumlah [158] dan [159])"),
    ],
)
def test_allowed_text(baris: int, text: str) -> None:
    assert allowed_text(bank().row(baris)) == text


def test_every_answerable_row_accepts_its_choices() -> None:
    for row in bank().rows:
        if row.answerable and row.type is not None:
            for choice, value in row.type.values.items():
                assert parse_answer(row, choice.lower()).value == value, row.baris

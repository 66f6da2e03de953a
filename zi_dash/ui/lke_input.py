"""The Penilaian Mandiri page's widget values as the cells a draft keeps, and cells as shown.

A choice is kept as its letter ("B", "Ya"), blank as None. A count or a survey value is typed as
text (a number widget would clamp or round silently): what reads as a number is kept as that
number, anything else as typed, so the review and the save name the problem instead of the
page guessing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from zi_dash import lke
from zi_dash.base import number
from zi_dash.workbook import CellValue, plain

BLANK: Final = ""  # the choice "not answered yet"
BLANK_LABEL: Final = "(belum dijawab)"


def question_text(row: lke.Row) -> str:
    """'b. Penentuan anggota Tim …': the bank's letter before the text, when it has one."""
    return f"{row.letter}. {row.text}" if row.letter.strip() not in ("", "-") else row.text


def choices(row: lke.Row) -> list[str]:
    """The radio's options: blank first, then what the row's type allows."""
    return [BLANK, *(row.type.choices if row.type else ())]


def choice_label(row: lke.Row, letter: str) -> str:
    """'B. Jika sebagian …': the option's letter with what it means, read while choosing."""
    if letter == BLANK:
        return BLANK_LABEL
    text = next((o.text for o in row.options if o.letter == letter), "")
    return f"{letter}. {text}" if text and not text.startswith(letter) else text or letter


def chosen(row: lke.Row, value: object) -> str:
    """The radio's option for a cell: its canonical letter; blank for blank or a bad answer."""
    parsed = lke.parse_answer(row, plain(value))
    return parsed.shown if parsed.problem is None and parsed.shown in choices(row) else BLANK


def cell_of_choice(letter: object) -> CellValue:
    """What a chosen option writes into Jawaban."""
    return letter if isinstance(letter, str) and letter else None


def cell_of_text(row: lke.Row, text: object) -> CellValue:
    """A typed count or survey value: the number it reads as, else the text as typed."""
    typed = text.strip() if isinstance(text, str) else ""
    if not typed:
        return None
    parsed = lke.parse_answer(row, typed)
    if parsed.problem is not None or parsed.value is None:
        return typed  # kept as typed: the review names what is allowed
    value = float(parsed.value)
    return int(value) if value.is_integer() else value


def text_of_cell(value: object) -> str:
    """A Jawaban cell in a text box: 12 as "12", 3.6 as "3,6", text as it stands."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        as_float = float(value)
        if as_float.is_integer():
            return str(int(as_float))
        return number(as_float, 6).rstrip("0").rstrip(",")
    return str(value)


def plain_text(value: object) -> str:
    """Catatan and Tautan Bukti in a text area (blank as "")."""
    value = plain(value)
    return "" if value is None else str(value)


def overlay(typed: Mapping[str, Mapping[str, object]], column: str) -> dict[int, object]:
    """The draft's typed Jawaban by Baris (int): laid over the saved answers for the score."""
    out: dict[int, object] = {}
    for row_id, cols in typed.items():
        if column in cols and str(row_id).isdigit():
            out[int(row_id)] = cols[column]
    return out

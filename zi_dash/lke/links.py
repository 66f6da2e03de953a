"""Plan ↔ LKE links: the SK's components as LKE sub-components, the Tegal plan's hand-checked
links, and the `Baris LKE` cell's text read into LKE question rows and written back."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Final

from zi_dash.base import SOURCES
from zi_dash.lke.bank import Row, RowKind, bank

# The SK's 23 components are exactly the LKE's Pemenuhan sub-components (issue 20's table);
# [110] Pengelolaan Pengaduan and [118] Pemanfaatan TI have no SK component.
SK_COMPONENTS: Final[dict[tuple[str, int], int]] = {
    ("I", 1): 5,
    ("I", 2): 8,
    ("I", 3): 12,
    ("I", 4): 16,
    ("II", 1): 22,
    ("II", 2): 26,
    ("II", 3): 31,
    ("III", 1): 35,
    ("III", 2): 39,
    ("III", 3): 43,
    ("III", 4): 50,
    ("III", 5): 55,
    ("III", 6): 57,
    ("IV", 1): 60,
    ("IV", 2): 64,
    ("V", 1): 74,
    ("V", 2): 77,
    ("V", 3): 82,
    ("V", 4): 87,
    ("V", 5): 91,
    ("VI", 1): 98,
    ("VI", 2): 103,
    ("VI", 3): 114,
}

# The Tegal plan's links, chosen by hand from each action's texts, beside the SK text they key on.
_TEGAL_TABLE: Final = SOURCES / "sk-kpu-kota-tegal-5-2022-lke.tsv"
# ID, Baris LKE, Area, No Komponen, Indikator, Langkah Aksi: read by position (the header is for
# people).
_TEGAL_FIELDS: Final = 6

# Commas, semicolons and any whitespace (newlines too) separate rows; "][" is "] [" typed tight.
_SEPARATORS: Final = re.compile(r"[\s,;]+")
_NUMBER: Final = re.compile(r"[0-9]+", re.ASCII)
_EXAMPLE: Final = 'tulis nomor baris pertanyaan LKE, dipisah koma, misalnya "18, 20"'


class LinkError(ValueError):
    """A `Baris LKE` text that is not a list of LKE question rows; the message is Indonesian."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__(" ".join(self.problems))


def _tokens(text: str) -> list[str]:
    """The typed parts of the text, in typed order."""
    return [t for t in _SEPARATORS.split(text.replace("][", "] [")) if t]


def _number(token: str) -> int | None:
    """The row number a token names ("18" or "[18]"), or None when it names none."""
    inner = token[1:-1] if token.startswith("[") and token.endswith("]") else token
    return int(inner) if _NUMBER.fullmatch(inner) else None


def _not_a_question(token: str, row: Row) -> str:
    """Why a bank row that is no question cannot be linked, naming the token."""
    if row.kind is RowKind.SUB:
        choices = ", ".join(str(q.baris) for q in bank().questions_of(row.baris))
        return (
            f'Baris LKE "{token}" adalah subkomponen "{row.sub_name}", bukan pertanyaan; '
            f"pilih pertanyaannya: {choices}."
        )
    if row.kind is RowKind.COUNT:
        return (
            f'Baris LKE "{token}" adalah isian jumlah ("{row.text}") untuk pertanyaan '
            f"persentase baris {row.input_of}; tulis {row.input_of}."
        )
    return (
        f'Baris LKE "{token}" adalah komponen hasil ("{row.text}"), bukan pertanyaan '
        "pengungkit; komponen hasil tidak dihubungkan dengan aksi."
    )


def _problem(token: str, number: int | None) -> str | None:
    """What is wrong with one typed part, or None when it names an LKE question row."""
    if number is None:
        return f'Baris LKE "{token}" bukan nomor baris; {_EXAMPLE}.'
    try:
        row = bank().row(number)
    except KeyError:
        return f'Baris LKE "{token}" tidak ada dalam LKE; {_EXAMPLE}.'
    return None if row.kind is RowKind.QUESTION else _not_a_question(token, row)


def parse_rows(text: str) -> tuple[int, ...]:
    """The LKE question rows a `Baris LKE` text names, in typed order; LinkError if any is wrong."""
    rows: list[int] = []
    repeated: set[int] = set()
    problems: list[str] = []
    for token in _tokens(text):
        number = _number(token)
        problem = _problem(token, number)
        if problem is not None:
            problems.append(problem)
        elif number in rows:
            if number not in repeated:
                problems.append(f"Baris LKE {number} ditulis dua kali; tulis sekali saja.")
            repeated.add(number)
        elif number is not None:
            rows.append(number)
    if problems:
        raise LinkError(problems)
    return tuple(rows)


def format_rows(rows: Iterable[int]) -> str:
    """The `Baris LKE` text of rows: (18, 20) -> "18, 20"."""
    return ", ".join(str(r) for r in rows)


def _key(area: str, component_no: int, indicator: str, step: str) -> tuple[str, int, str, str]:
    """An action's texts as the Tegal table matches them: white space and capitals aside."""
    return (
        area,
        component_no,
        " ".join(indicator.split()).casefold(),
        " ".join(step.split()).casefold(),
    )


@cache
def _tegal() -> dict[tuple[str, int, str, str], tuple[int, ...]]:
    """The Tegal table, read strictly: a wrong line is an error naming its line and column."""
    table: dict[tuple[str, int, str, str], tuple[int, ...]] = {}
    lines = _TEGAL_TABLE.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != _TEGAL_FIELDS:
            raise ValueError(f"{_TEGAL_TABLE.name}, baris {number}: {len(fields)} kolom, bukan 6")
        _id, links, area, component_no, indicator, step = fields
        try:
            rows = parse_rows(links)
        except LinkError as error:
            raise ValueError(f"{_TEGAL_TABLE.name}, baris {number}, kolom 2: {error}") from None
        key = _key(area, int(component_no), indicator, step)
        if not rows or key in table:
            raise ValueError(f"{_TEGAL_TABLE.name}, baris {number}: kosong atau ditulis dua kali")
        # A link outside the action's own sub-component is a wrong choice, not a matter of taste.
        inside = {q.baris for q in bank().questions_of(SK_COMPONENTS[(area, int(component_no))])}
        if not set(rows) <= inside:
            raise ValueError(f"{_TEGAL_TABLE.name}, baris {number}: di luar subkomponennya")
        table[key] = rows
    return table


def tegal_links(area: str, component_no: int, indicator: str, step: str) -> tuple[int, ...]:
    """The LKE question rows checked by hand for one action of the Tegal plan (KeyError if none)."""
    return _tegal()[_key(area, component_no, indicator, step)]

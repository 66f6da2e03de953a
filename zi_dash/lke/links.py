"""Plan ↔ LKE links: the `Baris LKE` cell's text, read into LKE question rows and written back."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from zi_dash.lke.bank import Row, RowKind, bank

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

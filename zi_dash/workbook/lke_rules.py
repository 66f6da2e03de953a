"""The save rules of the LKE sheet and of Rencana Aksi's Baris LKE, and of a workbook lacking them.

An LKE answer is checked against its own row (what its Pilihan Jawaban allows) and stored in
the bank's canonical form: "b" as "B", "ya" as "Ya", a Jumlah typed as "12" as the number 12.
Only rows the unit fills take a Jawaban: a sub-component's or a percentage's is computed. A
Baris LKE cell is stored as `format_rows` writes it ("18, 20"), so every reader agrees.
"""

from __future__ import annotations

from typing import Final

from zi_dash.base import ActionCol
from zi_dash.base import contract as c
from zi_dash.lke import (
    LinkError,
    RowKind,
    allowed_text,
    bank,
    format_rows,
    parse_answer,
    parse_rows,
)
from zi_dash.workbook.cells import CellError, as_text, is_blank

# Where a unit adds what its workbook lacks: the page's one-click addition (workbook.addsheet).
HOW_TO_ADD: Final = "tambahkan lewat halaman Penilaian Mandiri (satu klik, tercatat di Riwayat)"


def missing(has_sheet: bool, sheet: str, column: str | None = None) -> str:
    """Why a change to a sheet or column the workbook lacks is refused, and how to add it."""
    if not has_sheet:
        return f'workbook ini belum punya lembar "{sheet}": {HOW_TO_ADD}'
    if sheet == c.Sheet.ACTIONS and column == ActionCol.LKE_ROWS:
        return (
            f'lembar "{sheet}" workbook ini belum punya kolom "{column}": {HOW_TO_ADD}, atau '
            f'tulis judul "{column}" di Excel pada kolom kosong pertama sesudah kolom terakhir'
        )
    return f'lembar "{sheet}" workbook ini belum punya kolom "{column}"'


def _not_answerable(kind: RowKind, inputs: tuple[int, ...]) -> str:
    if kind is RowKind.SUB:
        return "baris subkomponen tidak diisi Jawaban (nilainya dihitung dari pertanyaannya)"
    rows = ", ".join(f"[{r}]" for r in sorted(inputs))
    return (
        "persentase tidak diisi langsung: isi Jawaban baris Jumlah-nya "
        f"({rows}); persentasenya dihitung dari sana"
    )


def answer(row_id: str, value: object) -> object:
    """The Jawaban to store for LKE row `row_id`: canonical; CellError says what is allowed."""
    try:
        row = bank().row(int(row_id))
    except (ValueError, KeyError):
        raise CellError(f"baris {row_id} bukan baris LKE yang dinilai") from None
    if is_blank(value):
        return None  # clearing an answer is always allowed: unanswered scores 0
    if not row.answerable:
        raise CellError(_not_answerable(row.kind, row.inputs))
    parsed = parse_answer(row, value)
    if parsed.problem is not None:
        allowed = allowed_text(row)
        why = parsed.problem
        if allowed not in why:
            why = f"{why} (yang diperbolehkan: {allowed})"
        raise CellError(why)
    if row.type is not None and not row.type.choices:
        return parsed.value  # a number stays a number, as Excel's own formulas need it
    return parsed.shown


def lke_rows(value: object) -> str:
    """A Baris LKE cell in its canonical text ("18, 20"); CellError says which part is wrong."""
    try:
        return format_rows(parse_rows(as_text(value)))  # type: ignore[arg-type]
    except LinkError as exc:
        raise CellError(str(exc).rstrip(".")) from None

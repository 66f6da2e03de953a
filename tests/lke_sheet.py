"""A test workbook's full LKE sheet: every bank row, with chosen Jawaban (and rows left out)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path

import openpyxl

from zi_dash.base import InfoCol, InfoKey, LkeCol
from zi_dash.base import contract as c
from zi_dash.lke import bank


def add_bank_lke(
    path: Path,
    answers: Mapping[int, object] | None = None,
    *,
    without: Collection[int] = (),
    extra: Collection[object] = (),
) -> Path:
    """Add an LKE sheet of all bank rows (except `without`, plus rows `extra` by Baris)."""
    answers = answers or {}
    book = openpyxl.load_workbook(path)
    ws = book.create_sheet(c.Sheet.LKE)
    ws.append(list(c.LKE.headers))
    for row in bank().rows:
        if row.baris in without:
            continue
        values = {
            LkeCol.ROW: row.baris,
            LkeCol.AREA: row.area,
            LkeCol.PART: row.part,
            LkeCol.SUB: row.sub_name,
            LkeCol.WEIGHT: row.weight,
            LkeCol.LETTER: row.letter,
            LkeCol.QUESTION: row.text,
            LkeCol.TYPE: row.type.value if row.type else "",
            LkeCol.ANSWER: answers.get(row.baris),
        }
        ws.append([values.get(h) for h in c.LKE.headers])
    for baris in extra:
        ws.append([baris if h == LkeCol.ROW else None for h in c.LKE.headers])
    book.save(path)
    return path


def set_predicate(path: Path, value: object) -> Path:
    """Write Info's "Predikat Saat Ini" (a row appended to the Info sheet)."""
    book = openpyxl.load_workbook(path)
    ws = book[c.Sheet.INFO]
    header = [cell.value for cell in ws[1]]
    row = [None] * len(header)
    row[header.index(InfoCol.KEY)] = InfoKey.PREDICATE
    row[header.index(InfoCol.VALUE)] = value
    ws.append(row)
    book.save(path)
    return path


def best() -> dict[int, object]:
    """Every answerable row at its best: 100 points."""
    out: dict[int, object] = {}
    for row in bank().rows:
        if row.type is None or not row.answerable:
            continue
        kind = row.type
        out[row.baris] = kind.choices[0] if kind.choices else 4 if kind.name == "NILAI_0_4" else 10
    return out

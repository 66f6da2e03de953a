"""Test workbooks with an LKE sheet (a few bank rows of every kind), or without Baris LKE."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Final

import openpyxl

from tests.factory import mixed
from zi_dash.base import ActionCol, LkeCol
from zi_dash.base import contract as c

# Baris, Area, Bagian, Subkomponen, Bobot, Huruf, Pertanyaan, Pilihan Jawaban: one row of each
# kind and answer type, as the bank has them (the text shortened).
ROWS: Final = (
    (5, "I", c.PART_FULFILMENT, "Penyusunan Tim Kerja", 0.5, "", "Penyusunan Tim Kerja", ""),
    (6, "I", c.PART_FULFILMENT, "Penyusunan Tim Kerja", None, "a", "Tim dibentuk", "Ya/Tidak"),
    (7, "I", c.PART_FULFILMENT, "Penyusunan Tim Kerja", None, "b", "Anggota dipilih", "A/B/C"),
    (13, "I", c.PART_FULFILMENT, "Pemantauan", None, "a", "Kegiatan sesuai rencana", "A/B/C/D"),
    (24, "II", c.PART_FULFILMENT, "SOP", None, "b", "SOP telah diterapkan", "A/B/C/D/E"),
    (124, "I", c.PART_REFORM, "Komitmen", 2.0, "", "Komitmen dalam perubahan", ""),
    (125, "I", c.PART_REFORM, "Komitmen", None, "a", "Agen membuat perubahan", "%"),
    (126, "I", c.PART_REFORM, "Komitmen", None, "", "Jumlah Agen Perubahan", "Jumlah"),
    (127, "I", c.PART_REFORM, "Komitmen", None, "", "Jumlah Perubahan yang dibuat", "Jumlah"),
    (199, "I", c.PART_RESULT, "", 17.5, "a", "Nilai Survei Persepsi Korupsi", "Nilai (0-4)"),
)
BARIS: Final = tuple(str(r[0]) for r in ROWS)


def add_lke(path: Path, answers: Mapping[int, object] | None = None, *, tpi: bool = True) -> Path:
    """Add an LKE sheet with ROWS (and these Jawaban) to the workbook at `path`.

    `tpi=False`: an LKE sheet made before the TPI's (optional) columns, without them.
    """
    answers = answers or {}
    book = openpyxl.load_workbook(path)
    ws = book.create_sheet(c.Sheet.LKE)
    headers = [col.name for col in c.LKE.columns if tpi or not col.optional]
    ws.append(headers)
    for baris, area, part, sub, weight, letter, question, type_ in ROWS:
        values = {
            LkeCol.ROW: baris,
            LkeCol.AREA: area,
            LkeCol.PART: part,
            LkeCol.SUB: sub,
            LkeCol.WEIGHT: weight,
            LkeCol.LETTER: letter,
            LkeCol.QUESTION: question,
            LkeCol.TYPE: type_,
            LkeCol.ANSWER: answers.get(baris),
        }
        ws.append([values.get(h) for h in headers])
    book.save(path)
    return path


def drop_lke_rows_column(path: Path) -> Path:
    """Blank Rencana Aksi's Baris LKE column, header included: a workbook made before it."""
    book = openpyxl.load_workbook(path)
    ws = book[c.Sheet.ACTIONS]
    column = next(cell.column for cell in ws[1] if cell.value == ActionCol.LKE_ROWS)
    for row in ws.iter_rows(min_col=column, max_col=column):
        row[0].value = None
    book.save(path)
    return path


def lke_workbook(
    path: Path, answers: Mapping[int, object] | None = None, *, tpi: bool = True
) -> Path:
    """The `mixed` plan with an LKE sheet (`tpi=False`: without the TPI's columns)."""
    return add_lke(mixed(path), answers, tpi=tpi)

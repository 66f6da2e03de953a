"""The official LKE Excel units exchange: the sheet and header names of a file made outside.

Beside contract.py (at its size limit): these name another program's file (the LKE Excel
template), not the workbook's own sheets and columns, which stay in the contract.
"""

from __future__ import annotations

from typing import Final


class LkeExcel:
    """The official LKE Excel units exchange: its sheets and its Jawaban sheet's header texts."""

    ANSWERS: Final = "Jawaban"  # one row per LKE row, at that row number
    UNIT: Final = "Unit"  # the summary sheet
    ROW: Final = "ID"  # column A: the row number (Baris)
    TEXT: Final = "Penilaian"  # B–G, merged in the header: the hierarchy and the question
    WEIGHT: Final = "Bobot"
    CRITERIA: Final = "Kriteria Nilai"
    TYPE: Final = "Pilihan Jawaban"
    ANSWER: Final = "Jawaban Unit"
    NOTES: Final = "Catatan/Keterangan/Penjelasan (Unit)"
    EVIDENCE: Final = "Daftar Bukti Dukung (Unit)"
    NEW_EVIDENCE: Final = "Tautan Bukti Dukung Baru"
    TPI_ANSWER: Final = "Jawaban TPI"
    TPI_VALUE: Final = "Nilai"
    TPI_PERCENT: Final = " %"
    TPI_NOTES: Final = "Catatan/Keterangan/Penjelasan (TPI Unit)"

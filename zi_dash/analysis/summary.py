"""One workbook of the roll-up summed up as of a date (a few numbers, never the plan), and the
columns of the roll-up's table that shows one such row per workbook."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Final

from zi_dash.analysis.unit_lke import LkeSummary

STALE_DAYS: Final = 30  # a unit that has not updated for longer is flagged


@dataclass(frozen=True)
class UnitSummary:
    """One workbook summed up as of a date; `error` holds the loader's message if unreadable."""

    path: str
    unit: str = ""
    year: int = 0
    actions: int = 0
    completion: float = 0.0  # mean Progres (%)
    done: int = 0
    behind: int = 0  # Tertinggal and not Terlambat
    late: int = 0  # Terlambat
    evidence: float = 0.0  # share of evidence items present, %
    # The plan's coverage of the LKE (never a score): the weight of the sub-components its
    # actions support, of `lke_weight` (60), and covered weight × capaian of their actions.
    covered_weight: float = 0.0
    lke_weight: float = 0.0
    covered_projection: float = 0.0
    uncovered: int = 0  # sub-components no action supports
    last_update: datetime | None = None
    areas: tuple[tuple[str, float | None], ...] = ()  # (area, capaian), None: no actions
    lke: LkeSummary | None = None  # the penilaian mandiri; None: no LKE sheet (or unreadable)
    lke_error: str = ""  # why the LKE sheet could not be read (the plan's figures still are)
    error: str = ""

    @property
    def file(self) -> str:
        """The file name (berkas)."""
        return Path(self.path).name

    def age(self, as_of: date) -> int | None:
        """Days from the last update to `as_of`; None when there was none by then."""
        return None if self.last_update is None else (as_of - self.last_update.date()).days

    def stale(self, as_of: date) -> bool:
        """Not updated for more than STALE_DAYS days (or never) by `as_of`."""
        age = self.age(as_of)
        return not self.error and (age is None or age > STALE_DAYS)


class RekapCol:
    """Columns of the roll-up table (the page, the XLSX and the DOCX)."""

    FILE: Final = "Berkas"
    UNIT: Final = "Satuan Kerja"
    YEAR: Final = "Tahun"
    # The flags and the reason next to the unit: on a 1280 px screen they show without
    # scrolling sideways, so an unreadable file never looks like a blank row.
    STALE: Final = f"Lebih {STALE_DAYS} Hari"
    DUPLICATE: Final = "Duplikat"
    NOTE: Final = "Keterangan"
    ACTIONS: Final = "Aksi"
    COMPLETION: Final = "Capaian (%)"
    DONE: Final = "Selesai"
    BEHIND: Final = "Tertinggal"
    LATE: Final = "Terlambat"
    EVIDENCE: Final = "Kelengkapan Bukti (%)"
    COVERAGE: Final = "Cakupan LKE (dari 60)"
    COVERED: Final = "Proyeksi Bagian Tercakup"
    UNCOVERED: Final = "Subkomponen Tanpa Aksi"
    # The LKE sheet's penilaian mandiri (never the official score); TPI: its Jawaban TPI scored,
    # blank (the page: "–") where the TPI has answered nothing yet.
    LKE_TOTAL: Final = "Nilai Mandiri (dari 100)"
    PREDICATE: Final = "Predikat Mandiri"
    TPI: Final = "Nilai TPI"
    PENGUNGKIT: Final = "Pengungkit Mandiri (dari 60)"
    HASIL: Final = "Hasil Mandiri (dari 40)"
    BELOW: Final = "Area di Bawah Minimum"
    ANSWERED: Final = "Pertanyaan Dijawab (dari 110)"
    EVIDENCED: Final = "Pertanyaan Berbukti"
    LKE_PROBLEMS: Final = "Jawaban LKE Bermasalah"
    LAST: Final = "Pembaruan Terakhir"
    AGE: Final = "Umur Pembaruan (hari)"


COLUMNS: Final = tuple(v for k, v in vars(RekapCol).items() if k.isupper())
# Decimals of the roll-up's figures, wherever they are written (table, page, DOCX).
DIGITS: Final[dict[str, int]] = {
    RekapCol.COMPLETION: 1, RekapCol.EVIDENCE: 1, RekapCol.COVERAGE: 2, RekapCol.COVERED: 2,
    RekapCol.LKE_TOTAL: 2, RekapCol.PENGUNGKIT: 2, RekapCol.HASIL: 2, RekapCol.TPI: 2,
}  # fmt: skip

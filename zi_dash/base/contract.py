"""The workbook contract: sheet names, headers, allowed values and domain constants.

This is the only module that spells a sheet or column name. Staff see these names in Excel,
so they are part of the product: change them here or nowhere.
"""

from __future__ import annotations

from typing import Final

from zi_dash.base.spec import Column, Kind, SheetSpec


class Sheet:
    """Sheet names of the workbook."""

    ACTIONS: Final = "Rencana Aksi"
    EVIDENCE: Final = "Bukti"
    AREAS: Final = "Area"
    LOG: Final = "Riwayat"
    INFO: Final = "Info"
    GUIDE: Final = "Petunjuk"
    LKE: Final = "LKE"
    CONTACTS: Final = "Kontak"


class ActionCol:
    """Columns of the Rencana Aksi sheet."""

    ID: Final = "ID"
    AREA: Final = "Area"
    AREA_NAME: Final = "Nama Area"
    COMPONENT_NO: Final = "No Komponen"
    COMPONENT: Final = "Komponen"
    INDICATOR: Final = "Indikator"
    STEP: Final = "Langkah Aksi"
    EVIDENCE: Final = "Bukti Fisik"
    TARGET: Final = "Target Waktu"
    START: Final = "Mulai"
    END: Final = "Selesai"
    PIC: Final = "Penanggung Jawab"
    STATUS: Final = "Status"
    PROGRESS: Final = "Progres (%)"
    NOTES: Final = "Catatan"
    LKE_ROWS: Final = "Baris LKE"
    OUTCOME: Final = "Target Keluaran"
    UPDATED: Final = "Diperbarui"
    UPDATED_BY: Final = "Diperbarui Oleh"


class EvidenceCol:
    """Columns of the Bukti sheet."""

    ID: Final = "ID Bukti"
    ACTION_ID: Final = "ID Aksi"
    ITEM: Final = "Bukti"
    STATUS: Final = "Status Bukti"
    LINK: Final = "Tautan"
    NOTES: Final = "Catatan"
    UPDATED: Final = "Diperbarui"
    UPDATED_BY: Final = "Diperbarui Oleh"


class LkeCol:
    """Columns of the LKE sheet: the bank's text (read-only), the unit's answers, the TPI's."""

    ROW: Final = "Baris"  # the official row number of the LKE Excel's Jawaban sheet
    AREA: Final = "Area"
    PART: Final = "Bagian"  # Pemenuhan, Reform or Hasil
    SUB: Final = "Subkomponen"
    WEIGHT: Final = "Bobot"
    LETTER: Final = "Huruf"
    QUESTION: Final = "Pertanyaan"
    TYPE: Final = "Pilihan Jawaban"  # as the LKE Excel's column J: Ya/Tidak, A/B/C, %, Jumlah, …
    CRITERIA: Final = "Kriteria"
    ANSWER: Final = "Jawaban"
    NOTES: Final = "Catatan"
    LINKS: Final = "Tautan Bukti"  # one link per line, as in Bukti
    UPDATED: Final = "Diperbarui"
    UPDATED_BY: Final = "Diperbarui Oleh"
    # The TPI's (Tim Penilai Internal) review, kept apart from the unit's answer.
    TPI_ANSWER: Final = "Jawaban TPI"
    TPI_NOTES: Final = "Catatan TPI"
    REVIEW: Final = "Status Telaah"
    TPI_UPDATED: Final = "Diperbarui TPI"
    TPI_UPDATED_BY: Final = "Diperbarui TPI Oleh"


class ContactCol:
    """Columns of the Kontak sheet: how to reach each penanggung jawab."""

    PIC: Final = "Penanggung Jawab"  # as written in Rencana Aksi's Penanggung Jawab
    PHONE: Final = "Nomor WA"  # kept as typed: 0812… or +62…, spaces and dashes allowed
    EMAIL: Final = "Email"
    UPDATED: Final = "Diperbarui"
    UPDATED_BY: Final = "Diperbarui Oleh"


class AreaCol:
    """Columns of the Area sheet."""

    AREA: Final = "Area"
    NAME: Final = "Nama Area"
    WEIGHT: Final = "Bobot LKE"


class LogCol:
    """Columns of the Riwayat (change log) sheet."""

    TIME: Final = "Waktu"
    USER: Final = "Pengguna"
    SHEET: Final = "Lembar"
    ID: Final = "ID"
    COLUMN: Final = "Kolom"
    OLD: Final = "Nilai Lama"
    NEW: Final = "Nilai Baru"


class InfoCol:
    """Columns of the Info sheet (one key/value pair per row)."""

    KEY: Final = "Butir"
    VALUE: Final = "Nilai"


class InfoKey:
    """Keys of the Info sheet."""

    UNIT: Final = "Satuan Kerja"
    YEAR: Final = "Tahun Rencana"
    LEGAL_BASIS: Final = "Dasar Hukum"
    ENACTED: Final = "Tanggal Penetapan"
    # The predicate the unit already holds ("", "WBK" or "WBBM"): WBBM requires WBK first.
    PREDICATE: Final = "Predikat Saat Ini"


class Status:
    """Action statuses; LATE and BEHIND are derived for display and never stored.

    Terlambat: the final due date has passed and the action is not Selesai.
    Tertinggal: Progres is below what its periods plan by the date (a period was missed).
    """

    NOT_STARTED: Final = "Belum Mulai"
    IN_PROGRESS: Final = "Dalam Proses"
    DONE: Final = "Selesai"
    LATE: Final = "Terlambat"
    BEHIND: Final = "Tertinggal"


class EvidenceStatus:
    """Evidence item statuses."""

    MISSING: Final = "Belum Ada"
    PRESENT: Final = "Ada"
    NEEDS_FIX: Final = "Perlu Perbaikan"
    VERIFIED: Final = "Terverifikasi"


class ReviewStatus:
    """The TPI's review status of one LKE question (Status Telaah)."""

    NOT_REVIEWED: Final = "Belum Ditelaah"
    OK: Final = "Sesuai"
    NEEDS_FIX: Final = "Perlu Perbaikan"
    # Set by a save, never typed by hand in the dashboard's flow: the unit changed the answer
    # or evidence of a question the TPI sent back, which the TPI is to look at again.
    RECHECK: Final = "Dicek Ulang"


ACTION_STATUSES: Final[tuple[str, ...]] = (Status.NOT_STARTED, Status.IN_PROGRESS, Status.DONE)
EVIDENCE_STATUSES: Final[tuple[str, ...]] = (
    EvidenceStatus.MISSING,
    EvidenceStatus.PRESENT,
    EvidenceStatus.NEEDS_FIX,
    EvidenceStatus.VERIFIED,
)
REVIEW_STATUSES: Final[tuple[str, ...]] = (
    ReviewStatus.NOT_REVIEWED,
    ReviewStatus.OK,
    ReviewStatus.NEEDS_FIX,
    ReviewStatus.RECHECK,
)
# Evaluators accept an item as present once it is uploaded, whether or not verified yet.
EVIDENCE_PRESENT: Final = frozenset({EvidenceStatus.PRESENT, EvidenceStatus.VERIFIED})

AREA_CODES: Final[tuple[str, ...]] = ("I", "II", "III", "IV", "V", "VI")

# Canonical area names and LKE pengungkit weights (PermenPANRB 90/2021 as amended by 5/2024).
AREA_NAMES: Final[dict[str, str]] = {
    "I": "Manajemen Perubahan",
    "II": "Penataan Tata Laksana",
    "III": "Penataan Sistem Manajemen SDM",
    "IV": "Penguatan Akuntabilitas",
    "V": "Penguatan Pengawasan",
    "VI": "Peningkatan Kualitas Pelayanan Publik",
}
LKE_WEIGHTS: Final[dict[str, float]] = {
    "I": 8.0,
    "II": 7.0,
    "III": 10.0,
    "IV": 10.0,
    "V": 15.0,
    "VI": 10.0,
}

# Kurva S alarm rule (Permen PU 07/PRT/M/2011): behind by more than this many points is kritis.
KRITIS_PLAN_SPLIT: Final = 70.0
KRITIS_LAG_LOW_PLAN: Final = 10.0
KRITIS_LAG_HIGH_PLAN: Final = 5.0

DUE_SOON_DAYS: Final = 14

# Excel number formats of the date columns (the builder, the writer and the XML patch agree).
DATE_FORMAT: Final = "dd/mm/yyyy"
DATETIME_FORMAT: Final = "dd/mm/yyyy hh:mm"


ACTIONS: Final = SheetSpec(
    name=Sheet.ACTIONS,
    id_column=ActionCol.ID,
    freeze="B2",
    columns=(
        Column(ActionCol.ID, width=10, required=True),
        Column(ActionCol.AREA, Kind.AREA, width=7, required=True),
        Column(ActionCol.AREA_NAME, width=22),
        Column(ActionCol.COMPONENT_NO, Kind.INT, width=9, required=True),
        Column(ActionCol.COMPONENT, width=24),
        Column(ActionCol.INDICATOR, width=42, required=True),
        Column(ActionCol.STEP, width=42),
        Column(ActionCol.EVIDENCE, width=42),
        Column(ActionCol.TARGET, width=20),
        Column(ActionCol.START, Kind.DATE, width=12, editable=True),
        Column(ActionCol.END, Kind.DATE, width=12, editable=True),
        Column(ActionCol.PIC, width=20, editable=True),
        Column(ActionCol.STATUS, Kind.STATUS, width=14, editable=True),
        Column(ActionCol.PROGRESS, Kind.PERCENT, width=10, editable=True),
        Column(ActionCol.NOTES, width=30, editable=True),
        Column(ActionCol.UPDATED, Kind.DATETIME, width=17),
        Column(ActionCol.UPDATED_BY, width=16),
        # The LKE question rows an action supports ("18" or "18, 20"): after the stamps, as
        # workbooks made before it have no such column.
        Column(ActionCol.LKE_ROWS, width=12, editable=True, optional=True),
        # A plan's Target column of outcomes ("Terbentuk Agen Perubahan"), kept as its text;
        # written only by plans that have one.
        Column(ActionCol.OUTCOME, width=30, optional=True),
    ),
    allowed={ActionCol.STATUS: ACTION_STATUSES, ActionCol.AREA: AREA_CODES},
)

EVIDENCE: Final = SheetSpec(
    name=Sheet.EVIDENCE,
    id_column=EvidenceCol.ID,
    freeze="B2",
    columns=(
        Column(EvidenceCol.ID, width=12, required=True),
        Column(EvidenceCol.ACTION_ID, width=10, required=True),
        Column(EvidenceCol.ITEM, width=50, required=True),
        Column(EvidenceCol.STATUS, Kind.EVIDENCE_STATUS, width=16, editable=True),
        Column(EvidenceCol.LINK, width=40, editable=True),
        Column(EvidenceCol.NOTES, width=30, editable=True),
        Column(EvidenceCol.UPDATED, Kind.DATETIME, width=17),
        Column(EvidenceCol.UPDATED_BY, width=16),
    ),
    allowed={EvidenceCol.STATUS: EVIDENCE_STATUSES},
)

AREAS: Final = SheetSpec(
    name=Sheet.AREAS,
    id_column=AreaCol.AREA,
    columns=(
        Column(AreaCol.AREA, Kind.AREA, width=7, required=True),
        Column(AreaCol.NAME, width=40, required=True),
        Column(AreaCol.WEIGHT, Kind.NUMBER, width=11, required=True),
    ),
    allowed={AreaCol.AREA: AREA_CODES},
)

LOG: Final = SheetSpec(
    name=Sheet.LOG,
    columns=(
        Column(LogCol.TIME, Kind.DATETIME, width=19),
        Column(LogCol.USER, width=16),
        Column(LogCol.SHEET, width=13),
        Column(LogCol.ID, width=12),
        Column(LogCol.COLUMN, width=16),
        Column(LogCol.OLD, width=30),
        Column(LogCol.NEW, width=30),
    ),
)

INFO: Final = SheetSpec(
    name=Sheet.INFO,
    id_column=InfoCol.KEY,
    columns=(Column(InfoCol.KEY, width=22, required=True), Column(InfoCol.VALUE, width=90)),
)

# Part names of the LKE sheet's Bagian column.
PART_FULFILMENT: Final = "Pemenuhan"
PART_REFORM: Final = "Reform"
PART_RESULT: Final = "Hasil"
LKE_PARTS: Final[tuple[str, ...]] = (PART_FULFILMENT, PART_REFORM, PART_RESULT)

LKE: Final = SheetSpec(
    name=Sheet.LKE,
    id_column=LkeCol.ROW,
    freeze="H2",
    columns=(
        Column(LkeCol.ROW, width=7, required=True),
        Column(LkeCol.AREA, width=6),
        Column(LkeCol.PART, width=11),
        Column(LkeCol.SUB, width=28),
        Column(LkeCol.WEIGHT, Kind.NUMBER, width=7),
        Column(LkeCol.LETTER, width=6),
        Column(LkeCol.QUESTION, width=50),
        Column(LkeCol.TYPE, width=11),
        Column(LkeCol.CRITERIA, width=50),
        Column(LkeCol.ANSWER, Kind.ANSWER, width=10, editable=True),
        Column(LkeCol.NOTES, width=30, editable=True),
        Column(LkeCol.LINKS, width=40, editable=True),
        Column(LkeCol.UPDATED, Kind.DATETIME, width=17),
        Column(LkeCol.UPDATED_BY, width=16),
        # The TPI's columns and their own stamps: after the unit's, as LKE sheets made before
        # them have no such columns (they read as blank: not reviewed yet).
        Column(LkeCol.TPI_ANSWER, Kind.ANSWER, width=10, editable=True, optional=True),
        Column(LkeCol.TPI_NOTES, width=30, editable=True, optional=True),
        Column(LkeCol.REVIEW, Kind.REVIEW_STATUS, width=16, editable=True, optional=True),
        Column(LkeCol.TPI_UPDATED, Kind.DATETIME, width=17, optional=True),
        Column(LkeCol.TPI_UPDATED_BY, width=16, optional=True),
    ),
    allowed={LkeCol.PART: LKE_PARTS, LkeCol.AREA: AREA_CODES, LkeCol.REVIEW: REVIEW_STATUSES},
)

CONTACTS: Final = SheetSpec(
    name=Sheet.CONTACTS,
    id_column=ContactCol.PIC,
    freeze="B2",
    columns=(
        Column(ContactCol.PIC, width=28, required=True),
        Column(ContactCol.PHONE, Kind.PHONE, width=18, editable=True),
        Column(ContactCol.EMAIL, Kind.EMAIL, width=30, editable=True),
        Column(ContactCol.UPDATED, Kind.DATETIME, width=17),
        Column(ContactCol.UPDATED_BY, width=16),
    ),
)

DATA_SHEETS: Final[tuple[SheetSpec, ...]] = (ACTIONS, EVIDENCE, AREAS, LOG, INFO)
# Sheets added after workbooks were in use: a workbook without one reads as before.
OPTIONAL_SHEETS: Final[tuple[SheetSpec, ...]] = (LKE, CONTACTS)
# The sheets staff edit from the dashboard (the others are the SK's or the dashboard's own).
EDITABLE: Final[dict[str, SheetSpec]] = {
    Sheet.ACTIONS: ACTIONS,
    Sheet.EVIDENCE: EVIDENCE,
    Sheet.LKE: LKE,
    Sheet.CONTACTS: CONTACTS,
}
# Where a save stamps when and by whom each edited row was last changed.
UPDATE_STAMPS: Final[dict[str, tuple[str, str]]] = {
    Sheet.ACTIONS: (ActionCol.UPDATED, ActionCol.UPDATED_BY),
    Sheet.EVIDENCE: (EvidenceCol.UPDATED, EvidenceCol.UPDATED_BY),
    Sheet.LKE: (LkeCol.UPDATED, LkeCol.UPDATED_BY),
    Sheet.CONTACTS: (ContactCol.UPDATED, ContactCol.UPDATED_BY),
}
# Riwayat's Pengguna for cells changed in the file without the dashboard (in Excel, say).
OUTSIDE_USER: Final = "(di luar dasbor)"

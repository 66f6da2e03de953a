"""zi_dash.base.contract: the sheet names, headers, kinds and allowed values staff see in Excel.

The names are part of the product: these tables spell them out so that a change is deliberate.
"""

from __future__ import annotations

import dataclasses

import pytest

from zi_dash.base import contract as c
from zi_dash.base import roles
from zi_dash.base.contract import (
    ActionCol,
    AreaCol,
    ContactCol,
    EvidenceCol,
    InfoCol,
    Kind,
    LkeCol,
    LogCol,
)

K = Kind

HEADERS = [
    (
        c.ACTIONS,
        "Rencana Aksi",
        (
            "ID",
            "Area",
            "Nama Area",
            "No Komponen",
            "Komponen",
            "Indikator",
            "Langkah Aksi",
            "Bukti Fisik",
            "Target Waktu",
            "Mulai",
            "Selesai",
            "Penanggung Jawab",
            "Status",
            "Progres (%)",
            "Catatan",
            "Diperbarui",
            "Diperbarui Oleh",
            "Baris LKE",
            "Target Keluaran",
        ),
        "ID",
        "B2",
    ),
    (
        c.EVIDENCE,
        "Bukti",
        (
            "ID Bukti",
            "ID Aksi",
            "Bukti",
            "Status Bukti",
            "Tautan",
            "Catatan",
            "Diperbarui",
            "Diperbarui Oleh",
        ),
        "ID Bukti",
        "B2",
    ),
    (c.AREAS, "Area", ("Area", "Nama Area", "Bobot LKE"), "Area", "A2"),
    (
        c.LOG,
        "Riwayat",
        ("Waktu", "Pengguna", "Lembar", "ID", "Kolom", "Nilai Lama", "Nilai Baru"),
        None,
        "A2",
    ),
    (c.INFO, "Info", ("Butir", "Nilai"), "Butir", "A2"),
    (
        c.LKE,
        "LKE",
        (
            "Baris",
            "Area",
            "Bagian",
            "Subkomponen",
            "Bobot",
            "Huruf",
            "Pertanyaan",
            "Pilihan Jawaban",
            "Kriteria",
            "Jawaban",
            "Catatan",
            "Tautan Bukti",
            "Diperbarui",
            "Diperbarui Oleh",
            "Jawaban TPI",
            "Catatan TPI",
            "Status Telaah",
            "Diperbarui TPI",
            "Diperbarui TPI Oleh",
        ),
        "Baris",
        "H2",
    ),
]


@pytest.mark.parametrize(
    ("spec", "name", "headers", "id_column", "freeze"), HEADERS, ids=[h[1] for h in HEADERS]
)
def test_sheets_and_headers(
    spec: c.SheetSpec, name: str, headers: tuple[str, ...], id_column: str | None, freeze: str
) -> None:
    assert spec.name == name
    assert spec.headers == headers
    assert len(set(spec.headers)) == len(spec.headers)
    assert spec.id_column == id_column
    assert spec.freeze == freeze
    if id_column is not None:
        assert spec.column(id_column).required


def test_the_data_sheets_and_the_guide() -> None:
    assert [s.name for s in c.DATA_SHEETS] == ["Rencana Aksi", "Bukti", "Area", "Riwayat", "Info"]
    assert c.Sheet.GUIDE == "Petunjuk" and c.Sheet.GUIDE not in {s.name for s in c.DATA_SHEETS}
    assert set(c.EDITABLE) == {c.Sheet.ACTIONS, c.Sheet.EVIDENCE, c.Sheet.LKE, c.Sheet.CONTACTS}
    assert c.EDITABLE[c.Sheet.ACTIONS] is c.ACTIONS and c.EDITABLE[c.Sheet.EVIDENCE] is c.EVIDENCE
    assert c.EDITABLE[c.Sheet.LKE] is c.LKE and c.EDITABLE[c.Sheet.CONTACTS] is c.CONTACTS
    assert set(c.UPDATE_STAMPS) == set(c.EDITABLE)


def test_the_optional_sheet_and_column() -> None:
    # Workbooks made before the LKE existed have neither: they must read as before.
    assert [s.name for s in c.OPTIONAL_SHEETS] == ["LKE", "Kontak"]
    optional = {
        (s.name, col.name)
        for s in c.DATA_SHEETS + c.OPTIONAL_SHEETS
        for col in s.columns
        if col.optional
    }
    tpi = {"Jawaban TPI", "Catatan TPI", "Status Telaah", "Diperbarui TPI", "Diperbarui TPI Oleh"}
    actions = {("Rencana Aksi", "Baris LKE"), ("Rencana Aksi", "Target Keluaran")}
    assert optional == {*actions, *(("LKE", name) for name in tpi)}
    # After the stamps: appended, not inserted.
    assert c.ACTIONS.headers[-2:] == (ActionCol.LKE_ROWS, ActionCol.OUTCOME)
    assert set(c.LKE.headers[-5:]) == tpi  # after the unit's columns, as Baris LKE


@pytest.mark.parametrize(
    ("spec", "editable"),
    [
        (
            c.ACTIONS,
            {
                ActionCol.START,
                ActionCol.END,
                ActionCol.PIC,
                ActionCol.STATUS,
                ActionCol.PROGRESS,
                ActionCol.NOTES,
                ActionCol.LKE_ROWS,
            },
        ),
        (c.EVIDENCE, {EvidenceCol.STATUS, EvidenceCol.LINK, EvidenceCol.NOTES}),
        (
            c.LKE,
            {
                LkeCol.ANSWER,
                LkeCol.NOTES,
                LkeCol.LINKS,
                LkeCol.TPI_ANSWER,
                LkeCol.TPI_NOTES,
                LkeCol.REVIEW,
            },
        ),
        (c.CONTACTS, {ContactCol.PHONE, ContactCol.EMAIL}),
        (c.AREAS, set()),
        (c.LOG, set()),
        (c.INFO, set()),
    ],
    ids=lambda v: v.name if isinstance(v, c.SheetSpec) else "",
)
def test_only_the_staff_columns_are_editable(spec: c.SheetSpec, editable: set[str]) -> None:
    assert {col.name for col in spec.columns if col.editable} == editable


@pytest.mark.parametrize(
    ("spec", "required"),
    [
        (
            c.ACTIONS,
            {ActionCol.ID, ActionCol.AREA, ActionCol.COMPONENT_NO, ActionCol.INDICATOR},
        ),
        (c.EVIDENCE, {EvidenceCol.ID, EvidenceCol.ACTION_ID, EvidenceCol.ITEM}),
        (c.AREAS, {AreaCol.AREA, AreaCol.NAME, AreaCol.WEIGHT}),
        (c.LOG, set()),
        (c.INFO, {InfoCol.KEY}),
        (c.LKE, {LkeCol.ROW}),
    ],
    ids=lambda v: v.name if isinstance(v, c.SheetSpec) else "",
)
def test_required_columns(spec: c.SheetSpec, required: set[str]) -> None:
    assert {col.name for col in spec.columns if col.required} == required
    assert not any(col.required and col.editable for col in spec.columns)


KINDS = [
    (c.ACTIONS, ActionCol.AREA, K.AREA),
    (c.ACTIONS, ActionCol.COMPONENT_NO, K.INT),
    (c.ACTIONS, ActionCol.TARGET, K.TEXT),  # free text, read by zi_dash.schedule
    (c.ACTIONS, ActionCol.START, K.DATE),
    (c.ACTIONS, ActionCol.END, K.DATE),
    (c.ACTIONS, ActionCol.STATUS, K.STATUS),
    (c.ACTIONS, ActionCol.PROGRESS, K.PERCENT),
    (c.ACTIONS, ActionCol.UPDATED, K.DATETIME),
    (c.ACTIONS, ActionCol.UPDATED_BY, K.TEXT),
    (c.EVIDENCE, EvidenceCol.STATUS, K.EVIDENCE_STATUS),
    (c.EVIDENCE, EvidenceCol.LINK, K.TEXT),
    (c.EVIDENCE, EvidenceCol.UPDATED, K.DATETIME),
    (c.AREAS, AreaCol.AREA, K.AREA),
    (c.AREAS, AreaCol.WEIGHT, K.NUMBER),
    (c.LOG, LogCol.TIME, K.DATETIME),
    (c.LOG, LogCol.OLD, K.TEXT),
    (c.INFO, InfoCol.VALUE, K.TEXT),
    (c.ACTIONS, ActionCol.LKE_ROWS, K.TEXT),
    (c.LKE, LkeCol.ROW, K.TEXT),  # "18": an ID like the others, numbers read as their text
    (c.LKE, LkeCol.WEIGHT, K.NUMBER),
    (c.LKE, LkeCol.ANSWER, K.ANSWER),
    (c.LKE, LkeCol.UPDATED, K.DATETIME),
    (c.LKE, LkeCol.TPI_ANSWER, K.ANSWER),  # checked against its row as Jawaban is
    (c.LKE, LkeCol.TPI_NOTES, K.TEXT),
    (c.LKE, LkeCol.REVIEW, K.REVIEW_STATUS),
    (c.LKE, LkeCol.TPI_UPDATED, K.DATETIME),
    (c.LKE, LkeCol.TPI_UPDATED_BY, K.TEXT),
    (c.CONTACTS, ContactCol.PIC, K.TEXT),
    (c.CONTACTS, ContactCol.PHONE, K.PHONE),  # kept as typed, refused when no phone number
    (c.CONTACTS, ContactCol.EMAIL, K.EMAIL),
    (c.CONTACTS, ContactCol.UPDATED, K.DATETIME),
]


@pytest.mark.parametrize(
    ("spec", "column", "kind"), KINDS, ids=[f"{k[0].name}-{k[1]}" for k in KINDS]
)
def test_column_kinds(spec: c.SheetSpec, column: str, kind: Kind) -> None:
    assert spec.column(column).kind is kind


def test_a_column_is_text_and_optional_unless_said_otherwise() -> None:
    col = c.Column("X")
    assert (col.kind, col.required, col.editable, col.width) == (K.TEXT, False, False, 14.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        col.name = "Y"  # type: ignore[misc]
    assert all(col.width > 0 for spec in c.DATA_SHEETS for col in spec.columns)


@pytest.mark.parametrize(
    ("spec", "column", "allowed"),
    [
        (c.ACTIONS, ActionCol.STATUS, ("Belum Mulai", "Dalam Proses", "Selesai")),
        (c.ACTIONS, ActionCol.AREA, ("I", "II", "III", "IV", "V", "VI")),
        (
            c.EVIDENCE,
            EvidenceCol.STATUS,
            ("Belum Ada", "Ada", "Perlu Perbaikan", "Terverifikasi"),
        ),
        (c.AREAS, AreaCol.AREA, ("I", "II", "III", "IV", "V", "VI")),
        (
            c.LKE,
            LkeCol.REVIEW,
            ("Belum Ditelaah", "Sesuai", "Perlu Perbaikan", "Dicek Ulang"),
        ),
    ],
)
def test_allowed_values(spec: c.SheetSpec, column: str, allowed: tuple[str, ...]) -> None:
    assert spec.allowed[column] == allowed


@pytest.mark.parametrize(
    ("status", "text"), [(c.Status.LATE, "Terlambat"), (c.Status.BEHIND, "Tertinggal")]
)
def test_derived_statuses_are_shown_but_never_stored(status: str, text: str) -> None:
    assert status == text
    assert status not in c.ACTION_STATUSES
    assert status not in c.ACTIONS.allowed[ActionCol.STATUS]


def test_evidence_counts_as_present_once_uploaded() -> None:
    assert {c.EvidenceStatus.PRESENT, c.EvidenceStatus.VERIFIED} == c.EVIDENCE_PRESENT
    assert set(c.EVIDENCE_STATUSES) > c.EVIDENCE_PRESENT


def test_areas_names_and_lke_weights() -> None:
    assert tuple(c.AREA_NAMES) == c.AREA_CODES == tuple(c.LKE_WEIGHTS)
    assert c.AREA_NAMES["I"] == "Manajemen Perubahan"
    assert c.AREA_NAMES["VI"] == "Peningkatan Kualitas Pelayanan Publik"
    assert [c.LKE_WEIGHTS[a] for a in c.AREA_CODES] == [8.0, 7.0, 10.0, 10.0, 15.0, 10.0]
    assert sum(c.LKE_WEIGHTS.values()) == 60.0  # the pengungkit part of the LKE


def test_kurva_s_thresholds_are_ordered() -> None:
    # (The WBK/WBBM minimums are the LKE's, in zi_dash/lke/data/thresholds.tsv.)
    assert c.KRITIS_LAG_HIGH_PLAN < c.KRITIS_LAG_LOW_PLAN
    assert 0 < c.KRITIS_PLAN_SPLIT < 100
    assert c.DUE_SOON_DAYS == 14


def test_date_formats_show_day_month_year() -> None:
    assert (c.DATE_FORMAT, c.DATETIME_FORMAT) == ("dd/mm/yyyy", "dd/mm/yyyy hh:mm")


@pytest.mark.parametrize(
    ("sheet", "stamps"),
    [
        (c.Sheet.ACTIONS, c.UPDATE_STAMPS[c.Sheet.ACTIONS]),
        (c.Sheet.EVIDENCE, c.UPDATE_STAMPS[c.Sheet.EVIDENCE]),
        (c.Sheet.LKE, c.UPDATE_STAMPS[c.Sheet.LKE]),
        (c.Sheet.LKE, roles.TPI_STAMPS[c.Sheet.LKE]),
    ],
)
def test_every_editable_sheet_has_update_stamps_staff_cannot_edit(sheet, stamps) -> None:
    when, who = stamps
    spec = c.EDITABLE[sheet]
    assert spec.column(when).kind is K.DATETIME and spec.column(who).kind is K.TEXT
    assert not spec.column(when).editable and not spec.column(who).editable
    assert set(c.UPDATE_STAMPS) == set(c.EDITABLE)
    assert set(stamps) <= roles.all_stamps(sheet)


# Which role writes which editable column: the TPI's three LKE columns are the penilai's only.
WRITERS = [
    (c.Sheet.ACTIONS, ActionCol.PROGRESS, True, False),
    (c.Sheet.ACTIONS, ActionCol.LKE_ROWS, True, False),
    (c.Sheet.EVIDENCE, EvidenceCol.LINK, True, False),
    (c.Sheet.LKE, LkeCol.ANSWER, True, False),
    (c.Sheet.LKE, LkeCol.NOTES, True, False),
    (c.Sheet.LKE, LkeCol.LINKS, True, False),
    (c.Sheet.LKE, LkeCol.TPI_ANSWER, False, True),
    (c.Sheet.LKE, LkeCol.TPI_NOTES, False, True),
    (c.Sheet.LKE, LkeCol.REVIEW, False, True),
]


@pytest.mark.parametrize(("sheet", "column", "editor", "assessor"), WRITERS)
def test_which_role_may_write_a_column(sheet, column, editor, assessor) -> None:
    assert roles.may_write(roles.Role.EDITOR, sheet, column) is editor
    assert roles.may_write(roles.Role.ASSESSOR, sheet, column) is assessor
    tpi = roles.TPI_STAMPS.get(sheet)
    assert roles.stamps_of(sheet, column) == (tpi if assessor else c.UPDATE_STAMPS[sheet])


def test_every_editable_column_is_written_by_exactly_one_role() -> None:
    for sheet, spec in c.EDITABLE.items():
        for col in spec.columns:
            if col.editable:
                writers = [r for r in roles.Role if roles.may_write(r, sheet, col.name)]
                assert len(writers) == 1, (sheet, col.name)
    assert [r.value for r in roles.Role] == ["penyunting", "penilai"]


def test_column_lookup() -> None:
    assert c.ACTIONS.column(ActionCol.PROGRESS) == c.Column(
        ActionCol.PROGRESS, K.PERCENT, width=10, editable=True
    )
    assert c.EVIDENCE.column(EvidenceCol.LINK).width == 40

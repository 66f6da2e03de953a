"""Builds data/rencana_aksi.xlsx from the SK annex: the workbook staff open in Excel."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, Final

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from zi_dash.base import (
    DATE_FORMAT,
    EVIDENCE_COLORS,
    STATUS_COLORS,
    ActionCol,
    ContactCol,
    EvidenceCol,
    InfoKey,
    LkeCol,
    SheetSpec,
)
from zi_dash.base import contract as c
from zi_dash.lke import format_rows, tegal_links
from zi_dash.sk.annex import SOURCE, SkRow, load_sk_rows
from zi_dash.sk.contacts_sheet import add_contacts_sheet_to, contact_rows
from zi_dash.sk.evidence_links import evidence_items, item_links
from zi_dash.sk.lke_sheet import add_lke_sheet_to
from zi_dash.sk.sheets import bound_rule, fill, list_rule, write_sheet

# Validations and formats reach this far below the data so rows staff add are covered too.
VALIDATION_LAST_ROW: Final = 2000
PLAN_YEAR: Final = 2022
UNIT: Final = "KPU Kota Tegal"
LEGAL_BASIS: Final = (
    "Keputusan Komisi Pemilihan Umum Kota Tegal Nomor 5/2022 tentang Rencana Aksi Pembangunan "
    "Zona Integritas di Lingkungan Komisi Pemilihan Umum Kota Tegal"
)
ENACTED: Final = date(2022, 4, 13)

_SK_NAME: Final = "SK Nomor 5/2022"
GUIDE: Final[tuple[str, ...]] = (
    "Petunjuk pengisian workbook Rencana Aksi Zona Integritas",
    "",
    "Workbook ini dibaca langsung oleh dasbor pemantauan.",
    "Workbook boleh diubah di Excel, dengan aturan berikut:",
    "1. Jangan mengubah nama lembar (sheet) dan judul kolom pada baris pertama.",
    "   Urutan kolom boleh diubah dan kolom tambahan boleh ditambahkan di sebelah kanan.",
    f"2. Kolom berlatar abu-abu pada lembar 'Rencana Aksi' adalah teks {_SK_NAME}:",
    "   ID, Area, Komponen, Indikator, Langkah Aksi, Bukti Fisik dan Target Waktu. Jangan diubah.",
    "3. Status diisi dari daftar pilihan: Belum Mulai, Dalam Proses, atau Selesai.",
    "   Progres (%) diisi angka 0 sampai 100. Status Selesai berarti progres 100.",
    "4. Mulai dan Selesai boleh dikosongkan. Bila diisi (tanggal, contoh 15/04/2022),",
    "   tanggal itu menggantikan jadwal yang dibaca dari Target Waktu.",
    "5. Lembar 'Bukti' berisi satu baris untuk setiap dokumen bukti dukung.",
    "   Status Bukti: Belum Ada, Ada, Perlu Perbaikan, atau Terverifikasi.",
    "   Tautan diisi alamat folder/berkas (misalnya Google Drive) atau lokasi berkas di server.",
    "6. Bukti baru untuk suatu aksi: tambahkan baris dengan ID Bukti berikutnya (contoh III.3.2/5)",
    "   dan ID Aksi yang sama. ID harus unik.",
    "7. Lembar 'Riwayat' diisi otomatis oleh dasbor setiap kali ada perubahan. Jangan diubah.",
    "8. Tutup berkas di Excel setelah selesai mengedit: selama berkas terbuka di Excel,",
    "   dasbor menolak menyimpan perubahan agar pekerjaan Anda tidak tertimpa.",
    "9. Jangan menambahkan rumus pada lembar data; isi nilai saja.",
    f"10. Lembar '{c.Sheet.LKE}' adalah Lembar Kerja Evaluasi Zona Integritas",
    f"   (PermenPANRB 90/2021): satu baris per baris LKE yang dinilai, dengan nomor {LkeCol.ROW}",
    f"   resminya. Kolom abu-abu ({LkeCol.ROW} sampai {LkeCol.CRITERIA}) adalah teks LKE:",
    "   jangan diubah.",
    f"   {LkeCol.ANSWER} diisi sesuai {LkeCol.TYPE}: Ya atau Tidak; satu huruf A sampai E",
    f"   (artinya tertulis di {LkeCol.CRITERIA}); bilangan bulat untuk baris Jumlah; nilai",
    "   0 sampai 4 untuk hasil survei (contoh 3,6). Persentase tidak diisi: dasbor menghitungnya",
    f"   dari baris Jumlah di bawahnya. {LkeCol.NOTES} bebas; {LkeCol.LINKS} diisi satu tautan",
    "   per baris (Alt+Enter). Nilai yang dihitung dasbor dari lembar ini adalah penilaian",
    "   mandiri, bukan nilai resmi dari TPI atau Kementerian PANRB.",
    f"11. Kolom '{ActionCol.LKE_ROWS}' pada lembar '{c.Sheet.ACTIONS}' diisi nomor baris",
    f"   pertanyaan LKE (kolom {LkeCol.ROW} di lembar '{c.Sheet.LKE}') yang didukung aksi itu,",
    "   dipisah koma: contoh 18 atau 18, 20. Hanya baris pertanyaan, bukan subkomponen atau",
    "   Jumlah. Dasbor memakainya untuk menunjukkan pertanyaan LKE yang didukung rencana aksi.",
    f"12. Kolom {LkeCol.TPI_ANSWER}, {LkeCol.TPI_NOTES} dan {LkeCol.REVIEW} pada lembar",
    f"   '{c.Sheet.LKE}' diisi Tim Penilai Internal (akun penilai), bukan unit.",
    f"   {LkeCol.TPI_ANSWER} diisi seperti {LkeCol.ANSWER};",
    f"   {LkeCol.REVIEW}: {', '.join(c.REVIEW_STATUSES)}.",
    f"   Bila unit mengubah {LkeCol.ANSWER} atau {LkeCol.LINKS} pertanyaan yang",
    f"   {c.ReviewStatus.NEEDS_FIX}, dasbor mengubah statusnya menjadi {c.ReviewStatus.RECHECK}.",
    f"13. Lembar '{c.Sheet.CONTACTS}' berisi cara menghubungi setiap penanggung jawab untuk",
    f"   pengingat: {ContactCol.PIC} ditulis persis seperti di lembar '{c.Sheet.ACTIONS}',",
    f"   {ContactCol.PHONE} diawali 08 atau +62 (spasi dan tanda - boleh, contoh 0812-3456-7890),",
    f"   {ContactCol.EMAIL} alamat email. Penanggung jawab baru: tambahkan barisnya di bawah.",
)

# Another satker's plan, another year's or a blank template names no particular SK.
OTHER_GUIDE: Final = tuple(line.replace(_SK_NAME, "SK rencana aksi") for line in GUIDE)

_FIXED_TIMESTAMP: Final = datetime(2022, 4, 13)


_SOURCE_COLUMNS: Final = frozenset(
    {
        ActionCol.ID,
        ActionCol.AREA,
        ActionCol.AREA_NAME,
        ActionCol.COMPONENT_NO,
        ActionCol.COMPONENT,
        ActionCol.INDICATOR,
        ActionCol.STEP,
        ActionCol.EVIDENCE,
        ActionCol.TARGET,
        ActionCol.OUTCOME,
    }
)


def _column_range(spec: SheetSpec, name: str) -> str:
    letter = get_column_letter(spec.headers.index(name) + 1)
    return f"{letter}2:{letter}{VALIDATION_LAST_ROW}"


def _list_validation(ws: Worksheet, spec: SheetSpec, column: str) -> None:
    dv = list_rule(spec.allowed[column], column, "Nilai tidak sah")
    dv.add(_column_range(spec, column))
    ws.add_data_validation(dv)


def _progress_validation(ws: Worksheet) -> None:
    dv = bound_rule(
        "decimal",
        ("0", "100"),
        ("Progres tidak sah", "Isi angka 0 sampai 100."),
        (ActionCol.PROGRESS, "Angka 0 sampai 100"),
    )
    dv.add(_column_range(c.ACTIONS, ActionCol.PROGRESS))
    ws.add_data_validation(dv)


def _date_validation(ws: Worksheet, column: str) -> None:
    # Serial numbers of 1 Jan 2000 and 31 Dec 2100: any real plan date, never a typo like 2202.
    dv = bound_rule(
        "date", ("36526", "73415"), ("Tanggal tidak sah", "Isi tanggal, contoh 15/04/2022.")
    )
    dv.add(_column_range(c.ACTIONS, column))
    ws.add_data_validation(dv)


def _status_colours(ws: Worksheet, spec: SheetSpec, column: str, colours: dict[str, str]) -> None:
    target = _column_range(spec, column)
    for value, colour in colours.items():
        if value in spec.allowed[column]:
            ws.conditional_formatting.add(
                target,
                CellIsRule(
                    operator="equal",
                    formula=[f'"{value}"'],
                    fill=fill(colour),
                    font=Font(color="FFFFFF", bold=True),
                ),
            )


def action_rows(rows: Sequence[SkRow]) -> list[dict[str, object]]:
    """Rencana Aksi rows for the SK rows: SK text verbatim, no progress invented."""
    return [
        {
            ActionCol.ID: r.id,
            ActionCol.AREA: r.area,
            ActionCol.AREA_NAME: c.AREA_NAMES[r.area],
            ActionCol.COMPONENT_NO: r.component_no,
            ActionCol.COMPONENT: r.component,
            ActionCol.INDICATOR: r.indicator,
            ActionCol.STEP: r.step,
            ActionCol.EVIDENCE: r.evidence,
            ActionCol.TARGET: r.target,
            ActionCol.PIC: r.pic or None,
            ActionCol.OUTCOME: r.outcome or None,
            ActionCol.LKE_ROWS: r.lke or None,
            ActionCol.STATUS: c.Status.NOT_STARTED,
            ActionCol.PROGRESS: 0,
            ActionCol.NOTES: r.notes or None,
        }
        for r in rows
    ]


def evidence_rows(rows: Sequence[SkRow]) -> list[dict[str, object]]:
    """Bukti rows: one per document named in each action's BUKTI FISIK (none when it is empty)."""
    out: list[dict[str, object]] = []
    for r in rows:
        items = evidence_items(r.evidence)
        for n, (item, link) in enumerate(zip(items, item_links(items, r.links), strict=True), 1):
            out.append(
                {
                    EvidenceCol.ID: f"{r.id}/{n}",
                    EvidenceCol.ACTION_ID: r.id,
                    EvidenceCol.ITEM: item,
                    # Missing even with a link: a link is not a document checked to be there.
                    EvidenceCol.STATUS: c.EvidenceStatus.MISSING,
                    EvidenceCol.LINK: link,
                }
            )
    return out


def _actions_spec(actions: Sequence[Mapping[str, object]]) -> SheetSpec:
    # Target Keluaran only for plans that have one: the Tegal workbook stays as it was.
    if any(a.get(ActionCol.OUTCOME) for a in actions):
        return c.ACTIONS
    kept = tuple(col for col in c.ACTIONS.columns if col.name != ActionCol.OUTCOME)
    return dataclasses.replace(c.ACTIONS, columns=kept)


def _values(spec: SheetSpec, rows: Iterable[Mapping[str, object]]) -> list[list[object]]:
    return [[row.get(h) for h in spec.headers] for row in rows]


def write_workbook(
    out: Path | BinaryIO,
    actions: Sequence[Mapping[str, object]],
    evidence: Sequence[Mapping[str, object]],
    *,
    year: int | None = PLAN_YEAR,
    unit: str = UNIT,
    legal_basis: str = LEGAL_BASIS,
    enacted: date | None = ENACTED,
    log: Sequence[Mapping[str, object]] = (),
    areas: Sequence[str] = c.AREA_CODES,
    guide: Sequence[str] = GUIDE,
    lke: bool = True,
    contacts: Sequence[Mapping[str, object]] | None = (),
) -> Path | BinaryIO:
    """Write a styled, validated workbook of the contract (to a path or a binary stream).

    `lke=False` leaves out the LKE sheet: a workbook as made before it (for tests and benches).
    `contacts`: the Kontak rows to keep (each PIC of `actions` is added); None leaves it out.
    """
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = c.Sheet.ACTIONS
    spec = _actions_spec(actions)
    write_sheet(ws, spec, _values(spec, actions), grey=_SOURCE_COLUMNS)
    _list_validation(ws, c.ACTIONS, ActionCol.STATUS)
    _list_validation(ws, c.ACTIONS, ActionCol.AREA)
    _progress_validation(ws)
    _date_validation(ws, ActionCol.START)
    _date_validation(ws, ActionCol.END)
    _status_colours(ws, c.ACTIONS, ActionCol.STATUS, STATUS_COLORS)

    ws = wb.create_sheet(c.Sheet.EVIDENCE)
    write_sheet(ws, c.EVIDENCE, _values(c.EVIDENCE, evidence))
    _list_validation(ws, c.EVIDENCE, EvidenceCol.STATUS)
    _status_colours(ws, c.EVIDENCE, EvidenceCol.STATUS, EVIDENCE_COLORS)

    ws = wb.create_sheet(c.Sheet.AREAS)
    write_sheet(ws, c.AREAS, [[a, c.AREA_NAMES[a], c.LKE_WEIGHTS[a]] for a in areas])

    ws = wb.create_sheet(c.Sheet.LOG)
    write_sheet(ws, c.LOG, _values(c.LOG, log))

    ws = wb.create_sheet(c.Sheet.INFO)
    info = [
        [InfoKey.UNIT, unit],
        [InfoKey.YEAR, year],
        [InfoKey.LEGAL_BASIS, legal_basis],
        [InfoKey.ENACTED, enacted],
    ]
    write_sheet(ws, c.INFO, info)
    ws.cell(row=5, column=2).number_format = DATE_FORMAT
    ws.cell(row=5, column=2).alignment = Alignment(horizontal="left", vertical="top")

    ws = wb.create_sheet(c.Sheet.GUIDE)
    ws.column_dimensions["A"].width = 110
    for line in guide:
        ws.append([line])
    ws["A1"].font = Font(bold=True, size=14)
    if lke:
        # Last: the parts of the sheets before it keep their numbers in the package.
        add_lke_sheet_to(wb)
    if contacts is not None:
        add_contacts_sheet_to(wb, contact_rows(actions, contacts))

    wb.properties.creator = "zi_dash"
    wb.properties.title = " ".join(f"Rencana Aksi Zona Integritas {unit} {year or ''}".split())
    wb.properties.created = _FIXED_TIMESTAMP
    wb.properties.modified = _FIXED_TIMESTAMP
    if isinstance(out, Path):
        out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def workbook_bytes(
    actions: Sequence[Mapping[str, object]],
    evidence: Sequence[Mapping[str, object]],
    **info: Any,
) -> bytes:
    """The bytes of the workbook write_workbook would write (for a download, or an atomic write)."""
    buffer = io.BytesIO()
    write_workbook(buffer, actions, evidence, **info)
    return buffer.getvalue()


def build_workbook(out: Path, source: Path = SOURCE) -> Path:
    """Write the action-plan workbook for the SK text at `source` to `out`."""
    # The SK's annex goes through the table reader every other satker's table goes through.
    rows = load_sk_rows(source)
    actions = action_rows(rows)
    for row, action in zip(rows, actions, strict=True):
        action[ActionCol.LKE_ROWS] = format_rows(
            tegal_links(row.area, row.component_no, row.indicator, row.step)
        )
    write_workbook(out, actions, evidence_rows(rows))
    return out

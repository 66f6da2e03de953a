"""Plan tables in .xlsx, .csv and .docx as satker files lay them out (tests/plan_sources.py):
the SK's own rows in eight layouts read back exactly, two other units' plans, and files that
cannot be read."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import astuple
from datetime import datetime

import docx
import openpyxl
import pytest

from tests import plan_sources as ps
from tests import zipparts
from zi_dash.schedule import parse_target
from zi_dash.sk import SourceError, read_source

SK_IDS = [r.id for r in ps.SK_ROWS]


@pytest.mark.parametrize("key", list(ps.SK_SOURCES))
def test_the_sks_rows_read_back_from_every_layout(key: str) -> None:
    name, make = ps.SK_SOURCES[key]
    read = read_source(name, make())
    assert [r.id for r in read.rows] == SK_IDS
    assert read.areas == {"I": 5, "II": 6, "III": 18, "IV": 10, "V": 19, "VI": 12}
    for got, sk in zip(read.rows, ps.SK_ROWS, strict=True):
        # Every text verbatim: component, indicator, step, evidence and target.
        assert astuple(got)[:8] == astuple(sk)[:8], sk.id
        assert parse_target(got.target, 2022).intervals == parse_target(sk.target).intervals


def test_eight_sk_layouts_cover_xlsx_csv_and_docx() -> None:
    kinds = [name.rsplit(".", 1)[1] for name, _ in ps.SK_SOURCES.values()]
    assert len(kinds) == 8 and set(kinds) == {"xlsx", "csv", "docx"}


def test_the_row_counter_layout_keeps_its_pic_column() -> None:
    read = read_source("nomor.csv", ps.csv_row_counter())
    assert read.rows[0].pic == "Subbag I" and read.headers["Penanggung Jawab"] == "PIC"


def test_docx_reads_the_largest_table_and_the_title_above_it() -> None:
    read = read_source("SK.docx", ps.docx_sk_merged())
    assert read.title == "LAMPIRAN KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA TEGAL NOMOR: 5/2022"


def test_a_plan_of_kpu_kabupaten_brebes() -> None:
    read = read_source("brebes.xlsx", ps.xlsx_brebes())
    assert [r.id for r in read.rows] == [
        "I.1.1", "I.1.2", "I.2.1", "II.1.1", "III.1.1", "IV.1.1", "V.1.1", "VI.1.1",
    ]  # fmt: skip
    for got, (area, comp, ind, step, ev, target, pic) in zip(read.rows, ps.BREBES, strict=True):
        assert (got.area, got.component, got.indicator, got.step, got.evidence) == (
            area, comp, ind, step, ev,
        )  # fmt: skip
        assert (got.target, got.pic) == (target, pic)
    readings = {r.id: parse_target(r.target, 2023).reading for r in read.rows}
    assert readings == {
        "I.1.1": "8–14 Januari 2023",
        "I.1.2": "tiap bulan Januari–Desember 2023",
        "I.2.1": "Januari–Maret 2023; Juni, September, Desember 2023",
        "II.1.1": "8–14 Maret 2023",
        "III.1.1": "Januari–Juni 2023",
        "IV.1.1": "Juni, Desember 2023",
        "V.1.1": "22–28 April 2023",
        "VI.1.1": "15 Maret 2023",
    }
    assert "KABUPATEN BREBES TAHUN 2023" in read.title


def test_a_plan_of_kpu_kota_pekalongan_with_four_areas() -> None:
    read = read_source("pekalongan.docx", ps.docx_pekalongan())
    assert [(r.id, r.component) for r in read.rows] == [
        ("II.1.1", "Keterbukaan Informasi Publik"),
        ("II.1.2", "Keterbukaan Informasi Publik"),
        ("IV.1.1", "Penetapan Kinerja"),
        ("IV.2.1", "Pelaporan Kinerja"),
        ("V.1.1", "Whistle Blowing System"),
        ("VI.1.1", "Survei Kepuasan"),
    ]
    assert [r.target for r in read.rows] == [p[5] for p in ps.PEKALONGAN]
    assert [r.evidence for r in read.rows] == [p[4] for p in ps.PEKALONGAN]
    assert parse_target(read.rows[1].target, 2024).reading == "Desember 2024 – Januari 2025"
    assert read.notes == [
        "Area I (Manajemen Perubahan) tidak ada di tabel.",
        "Area III (Penataan Sistem Manajemen SDM) tidak ada di tabel.",
    ]


def test_the_sheet_holding_the_table_is_found_or_named() -> None:
    data = ps.xlsx_area_column_merged()  # an empty first sheet, the table on "RA ZI"
    assert len(read_source("ra.xlsx", data).rows) == 70
    assert len(read_source("ra.xlsx", data, sheet="RA ZI").rows) == 70
    with pytest.raises(SourceError, match=r'Lembar "Data" tidak ada.*Catatan, RA ZI'):
        read_source("ra.xlsx", data, sheet="Data")
    with pytest.raises(SourceError, match="judul kolom yang terbaca: lembar ini kosong"):
        read_source("ra.xlsx", data, sheet="Catatan")


def _docx_without_table() -> bytes:
    document = docx.Document()
    document.add_paragraph("Rencana aksi menyusul.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _xlsx_without_action() -> bytes:
    wb = openpyxl.Workbook()
    wb.active.append(["NO", "KOMPONEN", "INDIKATOR", "OUTPUT", "KETERANGAN"])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("a.pdf", lambda: b"%PDF-1.4", "jenisnya harus .xlsx, .csv atau .docx"),
        ("a.csv", lambda: b"", 'Berkas "a.csv" kosong'),
        (
            "a.xlsx",
            lambda: b"PK\x03\x04 rusak",
            '"a.xlsx" adalah workbook Excel (.xlsx) yang rusak',
        ),
        ("a.xlsx", lambda: b"nama;alamat\n", 'Berkas "a.xlsx" bukan workbook Excel (.xlsx).'),
        ("a.docx", lambda: b"bukan zip", 'Berkas "a.docx" bukan dokumen Word (.docx).'),
        ("a.docx", _docx_without_table, 'Dokumen "a.docx" tidak memuat tabel'),
        (
            "a.xlsx",
            _xlsx_without_action,
            "kolom Langkah Aksi tidak ditemukan; judul kolom yang terbaca: NO, KOMPONEN, "
            "INDIKATOR, OUTPUT, KETERANGAN.",
        ),
        ("a.csv", lambda: b"nama;alamat\nBudi;Tegal\n", "judul kolom yang terbaca: nama"),
        ("a.csv", lambda: b'a,b\n"' + b"x" * 200_000 + b'",c\n', "bukan tabel CSV yang dapat"),
    ],
)
def test_unreadable_files_say_why(name: str, make: Callable[[], bytes], message: str) -> None:
    with pytest.raises(SourceError) as caught:
        read_source(name, make())
    assert message in str(caught.value)


@pytest.mark.parametrize("kept", [0.05, 0.5, 0.99])
@pytest.mark.parametrize(
    ("name", "make", "kind"),
    [
        ("lampiran.xlsx", ps.xlsx_brebes, "workbook Excel (.xlsx)"),
        ("lampiran.docx", ps.docx_pekalongan, "dokumen Word (.docx)"),
    ],
)
def test_a_truncated_upload_is_called_damaged(
    name: str, make: Callable[[], bytes], kind: str, kept: float
) -> None:
    data = make()
    with pytest.raises(SourceError) as caught:
        read_source(name, data[: int(len(data) * kept)])
    assert str(caught.value) == (
        f'Berkas "{name}" adalah {kind} yang rusak: terpotong (terunduh atau tersalin '
        "setengah) atau isinya tidak utuh. Buka berkas aslinya lalu simpan lagi, atau unggah "
        "salinan yang utuh."
    )


def test_a_file_over_20_mb_is_refused() -> None:
    with pytest.raises(SourceError, match="lebih besar dari 20 MB"):
        read_source("a.csv", b"x" * (20 * 1024 * 1024 + 1))


def test_excel_dates_and_numbers_read_as_shown() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"])
    ws.append(["IV. PENGUATAN AKUNTABILITAS"])
    ws.append([2.0, "Perencanaan", "Renja", "Menyusun", "Renja 2023", datetime(2023, 4, 15)])
    buffer = io.BytesIO()
    wb.save(buffer)
    row = read_source("tanggal.xlsx", buffer.getvalue()).rows[0]
    assert (row.id, row.target) == ("IV.2.1", "15 April 2023")
    assert parse_target(row.target).reading == "15 April 2023"


def _sparse_xlsx() -> bytes:
    """The issue's 5 KB file: a value in A1 and one at row 20000, column 200."""
    wb = openpyxl.Workbook()
    wb.active.title = "Lampiran"
    wb.active["A1"] = "RENCANA AKSI"
    wb.active.cell(20_000, 200, "x")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _docx_bomb() -> bytes:
    """A Word document with a part that unpacks a thousand times larger than it is stored."""
    data = ps.docx_sk_merged()
    contents = zipparts.parts(data)
    contents["word/media/kosong.bin"] = b"\0" * 3_000_000
    return zipparts.pack(contents)


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        (
            "lampiran.xlsx",
            _sparse_xlsx,
            'Berkas "lampiran.xlsx" ditolak: lembar "Lampiran" terisi sampai baris 20000 dan '
            "kolom ke-200: 4000000 sel (paling banyak 3000000).",
        ),
        (
            "lampiran.docx",
            _docx_bomb,
            'Berkas "lampiran.docx" ditolak: bagian "word/media/kosong.bin" dimampatkan secara '
            "tidak wajar.",
        ),
        ("lampiran.csv", lambda: b"a,b\n" * 100_001, "berisi 100002 baris (paling banyak 100000)"),
        ("lampiran.csv", lambda: b";" * 2000 + b"\n", "berisi 2001 kolom (paling banyak 256)"),
    ],
)
def test_a_source_beyond_a_plans_bounds_is_refused_before_it_is_parsed(
    name: str, make: Callable[[], bytes], message: str
) -> None:
    with pytest.raises(SourceError) as caught:
        read_source(name, make())
    assert message in str(caught.value)


def test_the_xlsx_reader_keeps_merged_cells_as_a_person_sees_them() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"])
    ws.append(["I. MANAJEMEN PERUBAHAN"])
    ws.merge_cells("A2:F2")
    ws.append([1, "Tim Kerja", "SK Tim", "Menyusun SK", "SK", "April 2022"])
    ws.append([None, None, "Rencana", "Menyusun rencana", "Dokumen", "Mei 2022"])
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:B4")
    buffer = io.BytesIO()
    wb.save(buffer)
    rows = read_source("gabung.xlsx", buffer.getvalue()).rows
    assert [(r.id, r.component, r.indicator) for r in rows] == [
        ("I.1.1", "Tim Kerja", "SK Tim"),
        ("I.1.2", "Tim Kerja", "Rencana"),
    ]

"""Splitting BUKTI FISIK into separate documents: a table of cases, then the whole SK."""

from __future__ import annotations

import re

import pytest

from zi_dash.base import tidy
from zi_dash.sk import load_sk_rows, split_evidence

CASES = [
    (
        "Undangan, daftar hadir, foto, dan notulen rapat pemetaan kebutuhan pegawai",
        ["Undangan", "daftar hadir", "foto", "notulen rapat pemetaan kebutuhan pegawai"],
    ),
    (
        "1) Sosialisasi SOP Alur Kerja KPU Kota Tegal 2) <i>Screenshot</i> /foto ketersediaan "
        "SOP 3) Laporan rapat evaluasi SOP",
        [
            "Sosialisasi SOP Alur Kerja KPU Kota Tegal",
            "Screenshot /foto ketersediaan SOP",
            "Laporan rapat evaluasi SOP",
        ],
    ),
    (
        "PK Eselon III dan IV tahun 2022 dan SKP Eselon III, IV dan pelaksana tahun 2021, "
        "Renstra 2022",
        [
            "PK Eselon III dan IV tahun 2022",
            "SKP Eselon III, IV dan pelaksana tahun 2021",
            "Renstra 2022",
        ],
    ),
    (
        "SK Tim Kerja ZI tahun 2022 / Kelompok Kerja yang ditandatangani oleh Ketua KPU Kota "
        "Tegal; dan Prosedur pemilihan Tim Kerja ZI",
        [
            "SK Tim Kerja ZI tahun 2022 / Kelompok Kerja yang ditandatangani oleh Ketua KPU "
            "Kota Tegal",
            "Prosedur pemilihan Tim Kerja ZI",
        ],
    ),
    ("dokumen SKP CPNS dan laporan Tahunan OS", ["dokumen SKP CPNS", "laporan Tahunan OS"]),
    (
        "Laporan monitoring dan evaluasi penanganan benturan kepentingan",
        ["Laporan monitoring dan evaluasi penanganan benturan kepentingan"],
    ),
    (
        "Draft dan dokumentasi rapat penyusunan LAKIP 2021",
        ["Draft LAKIP 2021", "dokumentasi rapat penyusunan LAKIP 2021"],
    ),
    (
        "Dokumentasi Rapat, Undangan, Daftar Hadir, dan Notulensi",
        ["Dokumentasi Rapat", "Undangan", "Daftar Hadir", "Notulensi"],
    ),
    ("SK mutasi JFU (a.n. Yuli Edi Suryanto)", ["SK mutasi JFU (a.n. Yuli Edi Suryanto)"]),
    (
        "Dokumen-dokumen kepemiluan yang dapat diakses oleh publik melalui e-PPID ( "
        "<i>screenshot</i> ), piagam-piagam penghargaan ( <i>foto/scan</i> )",
        [
            "Dokumen-dokumen kepemiluan yang dapat diakses oleh publik melalui e-PPID (screenshot)",
            "piagam-piagam penghargaan (foto/scan)",
        ],
    ),
    (
        "Surat Pernyataan A, dan Surat Pernyataan B (jika ada, dan perlu)",
        ["Surat Pernyataan A", "Surat Pernyataan B (jika ada, dan perlu)"],
    ),
    ("Daftar hadir notulen dokumen terkait", ["Daftar hadir", "notulen", "dokumen terkait"]),
    ("Renstra, RKT, RKA", ["Renstra", "RKT", "RKA"]),
    ("Foto kegiatan serta laporan kegiatan", ["Foto kegiatan", "laporan kegiatan"]),
    ("1. Notulen 2. Foto", ["Notulen", "Foto"]),
    ("Laporan 2) lampiran", ["Laporan 2) lampiran"]),  # a lone "2)" is not a list
    ("  Bukti   tanggapan ", ["Bukti tanggapan"]),
    ("", []),
    (None, []),
    (",;", [",;"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split(text: str | None, expected: list[str]) -> None:
    assert split_evidence(text) == expected


@pytest.mark.parametrize("row", load_sk_rows(), ids=lambda r: r.id)
def test_every_sk_row_splits_into_items_taken_from_its_text(row) -> None:
    items = split_evidence(row.evidence)
    assert items, row.id
    source = re.findall(r"\w+", tidy(row.evidence).casefold())
    for item in items:
        assert item and item == item.strip()
        # Every word is the SK's, in the SK's order (a shared tail such as "LAKIP 2021" may
        # complete an item that the SK names by one word: "Draft" -> "Draft LAKIP 2021").
        words = iter(source)
        assert all(w in words for w in re.findall(r"\w+", item.casefold())), (row.id, item)


def test_total_items_of_the_sk() -> None:
    assert sum(len(split_evidence(r.evidence)) for r in load_sk_rows()) == 121

"""Satuan kerja, year and legal basis read from the text above a plan table."""

from __future__ import annotations

import pytest

from zi_dash.sk import SkRow, guess_legal_basis, guess_unit, guess_year


@pytest.mark.parametrize(
    ("title", "unit"),
    [
        ("LAMPIRAN KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN BREBES NOMOR 12/2023",
         "KPU Kabupaten Brebes"),
        ("RENCANA AKSI ZI KPU KOTA TEGAL TAHUN 2023", "KPU Kota Tegal"),
        ("kpu kab. banyumas", "KPU Kabupaten Banyumas"),
        ("Sekretariat KPU Provinsi Jawa Tengah", "KPU Provinsi Jawa Tengah"),
        ("KPU PROVINSI DKI JAKARTA", "KPU Provinsi DKI Jakarta"),
        ("Rencana Aksi Zona Integritas", ""),
        ("KPU KOTA", ""),
    ],
)  # fmt: skip
def test_the_satker(title: str, unit: str) -> None:
    assert guess_unit(title) == unit


def _row(target: str) -> SkRow:
    return SkRow("I.1.1", "I", 1, "K", "I", "L", "B", target)


@pytest.mark.parametrize(
    ("title", "targets", "year"),
    [
        ("RENCANA AKSI TAHUN 2024 NOMOR 5/2023", ["Juni 2023"], 2024),
        ("NOMOR 5/2022", ["April 2023", "Juni 2023", "Januari 2024"], 2023),
        ("NOMOR 5/2022", ["tiap bulan"], 2022),
        ("Rencana aksi", [], None),
    ],
)
def test_the_year(title: str, targets: list[str], year: int | None) -> None:
    assert guess_year(title, [_row(t) for t in targets]) == year


@pytest.mark.parametrize(
    ("title", "basis"),
    [
        (
            "LAMPIRAN SURAT KEPUTUSAN KPU KOTA PEKALONGAN NOMOR 7 TAHUN 2024 TENTANG RENCANA",
            "SURAT KEPUTUSAN KPU KOTA PEKALONGAN NOMOR 7 TAHUN 2024",
        ),
        ("LAMPIRAN KEPUTUSAN KPU KOTA TEGAL NOMOR: 5/2022",
         "KEPUTUSAN KPU KOTA TEGAL NOMOR: 5/2022"),
        ("RENCANA AKSI KPU KOTA TEGAL", ""),
    ],
)  # fmt: skip
def test_the_legal_basis(title: str, basis: str) -> None:
    assert guess_legal_basis(title) == basis

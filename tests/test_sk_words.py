"""Header words and area names as satker files spell them."""

from __future__ import annotations

import pytest

from zi_dash.sk import area_code
from zi_dash.sk.words import BY_WORD, letters


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I", "I"),
        ("vi.", "VI"),
        ("Area Manajemen Perubahan", "I"),
        ("I. MANAJEMEN PERUBAHAN", "I"),
        ("I Area Manajemen Perubahan", "I"),
        ("<b>PENATAAN SISTEM MANAJEMEN SDM</b>", "III"),
        ("Penataan Sistem Manajemen Sumber Daya Manusia", "III"),
        ("B. Penataan Tatalaksana", "II"),
        ("AREA IV. PENGUATAN AKUNTABILITAS KINERJA", "IV"),
        ("5) Penguatan  Pengawasan", "V"),
        ("AREA I: MANAJEMEN PERUBAHAN", "I"),
        ("II - Penataan Tata Laksana", "II"),
        ("Penguatan Pengawasan (Area V)", "V"),
        ("f. peningkatan kualitas pelayanan publik", "VI"),
        ("Pengungkit", None),
        ("VII", None),
        ("Manajemen", None),
        ("", None),
    ],
)
def test_area_names_as_units_write_them(text: str, code: str | None) -> None:
    assert area_code(text) == code


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("AREA PERUBAHAN", "Area"),
        ("Area Perubahan", "Area"),
        ("KOMPONEN", "Komponen"),
        ("indikator", "Indikator"),
        ("LANGKAH AKSI", "Langkah Aksi"),
        ("RENCANA AKSI", "Langkah Aksi"),
        ("Kegiatan", "Langkah Aksi"),
        ("BUKTI FISIK", "Bukti Fisik"),
        ("OUTPUT", "Bukti Fisik"),
        ("Bukti Dukung", "Bukti Fisik"),
        ("TARGET WAKTU", "Target Waktu"),
        ("Waktu", "Target Waktu"),
        ("JADWAL", "Target Waktu"),
        ("PENANGGUNG JAWAB", "Penanggung Jawab"),
        ("Penanggung-jawab", "Penanggung Jawab"),
        ("PIC", "Penanggung Jawab"),
        ("No.", "NO"),
        ("Keterangan", "Catatan"),
        ("ket.", "Catatan"),
        ("Catatan", None),
    ],
)
def test_header_words(header: str, role: str | None) -> None:
    assert BY_WORD.get(letters(header)) == role

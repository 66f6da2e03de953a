"""The SK annex reader: every row, verbatim, with stable IDs."""

from __future__ import annotations

from collections import Counter

import pytest

from zi_dash.sk import SourceError, load_sk_rows, read_annex

ROWS = load_sk_rows()


def test_seventy_rows_in_six_areas_and_23_components() -> None:
    assert len(ROWS) == 70
    assert Counter(r.area for r in ROWS) == {
        "I": 5,
        "II": 6,
        "III": 18,
        "IV": 10,
        "V": 19,
        "VI": 12,
    }
    components = {(r.area, r.component_no) for r in ROWS}
    assert len(components) == 23
    per_area = Counter(a for a, _ in components)
    assert per_area == {"I": 4, "II": 3, "III": 6, "IV": 2, "V": 5, "VI": 3}


def test_ids_are_unique_and_follow_area_component_indicator() -> None:
    ids = [r.id for r in ROWS]
    assert len(set(ids)) == 70
    assert ids[:5] == ["I.1.1", "I.2.1", "I.3.1", "I.4.1", "I.4.2"]
    assert ids[-1] == "VI.3.3"
    for r in ROWS:
        area, comp, _ = r.id.split(".")
        assert (area, int(comp)) == (r.area, r.component_no)


def test_text_is_verbatim_without_tags_or_stray_spaces() -> None:
    for r in ROWS:
        for text in (r.component, r.indicator, r.step, r.evidence, r.target):
            assert text, r.id
            assert "<" not in text and ">" not in text, r.id
            assert "  " not in text and text == text.strip(), r.id


@pytest.mark.parametrize(
    ("row_id", "field", "expected"),
    [
        ("I.3.1", "target", "April Minggu ke 3 April 2022, tiap triwulan minggu ke 3,4,5"),
        ("II.1.1", "component", "Prosedur Operasional tetap (SOP) kegiatan utama"),
        (
            "II.2.2",
            "evidence",
            "Screenshot aplikasi JDIH, e-PPID, RPP KPU Kota Tegal, website "
            "KPU Kota Tegal, media sosial KPU Kota Tegal, dan aplikasi layanan KPU Kota Tegal "
            "(bit.ly/layanankpukoteg), Lindungihakmu,",
        ),
        ("IV.2.1", "component", "Pengelolaan Akuntabilitas Kinerja"),  # "2." in the SK
        ("V.4.1", "indicator", "Whistle Blowing System sudah diinternalisasikan dan diterapkan"),
        ("V.4.3", "target", "Juni, September, Desember 2022"),
        ("VI.3.1", "component", "Penilaian Kepuasan Pelayanan"),  # "3." in the SK
    ],
)
def test_spot_checked_cells(row_id: str, field: str, expected: str) -> None:
    row = next(r for r in ROWS if r.id == row_id)
    assert getattr(row, field) == expected


def test_continuation_before_any_component_is_rejected() -> None:
    text = (
        "LAMPIRAN\nNO\tKOMPONEN\tINDIKATOR\tLANGKAH AKSI\tBUKTI FISIK\tTARGET WAKTU\n"
        "<b>I</b>\t<b>Area Manajemen Perubahan</b>\t\t\t\t\n\t\tIndikator X\tL\tB\tT\n"
    )
    with pytest.raises(SourceError, match="lanjutan tanpa komponen"):
        read_annex(text)


def test_text_without_annex_is_rejected() -> None:
    with pytest.raises(SourceError, match="LAMPIRAN"):
        read_annex("KEPUTUSAN tanpa lampiran")

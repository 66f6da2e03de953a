"""Suggested LKE question rows for an action's texts: words, stems, the scorer, the Tegal plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from zi_dash.base import ActionCol
from zi_dash.lke import bank, suggest
from zi_dash.lke.suggest import KEEP_SHARE, candidates, rank, stem, words
from zi_dash.workbook import load_plan


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("Monev TI", ["monitoring", "evaluasi", "teknologi", "informasi"]),  # aliases expanded
        ("Évaluasi  SOP-nya", ["evaluasi", "prosedur", "operasional"]),  # é folded, -nya cut off
        ("Di KPU Kota Tegal tahun 2022", ["tegal"]),  # stop words, the unit's filler, numbers
        ("a b cd", ["cd"]),  # one-letter words carry nothing
        ("WBS; LHKASN", ["whistle", "blowing", "system", "laporan", "harta", "kekayaan"]),
        ("Survey resiko", ["survei", "risiko"]),  # the plans' spellings of the bank's words
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("word", "first"),
    [
        ("menyusun", "susun"),  # meny- + vowel <- s
        ("memantau", "pantau"),  # mem- + vowel <- p
        ("membangun", "bangun"),  # mem- + consonant kept
        ("menetapkan", "tetap"),  # men- + vowel <- t, then -kan
        ("mendukung", "dukung"),  # men- + consonant kept
        ("pelatihan", "latih"),  # pe- before l, then -an
        ("dilakukan", "laku"),
        ("terintegrasi", "integrasi"),
        ("kebijakan", "bijak"),  # ke-…-an, not ke-…-kan
        ("keterbukaan", "terbuka"),
        ("penyusunannya", "susun"),  # -nya, -an, peny-
        ("merencanakan", "rencana"),
        ("sop", "sop"),  # short words untouched
        ("kinerja", "kinerja"),
    ],
)
def test_candidates_most_likely_root_first(word: str, first: str) -> None:
    assert candidates(word)[0] == first


def test_stem_prefers_a_root_the_bank_spells() -> None:
    # "pengelolaan" is peng- + kelola or peng- + elola: the bank's own words decide.
    assert candidates("pengelolaan")[:2] == ("elola", "kelola")
    assert stem("pengelolaan", frozenset({"kelola"})) == "kelola"
    assert stem("pengelolaan") == "elola"


@pytest.mark.parametrize(
    ("found", "limit", "expected"),
    [
        ({}, 3, ()),
        ({6: 1.0}, 0, ()),
        ({6: 1.0, 7: 2.0, 9: 1.5}, 3, (7, 9, 6)),  # best first
        ({6: 1.0, 7: 1.0}, 3, (6, 7)),  # ties in row order
        ({6: 4.0, 7: 1.9, 9: 2.0}, 3, (6, 9)),  # below KEEP_SHARE of the best: noise
        ({6: 3.0, 7: 2.0, 9: 2.5}, 2, (6, 9)),  # at most `limit`
    ],
)
def test_rank(found: dict[int, float], limit: int, expected: tuple[int, ...]) -> None:
    assert KEEP_SHARE == 0.5
    assert rank(found, limit) == expected


# Invented action texts (none is a Tegal row): the area, indicator, step, evidence, and the
# question row a person would link first.
INVENTED = [
    ("I", "Pembentukan tim pembangunan zona integritas", "Rapat pembentukan tim", "SK Tim", 6),
    ("I", "Penetapan agen perubahan", "Menetapkan SK agen perubahan", "SK", 18),
    ("II", "SOP ditinjau ulang", "Rapat evaluasi SOP", "Notulen", 25),
    ("III", "Kebutuhan pelatihan dianalisis", "Menyusun TNA", "Dokumen TNA", 44),
    ("III", "Data pegawai selalu terbaru", "Pemutakhiran data kepegawaian", "Laporan", 58),
    ("IV", "Laporan kinerja disampaikan tepat waktu", "Menyusun LAKIP", "Tanda terima", 69),
    ("IV", "Pimpinan memantau capaian kinerja", "Rapat bulanan capaian kinerja", "Notulen", 63),
    ("V", "Kampanye anti gratifikasi", "Memasang spanduk public campaign", "Foto spanduk", 75),
    ("V", "Aplikasi pelaporan pelanggaran", "Menerapkan WBS", "Screenshot aplikasi", 88),
    ("V", "Risiko kebijakan dinilai", "Identifikasi dan penilaian risiko", "Register risiko", 79),
    ("VI", "Maklumat pelayanan dipasang", "Menyusun maklumat standar pelayanan", "Foto", 100),
    ("VI", "Layanan baru yang memudahkan", "Membuat inovasi pelayanan", "Foto", 109),
    ("VI", "Mengukur kepuasan pengguna layanan", "Menyebarkan kuesioner IKM", "Laporan", 115),
]


@pytest.mark.parametrize(("area", "indicator", "step", "evidence", "first"), INVENTED)
def test_suggest_invented_actions(
    area: str, indicator: str, step: str, evidence: str, first: int
) -> None:
    found = suggest(area, indicator, step, evidence)
    assert found[0] == first
    assert 1 <= len(found) <= 3
    assert all(bank().row(b).area == area for b in found)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("II", "", "", ""), ()),  # nothing typed: nothing suggested
        (("II", "dilaksanakan", "di KPU Kota", "tahun 2022"), ()),  # only filler
        # an area-V topic typed on an area-I action: only area I's rows come back
        (("I", "Whistle blowing system", "aplikasi", "foto"), (11,)),
    ],
)
def test_suggest_edges(args: tuple[str, str, str, str], expected: tuple[int, ...]) -> None:
    assert suggest(*args) == expected


def test_suggest_limit() -> None:
    args = ("V", "Whistle Blowing System", "Evaluasi dan tindak lanjut WBS", "Laporan")
    assert len(suggest(*args, limit=3)) == 3
    assert suggest(*args, limit=1) == suggest(*args)[:1]
    assert suggest(*args, limit=0) == ()


# The SK's components as the LKE Pemenuhan sub-components (issue 20's table).
SK_SUBS = {("I", 1): 5, ("I", 2): 8, ("I", 3): 12, ("I", 4): 16, ("II", 1): 22, ("II", 2): 26,
           ("II", 3): 31, ("III", 1): 35, ("III", 2): 39, ("III", 3): 43, ("III", 4): 50,
           ("III", 5): 55, ("III", 6): 57, ("IV", 1): 60, ("IV", 2): 64, ("V", 1): 74,
           ("V", 2): 77, ("V", 3): 82, ("V", 4): 87, ("V", 5): 91, ("VI", 1): 98,
           ("VI", 2): 103, ("VI", 3): 114}  # fmt: skip


def test_tegal_plan_first_suggestion_lies_in_its_components_sub_component(
    real_workbook: Path,
) -> None:
    # Measured, not tuned to: the scorer never sees the component; 70 of 70 land in it.
    actions = load_plan(real_workbook, lke=False).actions
    misses = []
    for _, a in actions.iterrows():
        texts = (str(a[ActionCol.INDICATOR]), str(a[ActionCol.STEP]), str(a[ActionCol.EVIDENCE]))
        found = suggest(str(a[ActionCol.AREA]), *texts)
        sub = SK_SUBS[(a[ActionCol.AREA], int(a[ActionCol.COMPONENT_NO]))]
        if not found or bank().row(found[0]).sub != sub:
            misses.append((a[ActionCol.ID], found))
    assert len(actions) == 70
    assert misses == []

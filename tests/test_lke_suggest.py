"""Suggested LKE question rows for an action's texts: words, stems, the scorer, the Tegal plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from zi_dash.base import ActionCol
from zi_dash.lke import SK_COMPONENTS, bank, suggest, tegal_links
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


def _tegal(real_workbook: Path) -> list[tuple[str, tuple[int, ...], tuple[int, ...], int]]:
    """Per Tegal action: ID, the hand-checked rows (lke.tegal_links), suggest's, its SK sub."""
    out = []
    for _, a in load_plan(real_workbook, lke=False).actions.iterrows():
        area, no = str(a[ActionCol.AREA]), int(a[ActionCol.COMPONENT_NO])
        texts = (str(a[ActionCol.INDICATOR]), str(a[ActionCol.STEP]), str(a[ActionCol.EVIDENCE]))
        truth = tegal_links(area, no, texts[0], texts[1])
        out.append((str(a[ActionCol.ID]), truth, suggest(area, *texts), SK_COMPONENTS[(area, no)]))
    return out


def test_tegal_plan_against_the_hand_checked_links(real_workbook: Path) -> None:
    # Measured, not tuned to (the scorer never sees the component or these rows): every first
    # suggestion lies in the action's SK sub-component; it is one of the hand-checked rows for
    # 67 of 70 actions; the top three hold 74 of the 76 hand-checked rows.
    found = _tegal(real_workbook)
    assert len(found) == 70
    assert [a for a, _, got, sub in found if bank().row(got[0]).sub != sub] == []
    first = [a for a, truth, got, _ in found if got[0] not in truth]
    assert len(first) <= 3, first  # III.2.2, III.3.6, V.3.2 when measured
    assert sum(len(set(truth) & set(got)) for _, truth, got, _ in found) >= 74
    assert sum(len(truth) for _, truth, _, _ in found) == 76

"""WBK / WBBM verdicts: every minimum just met and just missed, the held predicate, the texts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.test_lke_scoring import full_answers
from zi_dash.lke import bank, score
from zi_dash.lke.verdict import Figures, verdict

WEIGHTS = {"I": 8.0, "II": 7.0, "III": 10.0, "IV": 10.0, "V": 15.0, "VI": 10.0}
FULL = Figures(100.0, 60.0, {a: (w, w) for a, w in WEIGHTS.items()}, 17.5, 5.0, 17.5)


def _area(area: str, share: float) -> Figures:
    w = WEIGHTS[area]
    return replace(FULL, areas={**FULL.areas, area: (w * share, w)})


# (predicate, figures, held, short)
CASES = [
    ("WBK", FULL, "", ()),
    ("WBK", replace(FULL, total=75.0), "", ()),
    ("WBK", replace(FULL, total=75.0 - 1e-12), "", ()),  # float noise is not a miss
    ("WBK", replace(FULL, total=74.99), "", ("Total 74,99, minimal 75,00",)),
    ("WBK", replace(FULL, total=74.996), "", ("Total 74,996, minimal 75,00",)),
    ("WBK", replace(FULL, total=71.25), "", ("Total 71,25, minimal 75,00",)),
    ("WBBM", replace(FULL, total=85.0), "WBK", ()),
    ("WBBM", replace(FULL, total=84.5), "WBK", ("Total 84,50, minimal 85,00",)),
    ("WBK", replace(FULL, pengungkit=40.0), "", ()),
    ("WBK", replace(FULL, pengungkit=39.99), "", ("Pengungkit 39,99, minimal 40,00",)),
    ("WBBM", replace(FULL, pengungkit=48.0), "WBK", ()),
    ("WBBM", replace(FULL, pengungkit=47.5), "WBK", ("Pengungkit 47,50, minimal 48,00",)),
    ("WBK", _area("III", 0.6), "", ()),
    ("WBK", _area("III", 0.52), "", ("Area III: 52,00 % dari bobot, minimal 60 %",)),
    ("WBK", _area("I", 0.5999), "", ("Area I: 59,99 % dari bobot, minimal 60 %",)),
    ("WBBM", _area("V", 0.75), "WBK", ()),
    ("WBBM", _area("V", 0.7), "WBK", ("Area V: 70,00 % dari bobot, minimal 75 %",)),
    ("WBK", replace(FULL, ipak=15.75, capaian=2.5), "", ()),
    (
        "WBK",
        replace(FULL, ipak=15.75, capaian=2.49),
        "",
        (
            "Birokrasi bersih (IPAK + capaian kinerja) 18,24, minimal 18,25",
            "Capaian kinerja 2,49, minimal 2,50",
        ),
    ),
    (
        "WBK",
        replace(FULL, ipak=15.7, capaian=5.0),
        "",
        ("IPAK 15,70, minimal 15,75",),
    ),
    ("WBBM", replace(FULL, ipak=15.75, capaian=3.75), "WBK", ()),
    (
        "WBBM",
        replace(FULL, ipak=17.5, capaian=2.5),
        "WBK",
        ("Capaian kinerja 2,50, minimal 3,75",),
    ),
    (
        "WBBM",
        replace(FULL, ipak=15.75, capaian=3.5),
        "WBK",
        (
            "Birokrasi bersih (IPAK + capaian kinerja) 19,25, minimal 19,50",
            "Capaian kinerja 3,50, minimal 3,75",
        ),
    ),
    ("WBK", replace(FULL, ipkp=14.0), "", ()),
    ("WBK", replace(FULL, ipkp=13.99), "", ("Pelayanan prima (IPKP) 13,99, minimal 14,00",)),
    ("WBBM", replace(FULL, ipkp=15.75), "WBK", ()),
    ("WBBM", replace(FULL, ipkp=14.0), "WBK", ("Pelayanan prima (IPKP) 14,00, minimal 15,75",)),
    # the predicate held: WBBM needs WBK (or WBBM) held; WBK needs nothing
    ("WBK", FULL, "WBK", ()),
    ("WBK", FULL, "nonsense", ()),
    ("WBBM", FULL, "WBK", ()),
    ("WBBM", FULL, "WBBM", ()),
    ("WBBM", FULL, "", ("Predikat WBK belum dimiliki (Predikat Saat Ini kosong)",)),
    (
        "WBBM",
        FULL,
        "wbk",
        (
            'Predikat Saat Ini "wbk" tidak dikenal (yang boleh: kosong, WBK atau WBBM);'
            " perlu predikat WBK",
        ),
    ),
    (
        "WBBM",
        FULL,
        "Menuju WBK",
        (
            'Predikat Saat Ini "Menuju WBK" tidak dikenal (yang boleh: kosong, WBK atau WBBM);'
            " perlu predikat WBK",
        ),
    ),
]


@pytest.mark.parametrize(("predicate", "figures", "held", "short"), CASES)
def test_each_minimum(predicate: str, figures: Figures, held: str, short: tuple[str, ...]) -> None:
    got = verdict(bank().thresholds[predicate], figures, held)
    assert (got.met, got.short) == (not short, short)


def test_every_failing_minimum_is_named_in_order() -> None:
    got = score({}).wbbm
    assert not got.met
    assert [s.split(" ")[0] for s in got.short] == [
        "Total",
        "Pengungkit",
        *["Area"] * 6,
        "Birokrasi",
        "IPAK",
        "Capaian",
        "Pelayanan",
        "Predikat",
    ]


@pytest.mark.parametrize(
    ("ipak", "ipkp", "wbk_short"),
    [
        ("3,6", "3,2", ()),  # the surveys' minimums (15,75 and 14,00) met exactly
        ("3,59", "3,2", ("IPAK 15,71, minimal 15,75",)),
        ("3,6", "3,19", ("Pelayanan prima (IPKP) 13,96, minimal 14,00",)),
    ],
)
def test_survey_minimums_through_the_score(
    ipak: str, ipkp: str, wbk_short: tuple[str, ...]
) -> None:
    s = score({**full_answers(), 199: ipak, 202: ipkp})
    assert s.wbk.short == wbk_short
    assert s.predicate == ("WBK" if not wbk_short else "Belum WBK")


@pytest.mark.parametrize(
    ("held", "predicate"), [("WBK", "WBBM"), ("WBBM", "WBBM"), ("", "WBK"), ("x", "WBK")]
)
def test_predicate_of_a_full_score_depends_on_what_is_held(held: str, predicate: str) -> None:
    assert score(full_answers(), held=held).predicate == predicate

"""The LKE's two charts, pure: a self-assessment and a coverage built by hand, checked on
fig.data and fig.layout. The plan's coverage is never drawn against the WBK/WBBM minimums."""

from __future__ import annotations

from datetime import date

import pytest

from zi_dash import lke
from zi_dash.analysis import Assessment, Coverage
from zi_dash.base import STATUS_COLORS, Status
from zi_dash.charts import lke as charts

AS_OF = date(2022, 6, 30)
WEIGHTS = {"I": 8.0, "II": 7.0, "III": 10.0, "IV": 10.0, "V": 15.0, "VI": 10.0}
NAMES = {
    "I": "Manajemen Perubahan",
    "II": "Penataan Tata Laksana",
    "III": "Penataan Sistem Manajemen SDM",
    "IV": "Penguatan Akuntabilitas",
    "V": "Penguatan Pengawasan",
    "VI": "Peningkatan Kualitas Pelayanan Publik",
}
SHORTS = (
    "pengungkit 30,50 < 40,00",
    "total 42,50 < 75,00",
    "area I 40,0 % < 60 %",
)

FAILS = lke.Verdict(False, SHORTS)


def _score(
    parts: dict[str, tuple[float, float]],
    *,
    hasil: float = 12.0,
    wbk: lke.Verdict = FAILS,
    wbbm: lke.Verdict = FAILS,
    predicate: str = "Belum WBK",
) -> lke.Score:
    areas = {
        area: lke.AreaScore(
            area, NAMES[area], WEIGHTS[area], f, r, f + r, (f + r) / WEIGHTS[area] * 100
        )
        for area, (f, r) in parts.items()
    }
    pengungkit = sum(a.total for a in areas.values())
    return lke.Score(
        questions={},
        subcomponents={},
        areas=areas,
        pengungkit=pengungkit,
        ipak=hasil,
        capaian=0.0,
        ipkp=0.0,
        hasil=hasil,
        total=pengungkit + hasil,
        wbk=wbk,
        wbbm=wbbm,
        predicate=predicate,
        problems=(),
    )


PARTS = {
    "I": (2.0, 1.2),
    "II": (3.0, 0.5),
    "III": (4.0, 2.0),
    "IV": (5.0, 0.0),
    "V": (6.0, 1.8),
    "VI": (5.0, 0.0),
}


def _notes(fig) -> str:
    return " ".join(a.text for a in fig.layout.annotations)


def test_the_self_assessment_stacks_reform_on_pemenuhan_against_the_minimums() -> None:
    fig = charts.self_assessment(Assessment(True, _score(PARTS), ()), AS_OF)
    names = [t.name for t in fig.data]
    assert names == ["Bobot area", "Pemenuhan", "Reform", "Minimal WBK (60%)", "Minimal WBBM (75%)"]
    by_name = {t.name: t for t in fig.data}
    assert list(by_name["Pemenuhan"].x) == [2.0, 3.0, 4.0, 5.0, 6.0, 5.0]
    assert list(by_name["Reform"].x) == [1.2, 0.5, 2.0, 0.0, 1.8, 0.0]
    assert list(by_name["Reform"].base) == list(by_name["Pemenuhan"].x)  # stacked
    assert list(by_name["Minimal WBK (60%)"].x) == pytest.approx([4.8, 4.2, 6, 6, 9, 6])
    assert list(by_name["Minimal WBBM (75%)"].x) == pytest.approx([6, 5.25, 7.5, 7.5, 11.25, 7.5])
    assert fig.data[0].y[0] == "I. Manajemen Perubahan"
    assert list(fig.data[0].text)[:2] == ["3,20 / 8,00", "3,50 / 7,00"]
    assert fig.layout.title.text == ("Penilaian Mandiri LKE (bukan nilai resmi) · per 30 Juni 2022")
    assert fig.layout.barmode == "overlay"


def test_the_self_assessment_says_total_pengungkit_hasil_and_what_fails() -> None:
    note = _notes(charts.self_assessment(Assessment(True, _score(PARTS), ()), AS_OF))
    # Short lines: the plot starts right of the longest area name.
    assert note.split("<br>") == [
        "Total 42,50 dari 100: <b>Belum WBK</b>",
        "pengungkit 30,50 dari 60 · hasil 12,00 dari 40",
        "belum WBK:",
        # Two failing minimums named, the rest counted: the page lists them all.
        "· pengungkit 30,50 &lt; 40,00",
        "· total 42,50 &lt; 75,00",
        "(+1 lainnya)",
    ]


@pytest.mark.parametrize(
    ("wbk", "wbbm", "line"),
    [
        (lke.Verdict(False, SHORTS[:1]), lke.Verdict(False, SHORTS), "belum WBK: " + SHORTS[0]),
        (
            lke.Verdict(False, SHORTS),
            lke.Verdict(False, SHORTS),
            f"belum WBK: {SHORTS[0]}; {SHORTS[1]} (+1 lainnya)",
        ),
        (lke.Verdict(True, ()), lke.Verdict(False, SHORTS[1:2]), "belum WBBM: " + SHORTS[1]),
        (lke.Verdict(True, ()), lke.Verdict(True, ()), "memenuhi semua minimal WBBM"),
    ],
)
def test_the_verdict_line_names_what_keeps_the_next_predicate(wbk, wbbm, line) -> None:
    assert charts.verdict_line(_score(PARTS, wbk=wbk, wbbm=wbbm)) == line


def test_a_workbook_without_the_lke_sheet_gets_no_number() -> None:
    fig = charts.self_assessment(Assessment(False, _score(PARTS), ()), AS_OF)
    assert not fig.data
    note = _notes(fig)
    assert "belum punya lembar LKE" in note and "Penilaian Mandiri" in note
    assert "Total" not in note


def test_area_names_are_escaped_for_plotly() -> None:
    names = {**NAMES, "I": "<b>Manajemen</b>"}
    cov = Coverage({}, (), 0.0, 60.0, 0.0, {"I": (0.0, 8.0, 0.0)})
    fig = charts.coverage(cov, names, AS_OF)
    assert list(fig.data[0].y) == ["I. &lt;b&gt;Manajemen&lt;/b&gt;"]


def _coverage() -> Coverage:
    areas = {
        "I": (4.0, 8.0, 3.0),
        "II": (3.5, 7.0, 1.75),
        "III": (5.0, 10.0, 2.5),
        "IV": (5.0, 10.0, 5.0),
        "V": (6.5, 15.0, 3.25),
        "VI": (4.0, 10.0, 0.0),
    }
    return Coverage(
        covered={5: ("I.1.1",)},
        uncovered=(110, 118),
        covered_weight=28.0,
        total_weight=60.0,
        projection=15.5,
        areas=areas,
    )


def test_the_coverage_shows_covered_weight_and_its_projection_without_minimums() -> None:
    fig = charts.coverage(_coverage(), NAMES, AS_OF)
    names = [t.name for t in fig.data]
    assert names == ["Bobot area", "Bobot yang dicakup aksi", "Proyeksi bagian yang dicakup"]
    assert not any("Minimal" in n or "WBK" in n for n in names)
    assert list(fig.data[0].x) == [8.0, 7.0, 10.0, 10.0, 15.0, 10.0]
    assert list(fig.data[1].x) == [4.0, 3.5, 5.0, 5.0, 6.5, 4.0]
    assert list(fig.data[2].x) == [3.0, 1.75, 2.5, 5.0, 3.25, 0.0]
    assert list(fig.data[0].text)[:2] == ["4,00 / 8,00 dicakup", "3,50 / 7,00 dicakup"]
    note = _notes(fig)
    assert note.split("<br>") == [
        "Rencana aksi mencakup 28,00 dari 60 poin pengungkit",
        "proyeksi bagian yang dicakup: <b>15,50</b>",
        "(bobot yang dicakup × capaian aksinya)",
        "bukan nilai LKE, tidak dibandingkan dengan minimal WBK/WBBM",
    ]
    assert fig.layout.title.text.startswith("Cakupan Rencana Aksi atas Pengungkit LKE")
    assert "Proyeksi = bobot area × capaian area" not in note + fig.layout.title.text


def test_the_projector_chart_keeps_bars_and_minimums_in_large_type() -> None:
    fig = charts.self_assessment_projector(Assessment(True, _score(PARTS), ()), AS_OF, 400)
    assert all(list(t.y) == list(WEIGHTS) for t in fig.data)  # area codes: a third of a screen
    assert fig.layout.title.text is None and not fig.layout.annotations
    assert fig.layout.height == 400 and fig.layout.font.size >= 20
    assert [t.name for t in fig.data if t.showlegend is not False] == [
        "Pemenuhan",
        "Reform",
        "Minimal WBK (60%)",
        "Minimal WBBM (75%)",
    ]


def test_the_projector_chart_of_a_workbook_without_the_sheet_says_so() -> None:
    fig = charts.self_assessment_projector(Assessment(False, _score(PARTS), ()), AS_OF, 400)
    assert "belum punya lembar LKE" in _notes(fig)


def test_a_met_wbbm_is_said_in_the_done_colour() -> None:
    met = lke.Verdict(True, ())
    fig = charts.self_assessment(
        Assessment(True, _score(PARTS, wbk=met, wbbm=met, predicate="WBBM"), ()), AS_OF
    )
    (note,) = fig.layout.annotations
    assert note.text.endswith("memenuhi semua minimal WBBM")
    assert note.font.color == STATUS_COLORS[Status.DONE]
    # Three lines of note, the top margin grown to hold them under the title.
    assert fig.layout.margin.t == 60 + charts.NOTE_LINE * 3

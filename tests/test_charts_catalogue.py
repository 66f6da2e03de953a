"""The chart catalogue pages and exports share: plan and date in, titled figure out."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from tests.factory import action, make_workbook
from zi_dash.analysis import meeting
from zi_dash.base import ActionCol
from zi_dash.charts import catalogue
from zi_dash.workbook import Plan, load_plan

AS_OF = date(2022, 5, 1)


def _notes(fig) -> str:
    return " ".join(a.text for a in fig.layout.annotations)


def test_area_names_come_from_the_area_sheet(mixed: Plan) -> None:
    names = catalogue.area_names(mixed)
    assert list(names) == ["I", "II", "III", "IV", "V", "VI"]
    assert names["III"] == "Penataan Sistem Manajemen SDM"


def test_the_catalogue_has_eight_charts_with_unique_keys() -> None:
    assert catalogue.CHART_KEYS == (
        "capaian_per_area",
        "status_per_area",
        "capaian_per_komponen",
        "penilaian_mandiri_lke",
        "cakupan_rencana_lke",
        "kurva_s",
        "linimasa",
        "kelengkapan_bukti_per_area",
    )
    assert len(set(catalogue.CHART_KEYS)) == len(catalogue.CHARTS) == 8


@pytest.mark.parametrize(
    ("key", "title", "figure_title"),
    [
        ("capaian_per_area", "Capaian rencana aksi per area", "Capaian Rencana Aksi per Area"),
        ("status_per_area", "Status aksi per area", "Status Aksi per Area"),
        ("capaian_per_komponen", "Capaian per komponen", "Capaian per Komponen"),
        (
            "penilaian_mandiri_lke",
            "Penilaian mandiri LKE (bukan nilai resmi)",
            "Penilaian Mandiri LKE (bukan nilai resmi)",
        ),
        (
            "cakupan_rencana_lke",
            "Cakupan rencana aksi atas pengungkit LKE",
            "Cakupan Rencana Aksi atas Pengungkit LKE",
        ),
        ("kurva_s", "Kurva S rencana dan realisasi", "Kurva S Rencana vs Realisasi"),
        ("linimasa", "Linimasa target", "Linimasa Target Rencana Aksi"),
        (
            "kelengkapan_bukti_per_area",
            "Kelengkapan bukti per area",
            "Kelengkapan Bukti Dukung per Area",
        ),
    ],
)
def test_every_chart_builds_with_its_title_and_date(
    mixed: Plan, key: str, title: str, figure_title: str
) -> None:
    spec = catalogue.spec(key)
    assert (spec.key, spec.title) == (key, title)
    fig = spec.build(mixed, AS_OF)
    assert fig.layout.title.text.startswith(figure_title)
    assert fig.layout.title.text.endswith(" · per 1 Mei 2022")
    assert fig.layout.height >= 300


def test_an_unknown_key_is_not_in_the_catalogue() -> None:
    with pytest.raises(StopIteration):
        catalogue.spec("pai")


@pytest.mark.parametrize(
    ("key", "as_of", "stem"),
    [
        ("capaian_per_area", date(2022, 6, 30), "01_capaian_per_area_2022-06-30"),
        ("kurva_s", date(2022, 1, 5), "06_kurva_s_2022-01-05"),
        (
            "kelengkapan_bukti_per_area",
            date(2023, 12, 31),
            "08_kelengkapan_bukti_per_area_2023-12-31",
        ),
    ],
)
def test_file_names_say_what_and_when(key: str, as_of: date, stem: str) -> None:
    assert catalogue.file_stem(key, as_of) == stem


def test_the_gantt_says_when_the_as_of_date_is_outside_it(mixed: Plan) -> None:
    assert "di luar rentang" not in _notes(catalogue.linimasa(mixed, AS_OF))
    assert "Tanggal acuan 25 November 2026 di luar rentang" in _notes(
        catalogue.linimasa(mixed, date(2026, 11, 25))
    )


def test_the_gantt_shows_the_window_it_is_given(mixed: Plan) -> None:
    fig = catalogue.linimasa(mixed, AS_OF, (date(2022, 4, 1), date(2022, 4, 30)))
    assert fig.layout.xaxis.range == ("2022-04-01", "2022-05-01")  # the last day drawn whole
    assert "Tanggal acuan 1 Mei 2022 di luar rentang yang ditampilkan." in _notes(fig)
    # Without a window: the plan's span (1 March – 30 June) with three days' margin.
    assert catalogue.linimasa(mixed, AS_OF).layout.xaxis.range == ("2022-02-26", "2022-07-05")


@pytest.fixture
def many(mixed: Plan) -> Plan:
    actions = pd.concat([mixed.actions] * 50, ignore_index=True)
    actions[ActionCol.ID] = [f"{i}.{n}" for n, i in enumerate(actions[ActionCol.ID])]
    return dataclasses.replace(mixed, actions=actions)


def test_the_gantt_draws_at_most_250_actions_and_says_so(many: Plan) -> None:
    fig = catalogue.linimasa(many, AS_OF)
    assert "Menampilkan 250 dari 300 aksi" in _notes(fig)
    rows = {y for trace in fig.data for y in (trace.y or ()) if "Indikator" in str(y)}
    assert 200 < len(rows) <= catalogue.GANTT_MAX_ACTIONS


def test_both_gantt_notes_make_one_sentence(many: Plan) -> None:
    assert _notes(catalogue.linimasa(many, date(2026, 11, 25))) == (
        "Tanggal acuan 25 November 2026 di luar rentang yang ditampilkan; menampilkan 250 dari "
        "300 aksi; saring per area, komponen atau penanggung jawab untuk melihat yang lain."
    )


def test_status_counts_get_whole_number_ticks(mixed: Plan) -> None:
    fig = catalogue.status_per_area(mixed, AS_OF)
    assert fig.layout.xaxis.dtick == 1 and fig.layout.xaxis.tick0 == 0


@pytest.mark.parametrize("key", ["kurva_s", "linimasa"])
def test_a_mistyped_year_does_not_break_the_time_charts(tmp_path: Path, key: str) -> None:
    typo = {ActionCol.START: date(2022, 4, 1), ActionCol.END: date(2202, 4, 30)}
    path = make_workbook(tmp_path / "typo.xlsx", [action("I.1.1", target="x", **typo)])
    fig = catalogue.spec(key).build(load_plan(path), AS_OF)
    assert len(fig.layout.xaxis.ticktext) <= 14


def test_the_meeting_chart_fits_its_screen_and_the_export_keeps_its_size(real_workbook) -> None:
    plan = load_plan(real_workbook)  # six areas: the tallest overview
    exported = catalogue.capaian_per_area(plan, AS_OF)
    assert catalogue.capaian_per_area_proyektor(plan, AS_OF).layout.height == meeting.CHART_HEIGHT
    assert exported.layout.height == 540 > meeting.CHART_HEIGHT

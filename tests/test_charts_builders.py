"""Chart builders are pure: checked on fig.data and fig.layout for a hand-made plan."""

from __future__ import annotations

import dataclasses
from datetime import date

import pandas as pd
import pytest

from zi_dash.analysis import metrics, rewind
from zi_dash.base import STATUS_COLORS, ActionCol, AreaCol
from zi_dash.charts import builders, catalogue, gantt, style
from zi_dash.workbook import Plan

AS_OF = date(2022, 5, 1)


def _names(plan: Plan) -> dict[str, str]:
    return dict(zip(plan.areas[AreaCol.AREA], plan.areas[AreaCol.NAME]))


def test_area_completion_bars(mixed: Plan) -> None:
    fig = builders.area_completion(metrics.completion_by_area(mixed), AS_OF)
    bar = fig.data[0]
    assert list(bar.y) == [
        "I. Manajemen Perubahan",
        "II. Penataan Tata Laksana",
        "III. Penataan Sistem Manajemen SDM",
    ]
    assert list(bar.x) == pytest.approx([75, 15, 50])
    assert list(bar.text) == ["75% · 1/2", "15% · 0/2", "50% · 1/2"]
    assert fig.layout.title.text == "Capaian Rencana Aksi per Area · per 1 Mei 2022"
    assert fig.layout.separators == ",."


def test_status_by_area_uses_the_status_colours(mixed: Plan) -> None:
    fig = builders.status_by_area(metrics.status_by_area(mixed, AS_OF), _names(mixed), AS_OF)
    by_name = {t.name: t for t in fig.data}
    assert set(by_name) == {"Belum Mulai", "Dalam Proses", "Selesai", "Terlambat"}
    assert by_name["Terlambat"].marker.color == STATUS_COLORS["Terlambat"]
    assert list(by_name["Terlambat"].x) == [1, 0, 0]  # I.1.2 is late
    assert list(by_name["Selesai"].x) == [1, 0, 1]
    assert fig.layout.barmode == "stack"


def test_component_chart_orders_as_the_sk(mixed: Plan) -> None:
    fig = builders.component_completion(metrics.completion_by_component(mixed), AS_OF)
    assert [y.split(" ")[0] for y in fig.data[0].y] == ["I.1", "II.1", "II.2", "III.1"]


def test_lke_chart_shows_weights_scores_and_minimums(mixed: Plan) -> None:
    fig = builders.lke_projection(metrics.lke_projection(mixed), AS_OF)
    names = [t.name for t in fig.data]
    assert names == ["Bobot area", "Proyeksi nilai", "Minimal WBK (60%)", "Minimal WBBM (75%)"]
    assert list(fig.data[1].x) == pytest.approx([6.0, 1.05, 5.0, 0, 0, 0])
    assert list(fig.data[2].x) == pytest.approx([4.8, 4.2, 6.0, 6.0, 9.0, 6.0])
    assert "bukan nilai resmi" in fig.layout.title.text
    note = fig.layout.annotations[0].text
    assert "Total proyeksi 12,05 dari 60" in note and "belum memenuhi minimal WBK" in note


def test_kurva_s_lines_and_verdict(mixed: Plan) -> None:
    k = metrics.kurva_s(mixed, AS_OF)
    fig = builders.kurva_s(k)
    assert [t.name for t in fig.data] == ["Rencana", "Realisasi"]
    assert fig.data[0].y[-1] == pytest.approx(100)
    assert fig.data[1].x[-1] == "2022-05-01"  # realisasi stops at the as-of date
    texts = [a.text for a in fig.layout.annotations]
    assert "Acuan 1 Mei 2022" in texts
    assert any("Deviasi" in t for t in texts)
    assert all(
        t.startswith(
            ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
        )
        for t in fig.layout.xaxis.ticktext
    )


def test_evidence_chart(mixed: Plan) -> None:
    fig = builders.evidence_by_area(metrics.evidence_matrix(mixed), _names(mixed), AS_OF)
    by_name = {t.name: t for t in fig.data if t.name}
    assert list(by_name["Belum Ada"].x) == [1, 1, 1]
    assert list(by_name["Terverifikasi"].x) == [0, 0, 1]
    assert [t.strip() for t in fig.data[-1].text] == ["33% ada", "50% ada", "50% ada"]


def test_camera_button_exports_print_size_png(mixed: Plan) -> None:
    fig = builders.area_completion(metrics.completion_by_area(mixed), AS_OF)
    options = style.config(fig, "capaian_per_area", AS_OF)["toImageButtonOptions"]
    assert options["format"] == "png" and options["scale"] >= 3
    assert options["width"] * options["scale"] >= 1600
    assert options["filename"] == "capaian_per_area_2022-05-01"


def test_gantt_bars_fill_progress_and_mark_late(mixed: Plan) -> None:
    b = gantt.bars(metrics.action_state(mixed, AS_OF), _names(mixed), AS_OF)
    assert b.rows[0] == "<b>I · Manajemen Perubahan</b>"
    assert [r.split(" ")[0] for r in b.rows if not r.startswith("<b>")] == [
        "I.1.1",
        "I.1.2",
        "II.1.1",
        "II.2.1",
        "III.1.1",
        "III.1.2",
    ]
    seg = b.segments
    late = seg[(seg["kind"] == "late")]
    # I.1.2: 15–21 April at 50 %: 3.5 days done, the rest up to 22 April is late.
    assert len(late) == 1 and late["row"].iloc[0].startswith("I.1.2")
    assert str(late["start"].iloc[0]) == "2022-04-18 12:00:00"
    done = seg[(seg["kind"] == "done") & seg["row"].str.startswith("I.1.1")]
    assert len(done) == 1 and done["end"].iloc[0].date() == date(2022, 4, 8)
    assert seg[seg["row"].str.startswith("III.1.2")].empty  # unreadable: no bar


def test_gantt_figure_ticks_weeks_when_zoomed(mixed: Plan) -> None:
    b = gantt.bars(metrics.action_state(mixed, AS_OF), _names(mixed), AS_OF)
    fig = gantt.figure(b, AS_OF, (date(2022, 4, 1), date(2022, 4, 30)))
    assert list(fig.layout.xaxis.ticktext) == [
        "Mg 1<br>Apr",
        "Mg 2<br>Apr",
        "Mg 3<br>Apr",
        "Mg 4<br>Apr",
        "Mg 5<br>Apr",
    ]
    assert list(fig.layout.yaxis.categoryarray) == b.rows
    assert [t.name for t in fig.data][:3] == [
        "Jadwal target",
        "Sudah dikerjakan",
        "Seharusnya sudah, belum",
    ]


def test_gantt_multi_period_target_draws_several_bars(real_workbook) -> None:
    from zi_dash.workbook import load_plan

    plan = load_plan(real_workbook)
    b = gantt.bars(metrics.action_state(plan, AS_OF), _names(plan), AS_OF)
    plan_bars = b.segments[b.segments["kind"] == "plan"]
    assert (plan_bars["row"].str.startswith("V.4.3")).sum() == 3  # Juni, September, Desember
    assert (plan_bars["row"].str.startswith("I.3.1")).sum() == 3  # April, Juli, Oktober
    assert len([r for r in b.rows if not r.startswith("<b>")]) == 70


def test_projector_figure_is_larger_and_leaves_the_original(mixed: Plan) -> None:
    fig = builders.area_completion(metrics.completion_by_area(mixed), AS_OF)
    big = style.for_projector(fig)
    assert big.layout.font.size > fig.layout.font.size


def test_rewind_undoes_later_logged_changes(tmp_path) -> None:
    from datetime import datetime

    from tests.factory import action, make_workbook
    from zi_dash.base import ActionCol, LogCol
    from zi_dash.workbook import load_plan

    log = [
        {
            LogCol.TIME: datetime(2022, 6, 1, 9),
            LogCol.USER: "a",
            LogCol.SHEET: "Rencana Aksi",
            LogCol.ID: "I.1.1",
            LogCol.COLUMN: ActionCol.PROGRESS,
            LogCol.OLD: "0",
            LogCol.NEW: "50",
        },
        {
            LogCol.TIME: datetime(2022, 7, 1, 9),
            LogCol.USER: "b",
            LogCol.SHEET: "Rencana Aksi",
            LogCol.ID: "I.1.1",
            LogCol.COLUMN: ActionCol.PROGRESS,
            LogCol.OLD: "50",
            LogCol.NEW: "100",
        },
        {
            LogCol.TIME: datetime(2022, 7, 1, 9),
            LogCol.USER: "b",
            LogCol.SHEET: "Rencana Aksi",
            LogCol.ID: "I.1.1",
            LogCol.COLUMN: ActionCol.STATUS,
            LogCol.OLD: "Dalam Proses",
            LogCol.NEW: "Selesai",
        },
    ]
    path = make_workbook(tmp_path / "log.xlsx", [action("I.1.1", "Selesai", 100)], log=log)
    plan = load_plan(path)
    june = rewind(plan, date(2022, 6, 30)).actions.iloc[0]
    assert (june[ActionCol.STATUS], june[ActionCol.PROGRESS]) == ("Dalam Proses", 50)
    may = rewind(plan, date(2022, 5, 31)).actions.iloc[0]
    assert may[ActionCol.PROGRESS] == 0
    assert rewind(plan, date(2022, 7, 1)).actions.iloc[0][ActionCol.PROGRESS] == 100
    k = metrics.kurva_s(plan, date(2022, 7, 15))
    curve = k.curve.set_index("date")["actual"]
    assert curve[date(2022, 5, 31)] == 0 and curve[date(2022, 6, 1)] == 50
    assert curve[date(2022, 7, 1)] == 100


def test_workbook_text_in_the_gantt_is_escaped(mixed: Plan) -> None:
    actions = mixed.actions.copy()
    actions.loc[0, ActionCol.PIC] = '<a href="https://x.example">klik</a>'
    actions.loc[0, ActionCol.INDICATOR] = "<b>tebal</b> & <i>miring</i>"
    plan = dataclasses.replace(mixed, actions=actions)
    state = metrics.action_state(plan, date(2022, 5, 1))
    result = gantt.bars(state, {}, date(2022, 5, 1))
    hovers = " ".join(result.segments["hover"]) + " ".join(result.milestones["hover"])
    assert "&lt;a href=" in hovers and "<a " not in hovers
    assert any("&lt;b&gt;tebal&lt;/b&gt; &amp;" in row for row in result.rows)


def _notes(fig) -> str:
    return " ".join(a.text for a in fig.layout.annotations)


def test_the_gantt_says_when_the_as_of_date_is_outside_it(mixed: Plan) -> None:
    assert "di luar rentang" not in _notes(catalogue.linimasa(mixed, AS_OF))
    assert "Tanggal acuan 25 November 2026 di luar rentang" in _notes(
        catalogue.linimasa(mixed, date(2026, 11, 25))
    )


def test_the_gantt_draws_at_most_250_actions_and_says_so(mixed: Plan) -> None:
    many = pd.concat([mixed.actions] * 50, ignore_index=True)
    many[ActionCol.ID] = [f"{i}.{n}" for n, i in enumerate(many[ActionCol.ID])]
    plan = dataclasses.replace(mixed, actions=many)
    fig = catalogue.linimasa(plan, AS_OF)
    assert "Menampilkan 250 dari 300 aksi" in _notes(fig)
    rows = {y for trace in fig.data for y in (trace.y or ()) if "Indikator" in str(y)}
    assert 200 < len(rows) <= catalogue.GANTT_MAX_ACTIONS


def test_status_counts_get_whole_number_ticks(mixed: Plan) -> None:
    fig = catalogue.status_per_area(mixed, AS_OF)
    assert fig.layout.xaxis.dtick == 1 and fig.layout.xaxis.tick0 == 0

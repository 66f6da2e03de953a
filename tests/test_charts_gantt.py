"""Linimasa: the Gantt's rows, bar segments and milestones, its ticks, windows and figure."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.factory import action, make_workbook
from zi_dash.analysis import metrics
from zi_dash.base import STATUS_COLORS, ActionCol, AreaCol
from zi_dash.base import contract as c
from zi_dash.charts import gantt
from zi_dash.workbook import Plan, load_plan

AS_OF = date(2022, 5, 1)
D = date


def _names(plan: Plan) -> dict[str, str]:
    return dict(zip(plan.areas[AreaCol.AREA], plan.areas[AreaCol.NAME]))


def _bars(plan: Plan, as_of: date = AS_OF) -> gantt.Bars:
    return gantt.bars(metrics.action_state(plan, as_of), _names(plan), as_of)


def _plan(tmp_path: Path, *actions: dict[str, object]) -> Plan:
    return load_plan(make_workbook(tmp_path / "g.xlsx", list(actions)))


def test_gantt_bars_fill_progress_and_mark_late(mixed: Plan) -> None:
    b = _bars(mixed)
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
    b = _bars(mixed)
    fig = gantt.figure(b, AS_OF, (date(2022, 4, 1), date(2022, 4, 30)))
    assert list(fig.layout.xaxis.ticktext) == [
        "Mg 1<br>Apr<br>2022",  # the year under the first label
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
    plan = load_plan(real_workbook)
    b = _bars(plan)
    plan_bars = b.segments[b.segments["kind"] == "plan"]
    assert (plan_bars["row"].str.startswith("V.4.3")).sum() == 3  # Juni, September, Desember
    # "April …, tiap triwulan": April, then the quarter-end months June, September, December.
    assert (plan_bars["row"].str.startswith("I.3.1")).sum() == 4
    assert len([r for r in b.rows if not r.startswith("<b>")]) == 70


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


@pytest.mark.parametrize(
    ("area", "name", "row"),
    [
        ("I", "Manajemen Perubahan", "<b>I · Manajemen Perubahan</b>"),
        ("II", "A & <B>", "<b>II · A &amp; &lt;B&gt;</b>"),
        ("VI", "", "<b>VI · </b>"),
    ],
)
def test_area_rows_are_bold_and_escaped(area: str, name: str, row: str) -> None:
    assert gantt.area_row(area, name) == row


def test_long_indicators_are_cut_to_48_characters(tmp_path: Path) -> None:
    long = "Penyusunan " + "x" * 60
    plan = _plan(tmp_path, action("I.1.1", **{ActionCol.INDICATOR: long}), action("I.1.2"))
    label = _bars(plan).rows[1]
    assert label == "I.1.1 " + long[:47] + "…"
    assert _bars(plan).rows[2] == "I.1.2 Indikator I.1.2"  # short ones whole


def test_the_hover_tells_target_reading_status_and_pic(mixed: Plan) -> None:
    hover = _bars(mixed).segments.set_index("row")["hover"]["I.1.2 Indikator I.1.2"].iloc[0]
    assert hover == (
        "<b>I.1.2</b> Indikator I.1.2<br>Target: April Minggu ke 3 2022<br>"
        "Dibaca: 15–21 April 2022<br>Status: Terlambat · Progres 50%<br>"
        "Penanggung jawab: belum ditentukan"
    )


def test_a_one_day_target_is_a_milestone_in_its_status_colour(tmp_path: Path) -> None:
    one_day = {ActionCol.START: D(2022, 4, 10), ActionCol.END: D(2022, 4, 10)}
    plan = _plan(tmp_path, action("I.1.1", target="x", **one_day))
    b = _bars(plan)
    assert b.segments.empty
    assert b.milestones[["row", "day", "color"]].values.tolist() == [
        ["I.1.1 Indikator I.1.1", D(2022, 4, 10), STATUS_COLORS[c.Status.LATE]]
    ]
    done = _bars(plan, D(2022, 4, 1)).milestones["color"].iloc[0]  # not yet due: Belum Mulai
    assert done == STATUS_COLORS[c.Status.NOT_STARTED]


def test_a_done_action_is_filled_whatever_its_progress(tmp_path: Path) -> None:
    plan = _plan(tmp_path, action("I.1.1", c.Status.DONE, 0, "April 2022"))
    kinds = _bars(plan).segments[["kind", "start", "end"]].values.tolist()
    assert [k for k, _, _ in kinds] == ["plan", "done"]
    assert str(kinds[1][2]) == "2022-05-01 00:00:00"  # all 30 days


def test_progress_fills_several_periods_in_order(tmp_path: Path) -> None:
    # Juni, September, Desember: 91 days; 50 % is 45.5 days: June whole, then 15.5 of September.
    plan = _plan(
        tmp_path, action("I.1.1", c.Status.IN_PROGRESS, 50, "Juni, September, Desember 2022")
    )
    seg = _bars(plan, D(2022, 6, 1)).segments
    done = seg[seg["kind"] == "done"]
    assert [str(e) for e in done["end"]] == ["2022-07-01 00:00:00", "2022-09-16 12:00:00"]


@pytest.mark.parametrize(
    ("first", "last", "text"),
    [
        (
            D(2022, 4, 1),
            D(2022, 4, 30),
            ["Mg 1<br>Apr", "Mg 2<br>Apr", "Mg 3<br>Apr", "Mg 4<br>Apr", "Mg 5<br>Apr"],
        ),
        (
            D(2022, 2, 1),
            D(2022, 2, 28),
            ["Mg 1<br>Feb", "Mg 2<br>Feb", "Mg 3<br>Feb", "Mg 4<br>Feb"],
        ),
        (
            D(2022, 12, 20),
            D(2023, 1, 10),
            ["Mg 4<br>Des", "Mg 5<br>Des", "Mg 1<br>Jan", "Mg 2<br>Jan"],
        ),
        (D(2022, 4, 2), D(2022, 4, 7), []),
    ],
)
def test_week_ticks(first: date, last: date, text: list[str]) -> None:
    vals, labels = gantt.week_ticks(first, last)
    assert labels == text
    assert all(first.isoformat() <= v <= last.isoformat() for v in vals)


def test_zoom_windows_name_the_year_its_quarters_and_months() -> None:
    windows = gantt.zoom_windows(2024)
    assert len(windows) == 1 + 4 + 12
    assert list(windows)[:3] == ["Tahun 2024", "Triwulan I 2024", "Triwulan II 2024"]
    assert windows["Tahun 2024"] == (D(2024, 1, 1), D(2024, 12, 31))
    assert windows["Triwulan I 2024"] == (D(2024, 1, 1), D(2024, 3, 31))
    assert windows["Triwulan IV 2024"] == (D(2024, 10, 1), D(2024, 12, 31))
    assert windows["Februari 2024"] == (D(2024, 2, 1), D(2024, 2, 29))  # a leap year
    assert windows["Desember 2024"] == (D(2024, 12, 1), D(2024, 12, 31))


@pytest.mark.parametrize(
    ("as_of", "window"),
    [
        (D(2022, 4, 5), (D(2022, 3, 29), D(2022, 4, 11))),  # April week 1: 1–7, end exclusive
        (D(2022, 4, 20), (D(2022, 3, 29), D(2022, 4, 23))),  # soon after: the window reaches it
        (D(2022, 3, 1), (D(2022, 2, 26), D(2022, 4, 11))),  # just before: the window reaches it
        (D(2022, 1, 1), (D(2022, 3, 29), D(2022, 4, 11))),  # far before: not squashed
        (D(2022, 5, 1), (D(2022, 3, 29), D(2022, 5, 4))),  # just after
        (D(2022, 12, 1), (D(2022, 3, 29), D(2022, 4, 11))),
    ],
)
def test_default_window_is_the_span_with_a_margin(tmp_path: Path, as_of: date, window) -> None:
    plan = _plan(tmp_path, action("I.1.1", target="April Minggu ke 1 2022"))
    assert gantt.default_window(_bars(plan, as_of), as_of) == window


def test_default_window_without_bars_is_a_month_either_side(tmp_path: Path) -> None:
    plan = _plan(tmp_path, action("I.1.1", target="kalau sempat"))
    assert gantt.default_window(_bars(plan), AS_OF) == (
        AS_OF - timedelta(days=30),
        AS_OF + timedelta(days=30),
    )


def test_the_figure_is_as_tall_as_its_rows_and_marks_the_as_of_date(mixed: Plan) -> None:
    b = _bars(mixed)
    fig = gantt.figure(b, AS_OF, (D(2022, 3, 1), D(2022, 6, 30)))
    assert fig.layout.height == 26 * len(b.rows) + 200 == 434
    assert [s.x0 for s in fig.layout.shapes] == ["2022-05-01"]
    assert fig.layout.title.text == "Linimasa Target Rencana Aksi · per 1 Mei 2022"
    outside = gantt.figure(b, AS_OF, (D(2022, 4, 1), D(2022, 4, 30)), title="Linimasa April")
    assert not outside.layout.shapes and outside.layout.title.text == "Linimasa April"
    assert (
        gantt.figure(
            gantt.Bars([], b.segments[:0], b.milestones[:0]), AS_OF, (AS_OF, AS_OF)
        ).layout.height
        == 360
    )


@pytest.mark.parametrize(
    ("window", "months", "minor"),
    [
        ((D(2022, 1, 1), D(2022, 12, 31)), 6, 59),  # a year: every other month; weeks as minor
        ((D(2022, 1, 1), D(2023, 6, 30)), 6, 18),  # over 400 days: quarters; months as minor
    ],
)
def test_wide_windows_tick_months(mixed: Plan, window, months: int, minor: int) -> None:
    fig = gantt.figure(_bars(mixed), AS_OF, window)
    assert len(fig.layout.xaxis.ticktext) == months
    assert fig.layout.xaxis.ticktext[0] == "Jan<br>2022"
    assert len(fig.layout.xaxis.minor.tickvals or ()) == minor


def test_area_headers_keep_their_rows_without_bars(mixed: Plan) -> None:
    fig = gantt.figure(_bars(mixed), AS_OF, (D(2022, 3, 1), D(2022, 6, 30)))
    hidden = fig.data[-1]
    assert list(hidden.y) == [
        "<b>I · Manajemen Perubahan</b>",
        "<b>II · Penataan Tata Laksana</b>",
        "<b>III · Penataan Sistem Manajemen SDM</b>",
    ]
    assert hidden.marker.opacity == 0 and hidden.showlegend is False


def test_the_rows_fill_the_plot_from_the_date_labels_down(real_workbook) -> None:
    """No empty band between the month labels and the first area (autorange padded ~90 px)."""
    from zi_dash.charts import catalogue
    from zi_dash.workbook import load_plan

    fig = catalogue.linimasa(load_plan(real_workbook), date(2022, 6, 30))
    rows = list(fig.layout.yaxis.categoryarray)
    assert tuple(fig.layout.yaxis.range) == (len(rows) - 0.5, -0.5)
    assert fig.layout.yaxis.autorange is False


# A label's width on screen: 15 px DejaVu Sans, digits the widest (9.5 px, measured in Chromium).
_LABEL_CHAR_PX = 9.5


def _clear(fig, plot_px: float = gantt.PLOT_PX) -> list[str]:
    """Neighbouring date labels that would touch on a plot `plot_px` wide."""
    first, end = (date.fromisoformat(v) for v in fig.layout.xaxis.range)
    vals = [date.fromisoformat(v) for v in fig.layout.xaxis.tickvals]
    text = list(fig.layout.xaxis.ticktext)
    scale = plot_px / (end - first).days
    width = [_LABEL_CHAR_PX * max(map(len, t.split("<br>"))) for t in text]
    return [
        f"{text[i]!r} and {text[i + 1]!r}"
        for i in range(len(vals) - 1)
        if (vals[i + 1] - vals[i]).days * scale < (width[i] + width[i + 1]) / 2 + 8
    ]


@pytest.mark.parametrize(
    ("targets", "first_label"),
    [
        (["Januari Minggu ke 2 2023", "Januari Minggu ke 4 2023"], "Mg 2<br>Jan<br>2023"),
        (["Januari 2023"], "Mg 1<br>Jan<br>2023"),
        (["Januari 2023", "Februari 2023", "Maret 2023"], "Jan<br>2023"),
        (["Desember 2022 – Januari 2023"], "Mg 1<br>Des<br>2022"),
        (["November 2022", "Desember 2022 – Januari 2023", "Februari 2023"], "Nov<br>2022"),
        (["Januari 2023", "Juni 2023", "Januari 2024"], "Jan<br>2023"),
    ],
    ids=["two weeks", "one month", "three months", "across the year", "four months", "a year"],
)
def test_a_small_plans_date_labels_stand_apart(tmp_path: Path, targets, first_label) -> None:
    acts = [action(f"I.1.{i}", target=t) for i, t in enumerate(targets, start=1)]
    plan = _plan(tmp_path, *acts)
    b = _bars(plan, D(2023, 1, 10))
    fig = gantt.figure(b, D(2023, 1, 10), gantt.default_window(b, D(2023, 1, 10)))
    text = list(fig.layout.xaxis.ticktext)
    assert len(text) >= 3 and text[0] == first_label
    assert not _clear(fig), _clear(fig)
    # The year under the first label and where it changes, nowhere else.
    years = [v[:4] for v in fig.layout.xaxis.tickvals]
    assert [t.endswith(f"<br>{y}") for t, y in zip(text, years)] == [
        i == 0 or y != years[i - 1] for i, y in enumerate(years)
    ]


def test_the_whole_plans_labels_stand_apart_too(real_workbook) -> None:
    b = _bars(load_plan(real_workbook), D(2022, 6, 30))
    fig = gantt.figure(b, D(2022, 6, 30), gantt.default_window(b, D(2022, 6, 30)))
    assert not _clear(fig)
    assert gantt.tick_band(fig) == 2 * gantt.TICK_LINE  # "Jan<br>2022": two lines

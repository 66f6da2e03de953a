"""The sidebar's filters as data: their choices, and the plan they narrow to (as of a date)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from tests.factory import action, evidence, make_workbook
from zi_dash.analysis import filters as flt
from zi_dash.analysis.filters import NO_PIC, Filters
from zi_dash.base import ActionCol, AreaCol, EvidenceCol, LogCol
from zi_dash.base import contract as c
from zi_dash.workbook import Plan, load_plan

AS_OF = date(2022, 5, 1)
PIC = ActionCol.PIC


def _log(when: datetime, sheet: str, row_id: str, column: str, old: str, new: str):
    return {
        LogCol.TIME: when,
        LogCol.USER: "uji",
        LogCol.SHEET: sheet,
        LogCol.ID: row_id,
        LogCol.COLUMN: column,
        LogCol.OLD: old,
        LogCol.NEW: new,
    }


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    """Five actions in areas I–III with PICs, one target over the turn of the year, a log."""
    actions = [
        action("I.1.1", c.Status.DONE, 100, "April Minggu ke 1 2022", **{PIC: "Sekretaris"}),
        action("I.1.2", c.Status.IN_PROGRESS, 50, "April Minggu ke 3 2022", **{PIC: "kasubbag"}),
        action("II.1.1", c.Status.NOT_STARTED, 0, "Juni, September, Desember 2022"),
        action(
            "II.2.1",
            c.Status.IN_PROGRESS,
            30,
            "x",
            **{
                PIC: "Bendahara",
                ActionCol.START: date(2022, 11, 15),
                ActionCol.END: date(2023, 2, 10),
            },
        ),
        action("III.1.1", c.Status.NOT_STARTED, 0, "kalau sempat", **{PIC: "Sekretaris"}),
    ]
    items = [evidence(str(a[ActionCol.ID]), 1) for a in actions] + [evidence("I.1.1", 2)]
    log = [
        # I.1.1 was finished on 1 June: on 1 May it was in progress (and late).
        _log(
            datetime(2022, 6, 1, 9),
            c.Sheet.ACTIONS,
            "I.1.1",
            ActionCol.STATUS,
            "Dalam Proses",
            "Selesai",
        ),
        _log(datetime(2022, 6, 1, 9), c.Sheet.ACTIONS, "I.1.1", ActionCol.PROGRESS, "60", "100"),
        _log(datetime(2022, 4, 2, 9), c.Sheet.EVIDENCE, "I.1.1/2", EvidenceCol.NOTES, "", "x"),
        _log(datetime(2022, 4, 3, 9), c.Sheet.ACTIONS, "II.1.1", ActionCol.NOTES, "", "y"),
    ]
    path = make_workbook(tmp_path_factory.mktemp("filters") / "f.xlsx", actions, items, log=log)
    return load_plan(path)


def _ids(plan: Plan) -> list[str]:
    return plan.actions[ActionCol.ID].tolist()


@pytest.mark.parametrize(
    ("filters", "active"),
    [
        (Filters(), False),
        (Filters(areas=("I",)), True),
        (Filters(components=("I.1",)), True),
        (Filters(statuses=(c.Status.LATE,)), True),
        (Filters(pics=(NO_PIC,)), True),
        (Filters(months=("2022-04",)), True),
    ],
)
def test_active_when_any_field_narrows(filters: Filters, active: bool) -> None:
    assert filters.active is active


@pytest.mark.parametrize(
    ("key", "label"),
    [("2022-01", "Januari 2022"), ("2022-04", "April 2022"), ("2023-12", "Desember 2023")],
)
def test_month_label(key: str, label: str) -> None:
    assert flt.month_label(key) == label


@pytest.mark.parametrize(
    ("year", "month", "key"), [(2022, 4, "2022-04"), (2023, 12, "2023-12"), (999, 1, "0999-01")]
)
def test_month_key_sorts_as_text(year: int, month: int, key: str) -> None:
    assert flt.month_key(year, month) == key


@pytest.mark.parametrize(("area", "number", "key"), [("I", 1, "I.1"), ("III", 12, "III.12")])
def test_component_key(area: str, number: int, key: str) -> None:
    assert flt.component_key(area, number) == key


def test_options_list_what_the_plan_holds_in_its_order(plan: Plan) -> None:
    options = flt.options(plan)
    assert options["areas"] == [
        ("I", "I. Manajemen Perubahan"),
        ("II", "II. Penataan Tata Laksana"),
        ("III", "III. Penataan Sistem Manajemen SDM"),
    ]
    assert options["components"] == [
        ("I.1", "I.1 Komponen I.1"),
        ("II.1", "II.1 Komponen II.1"),
        ("II.2", "II.2 Komponen II.2"),
        ("III.1", "III.1 Komponen III.1"),
    ]
    assert [v for v, _ in options["statuses"]] == [
        c.Status.NOT_STARTED,
        c.Status.IN_PROGRESS,
        c.Status.DONE,
        c.Status.BEHIND,
        c.Status.LATE,
    ]
    # Sorted without regard to case; the empty PIC last, under its own name.
    assert [v for v, _ in options["pics"]] == ["Bendahara", "kasubbag", "Sekretaris", NO_PIC]
    # Every month a readable target touches, across the turn of the year; none for "kalau sempat".
    assert options["months"] == [
        ("2022-04", "April 2022"),
        ("2022-06", "Juni 2022"),
        ("2022-09", "September 2022"),
        ("2022-11", "November 2022"),
        ("2022-12", "Desember 2022"),
        ("2023-01", "Januari 2023"),
        ("2023-02", "Februari 2023"),
    ]


def test_no_empty_pic_choice_when_every_action_has_one(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "p.xlsx", [action("I.1.1", **{PIC: "Ketua"})])
    assert flt.options(load_plan(path))["pics"] == [("Ketua", "Ketua")]


def test_no_filter_is_the_plan_itself(plan: Plan) -> None:
    assert flt.apply(plan, Filters(), AS_OF) is plan


@pytest.mark.parametrize(
    ("filters", "ids"),
    [
        (Filters(areas=("II",)), ["II.1.1", "II.2.1"]),
        (Filters(areas=("IV",)), []),
        (Filters(components=("I.1", "III.1")), ["I.1.1", "I.1.2", "III.1.1"]),
        (Filters(statuses=(c.Status.LATE,)), ["I.1.2"]),  # due 21 April, not Selesai
        (Filters(statuses=(c.Status.IN_PROGRESS,)), ["II.2.1"]),  # I.1.2 shows as Terlambat
        (Filters(statuses=(c.Status.DONE, c.Status.NOT_STARTED)), ["I.1.1", "II.1.1", "III.1.1"]),
        (Filters(pics=("Sekretaris",)), ["I.1.1", "III.1.1"]),
        (Filters(pics=(NO_PIC,)), ["II.1.1"]),
        (Filters(months=("2022-04",)), ["I.1.1", "I.1.2"]),
        (Filters(months=("2022-09",)), ["II.1.1"]),
        (Filters(months=("2023-01",)), ["II.2.1"]),  # inside Mulai 15/11/2022 – Selesai 10/2/2023
        (Filters(months=("2022-05",)), []),
        (Filters(areas=("I",), statuses=(c.Status.DONE,)), ["I.1.1"]),
        (Filters(areas=("I",), pics=("Bendahara",)), []),
    ],
)
def test_apply_keeps_the_chosen_actions(plan: Plan, filters: Filters, ids: list[str]) -> None:
    assert _ids(flt.apply(plan, filters, AS_OF)) == ids


def test_apply_narrows_evidence_areas_and_log_with_the_actions(plan: Plan) -> None:
    shown = flt.apply(plan, Filters(areas=("I",)), AS_OF)
    assert shown.evidence[EvidenceCol.ID].tolist() == ["I.1.1/1", "I.1.2/1", "I.1.1/2"]
    assert shown.areas[AreaCol.AREA].tolist() == ["I"]
    # Log lines of the kept actions and of their evidence items, nothing else.
    assert shown.history[LogCol.ID].tolist() == ["I.1.1", "I.1.1", "I.1.1/2"]
    assert shown.actions.index.tolist() == [0, 1]
    # Filters other than the area keep every area row (a chart shows the empty ones too).
    assert len(flt.apply(plan, Filters(pics=("Sekretaris",)), AS_OF).areas) == 6


def test_apply_leaves_the_plan_unchanged(plan: Plan) -> None:
    before = _ids(plan)
    flt.apply(plan, Filters(areas=("II",)), AS_OF)
    assert _ids(plan) == before and len(plan.history) == 4


def test_view_filters_the_plan_as_it_stood_on_the_date(plan: Plan) -> None:
    # On 1 May I.1.1 was still Dalam Proses at 60 %, and past its 7 April target: Terlambat.
    late = flt.view(plan, AS_OF, Filters(statuses=(c.Status.LATE,)))
    assert _ids(late) == ["I.1.1", "I.1.2"]
    assert late.actions[ActionCol.PROGRESS].tolist() == [60, 50]
    after = flt.view(plan, date(2022, 6, 1), Filters(statuses=(c.Status.LATE,)))
    assert _ids(after) == ["I.1.2"]
    assert _ids(flt.view(plan, date(2022, 6, 1), Filters(statuses=(c.Status.DONE,)))) == ["I.1.1"]


@pytest.mark.parametrize(
    ("filters", "words"),
    [
        (Filters(), "Seluruh rencana aksi"),
        (Filters(areas=("II",)), "Area: II. Penataan Tata Laksana"),
        (
            Filters(areas=("I", "III"), statuses=(c.Status.LATE,)),
            "Area: I. Manajemen Perubahan, III. Penataan Sistem Manajemen SDM · Status: Terlambat",
        ),
        (Filters(components=("II.2",)), "Komponen: II.2 Komponen II.2"),
        (  # in the sidebar's order, whatever order the fields were given in
            Filters(months=("2022-09", "2023-01"), pics=(NO_PIC,)),
            "Penanggung jawab: (belum ditentukan) · Bulan target: September 2022, Januari 2023",
        ),
        (Filters(areas=("IV",)), "Area: IV"),  # a choice the plan does not offer: as given
    ],
)
def test_describe_says_every_active_filter(plan: Plan, filters: Filters, words: str) -> None:
    assert flt.describe(plan, filters) == words

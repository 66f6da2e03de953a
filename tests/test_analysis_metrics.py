"""Metrics on small hand-made plans; every expected number is worked out by hand here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.factory import action, make_workbook
from zi_dash.analysis import metrics as m
from zi_dash.base import ActionCol, Status
from zi_dash.workbook import Plan, load_plan

AS_OF = date(2022, 5, 1)


def test_overall_completion_is_the_mean_of_progress(mixed: Plan) -> None:
    assert m.completion_overall(mixed) == pytest.approx(280 / 6)


def test_status_counts(mixed: Plan) -> None:
    assert m.status_counts(mixed) == {"Belum Mulai": 2, "Dalam Proses": 2, "Selesai": 2}


def test_completion_by_area(mixed: Plan) -> None:
    table = m.completion_by_area(mixed)
    assert list(table[ActionCol.AREA]) == ["I", "II", "III"]
    assert list(table["actions"]) == [2, 2, 2]
    assert list(table["completion"]) == pytest.approx([75.0, 15.0, 50.0])
    assert list(table["done"]) == [1, 0, 1]
    assert list(table["in_progress"]) == [1, 1, 0]
    assert list(table["not_started"]) == [0, 1, 1]
    assert table["area_name"].iloc[0] == "Manajemen Perubahan"


def test_completion_by_component(mixed: Plan) -> None:
    table = m.completion_by_component(mixed)
    keys = list(zip(table[ActionCol.AREA], table[ActionCol.COMPONENT_NO]))
    assert keys == [("I", 1), ("II", 1), ("II", 2), ("III", 1)]
    assert list(table["completion"]) == pytest.approx([75.0, 0.0, 30.0, 50.0])
    assert list(table["actions"]) == [2, 1, 1, 2]


def _soon(plan: Plan, as_of: date) -> list[str]:
    state = m.action_state(plan, as_of)
    return state.loc[state["due_soon"], ActionCol.ID].tolist()


def test_overdue_and_due_soon(mixed: Plan) -> None:
    late = m.overdue(mixed, AS_OF)
    assert list(late[ActionCol.ID]) == ["I.1.2"]
    assert list(late["days_late"]) == [10]
    assert _soon(mixed, AS_OF) == ["II.1.1"]
    state = m.action_state(mixed, AS_OF).set_index(ActionCol.ID)
    assert state.loc["I.1.2", "display_status"] == Status.LATE
    assert state.loc["I.1.1", "display_status"] == Status.DONE  # done early is not late
    assert not state.loc["III.1.2", "overdue"]  # unreadable: never guessed late


@pytest.mark.parametrize(
    ("as_of", "late", "soon"),
    [
        (date(2022, 4, 21), [], ["I.1.2"]),  # due today: not late yet, 0 days left
        (date(2022, 4, 22), ["I.1.2"], []),  # 14 May is 22 days on
        (date(2022, 4, 29), ["I.1.2"], []),  # 15 days before 14 May
        (date(2022, 4, 30), ["I.1.2"], ["II.1.1"]),  # exactly 14 days before
        (date(2022, 7, 1), ["I.1.2", "II.1.1", "II.2.1"], []),  # 71, 48 and 1 days late
    ],
)
def test_late_and_soon_boundaries(mixed: Plan, as_of: date, late: list[str], soon: list[str]):
    assert list(m.overdue(mixed, as_of)[ActionCol.ID]) == late
    assert _soon(mixed, as_of) == soon


def test_unreadable_targets_are_listed(mixed: Plan) -> None:
    table = m.unreadable_targets(mixed)
    assert list(table[ActionCol.ID]) == ["III.1.2"]
    assert list(table[ActionCol.TARGET]) == ["kalau sempat"]
    assert table["problem"].iloc[0]


def test_evidence_per_action(mixed: Plan) -> None:
    table = m.evidence_by_action(mixed).set_index(ActionCol.ID)
    assert table.loc["I.1.1", "items"] == 2 and table.loc["I.1.1", "present"] == 1
    assert table.loc["I.1.1", "share"] == pytest.approx(50.0)
    assert table.loc["I.1.1", "missing_items"] == ["Dokumen 2 untuk I.1.1"]
    assert table.loc["I.1.2", "present"] == 0  # Perlu Perbaikan is not present
    assert table.loc["III.1.1", "share"] == pytest.approx(100.0)  # Terverifikasi counts


def test_evidence_overall(mixed: Plan) -> None:
    assert m.evidence_completeness(mixed) == pytest.approx(300 / 7)


def test_done_without_evidence(mixed: Plan) -> None:
    table = m.done_without_evidence(mixed)
    assert list(table[ActionCol.ID]) == ["I.1.1"]
    assert list(table["missing_items"]) == [["Dokumen 2 untuk I.1.1"]]


def test_rencana_curve_spreads_each_weight_over_its_days(tmp_path: Path) -> None:
    actions = [
        action(
            "I.1.1",
            target="x",
            **{ActionCol.START: date(2022, 4, 1), ActionCol.END: date(2022, 4, 10)},
        ),
        action(
            "I.1.2",
            target="x",
            **{ActionCol.START: date(2022, 4, 6), ActionCol.END: date(2022, 4, 15)},
        ),
    ]
    plan = load_plan(make_workbook(tmp_path / "s.xlsx", actions))
    curve = m.rencana_curve(plan)
    assert curve["date"].iloc[0] == date(2022, 4, 1)
    assert curve["date"].iloc[-1] == date(2022, 4, 15)
    # 50 % each over 10 days = 5 points a day per action.
    assert m.planned_at(curve, date(2022, 3, 31)) == 0
    assert m.planned_at(curve, date(2022, 4, 1)) == pytest.approx(5)
    assert m.planned_at(curve, date(2022, 4, 5)) == pytest.approx(25)
    assert m.planned_at(curve, date(2022, 4, 6)) == pytest.approx(35)
    assert m.planned_at(curve, date(2022, 4, 10)) == pytest.approx(75)
    assert m.planned_at(curve, date(2022, 4, 15)) == 100
    assert m.planned_at(curve, date(2022, 12, 31)) == 100
    assert curve["planned"].is_monotonic_increasing


def test_rencana_curve_with_a_multi_period_target_and_an_unreadable_one(tmp_path: Path) -> None:
    actions = [
        action("I.1.1", target="Juni, September, Desember 2022"),  # 30 + 30 + 31 = 91 days
        action("I.1.2", target="kalau sempat"),  # left out: the other carries 100 %
    ]
    curve = m.rencana_curve(load_plan(make_workbook(tmp_path / "s.xlsx", actions)))
    assert m.planned_at(curve, date(2022, 6, 30)) == pytest.approx(30 / 91 * 100)
    assert m.planned_at(curve, date(2022, 8, 31)) == pytest.approx(30 / 91 * 100)
    assert m.planned_at(curve, date(2022, 9, 1)) == pytest.approx(31 / 91 * 100)
    assert m.planned_at(curve, date(2022, 12, 31)) == 100


def test_empty_plan(tmp_path: Path) -> None:
    plan = load_plan(make_workbook(tmp_path / "e.xlsx", [], []))
    assert m.completion_overall(plan) == 0
    assert m.status_counts(plan) == {"Belum Mulai": 0, "Dalam Proses": 0, "Selesai": 0}
    assert m.completion_by_area(plan).empty
    assert m.overdue(plan, AS_OF).empty
    assert m.evidence_completeness(plan) == 0
    assert m.rencana_curve(plan).empty and m.planned_at(m.rencana_curve(plan), AS_OF) == 0


@pytest.mark.parametrize(
    ("planned", "actual", "kritis"),
    [
        (50, 39, True),  # 11 behind at plan ≤ 70
        (50, 40, False),  # exactly 10 behind is not "more than"
        (70, 59.9, True),
        (70, 60, False),
        (80, 74, True),  # 6 behind at plan > 70
        (80, 75, False),
        (100, 100, False),
        (0, 0, False),
        (30, 60, False),  # ahead
    ],
)
def test_kritis_rule(planned: float, actual: float, kritis: bool) -> None:
    assert m.is_kritis(planned, actual) is kritis


def test_real_plan_figures(real_workbook: Path) -> None:
    plan = load_plan(real_workbook)
    assert m.completion_overall(plan) == 0
    assert m.status_counts(plan)["Belum Mulai"] == 70
    assert m.unreadable_targets(plan).empty
    # 13 SK targets end on 31 Dec 2022: nine "Desember 2022", two "Januari–Desember 2022",
    # "Juni, September, Desember 2022" and I.3.1's "April …, tiap triwulan" (its last quarter
    # ends in December). On 31 Dec they are due, not late.
    assert len(m.overdue(plan, date(2022, 12, 31))) == 70 - 13
    assert len(m.overdue(plan, date(2023, 1, 1))) == 70
    # First SK target: "Januari Minggu ke 1 2022" (III.2.1), due 7 Jan.
    assert list(m.overdue(plan, date(2022, 1, 8))[ActionCol.ID]) == ["III.2.1"]
    assert m.evidence_completeness(plan) == 0
    assert m.rencana_curve(plan)["date"].iloc[0] == date(2022, 1, 1)


def test_headline_figures(mixed: Plan) -> None:
    h = m.headline(mixed, AS_OF)
    assert (h.actions, h.done, h.in_progress, h.not_started, h.late) == (6, 2, 2, 2, 1)
    assert h.completion == pytest.approx(m.completion_overall(mixed))
    assert h.evidence == pytest.approx(300 / 7)

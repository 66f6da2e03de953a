"""An action's periods at a date: planned %, tertinggal, segera and the missed period.

The issue's cases replay on the SK's own targets; properties hold for all 70 of them.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.targets import REAL
from zi_dash.analysis import metrics
from zi_dash.analysis.periods import period_flags, planned_share
from zi_dash.base import ActionCol, Status
from zi_dash.schedule import parse_target
from zi_dash.workbook import Plan

I_3_1 = "April Minggu ke 3 April 2022, tiap triwulan minggu ke 3,4,5"  # 7+16+16+17 = 56 days
V_4_3 = "Juni, September, Desember 2022"  # 30+30+31 = 91 days
YEAR = "Januari-Desember 2022"  # III.6.1, V.2.1: monthly work all year


@pytest.mark.parametrize(
    ("text", "day", "planned"),
    [
        (I_3_1, date(2022, 4, 14), 0.0),
        (I_3_1, date(2022, 4, 21), 100 * 7 / 56),
        (I_3_1, date(2022, 6, 30), 100 * 23 / 56),
        (I_3_1, date(2022, 12, 31), 100.0),
        (V_4_3, date(2022, 5, 31), 0.0),
        (V_4_3, date(2022, 6, 30), 100 * 30 / 91),
        (V_4_3, date(2022, 7, 15), 100 * 30 / 91),
        (YEAR, date(2022, 6, 30), 100 * 181 / 365),
        ("kalau sempat", date(2022, 6, 30), 0.0),
    ],
)
def test_planned_share_spreads_the_action_over_its_periods(text, day, planned) -> None:
    assert planned_share(parse_target(text, 2022), day) == pytest.approx(planned)


# (target, as_of, progress) -> (behind, due soon, missed period)
CASES = [
    # I.3.1: its April meeting passed with nothing done: tertinggal on 30 June, not terlambat.
    (I_3_1, date(2022, 6, 30), 0, (True, True, "15–21 April 2022")),
    (I_3_1, date(2022, 6, 30), 50, (False, False, "")),
    (I_3_1, date(2022, 4, 10), 0, (False, True, "")),  # April's meeting ends on the 21st
    # V.4.3: its June evaluation is due 30 June: segera on 20 June, tertinggal on 15 July.
    (V_4_3, date(2022, 6, 20), 0, (True, True, "Juni 2022")),
    (V_4_3, date(2022, 6, 10), 0, (True, False, "Juni 2022")),
    (V_4_3, date(2022, 7, 15), 0, (True, False, "Juni 2022")),
    (V_4_3, date(2022, 7, 15), 33, (False, False, "")),
    # III.6.1 / V.2.1: a year of monthly work can be behind long before 31 December.
    (YEAR, date(2022, 6, 30), 30, (True, False, "Januari–Desember 2022")),
    (YEAR, date(2022, 6, 30), 50, (False, False, "")),
    (YEAR, date(2022, 12, 20), 90, (True, True, "Januari–Desember 2022")),
]


@pytest.mark.parametrize(("text", "as_of", "progress", "expected"), CASES)
def test_behind_soon_and_missed(text: str, as_of: date, progress: float, expected) -> None:
    _, behind, soon, _, missed = period_flags(parse_target(text, 2022), progress, True, as_of, 14)
    assert (behind, soon, missed) == expected


def test_a_done_action_is_never_behind_or_due() -> None:
    flags = period_flags(parse_target(V_4_3, 2022), 100, False, date(2022, 7, 15), 14)
    assert flags[1:3] == (False, False)


@pytest.mark.parametrize(("text", "_"), REAL, ids=[t for t, _ in REAL])
def test_every_sk_target_plans_0_to_100_rising(text: str, _: object) -> None:
    target = parse_target(text, 2022)
    start, end = target.intervals[0][0], target.intervals[-1][1]
    shares = [planned_share(target, start + timedelta(days=n)) for n in range(-3, 400, 7)]
    assert shares == sorted(shares)
    assert planned_share(target, start - timedelta(days=1)) == 0
    assert planned_share(target, end) == pytest.approx(100)
    # An action exactly on plan is never behind; one below plan after its start always is.
    for day in (start, end - timedelta(days=1), end):
        planned = planned_share(target, day)
        assert not period_flags(target, planned, True, day, 14)[1]
        if planned > 0:
            assert period_flags(target, planned - 0.5, True, day, 14)[1]


def test_the_state_shows_terlambat_before_tertinggal(real_workbook) -> None:
    from zi_dash.workbook import load_plan

    plan: Plan = load_plan(real_workbook)
    state = metrics.action_state(plan, date(2022, 6, 30)).set_index(ActionCol.ID)
    assert state.loc["I.3.1", "display_status"] == Status.BEHIND
    assert state.loc["I.3.1", "missed"] == "15–21 April 2022"
    assert state.loc["I.1.1", "display_status"] == Status.LATE  # April week 1, all passed
    # June's evaluation is planned by the end of 30 June: behind on the day, terlambat never.
    assert state.loc["V.4.3", "display_status"] == Status.BEHIND
    assert (
        metrics.action_state(plan, date(2022, 5, 31))
        .set_index(ActionCol.ID)
        .loc["V.4.3", "display_status"]
        == Status.NOT_STARTED
    )
    lagging = metrics.lagging(plan, date(2022, 6, 30))
    kinds = lagging["display_status"].tolist()
    assert kinds == sorted(kinds, key=[Status.LATE, Status.BEHIND].index)

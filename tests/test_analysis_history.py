"""The Riwayat log read back: rewind() undoes later changes, realisasi_curve() replays them."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.factory import action, evidence, make_workbook
from zi_dash.analysis import history, metrics, rewind
from zi_dash.base import ActionCol, EvidenceCol, LogCol
from zi_dash.base import contract as c
from zi_dash.workbook import Plan, load_plan

A, E = c.Sheet.ACTIONS, c.Sheet.EVIDENCE


def _log(
    when: datetime, row_id: str, column: str, old: str, new: str, sheet: str = A, user: str = "a"
) -> dict[str, object]:
    return {
        LogCol.TIME: when,
        LogCol.USER: user,
        LogCol.SHEET: sheet,
        LogCol.ID: row_id,
        LogCol.COLUMN: column,
        LogCol.OLD: old,
        LogCol.NEW: new,
    }


def _plan(tmp_path: Path, actions, log, items=None, modified: datetime | None = None) -> Plan:
    plan = load_plan(make_workbook(tmp_path / "log.xlsx", actions, items, log=log))
    return dataclasses.replace(plan, modified=modified) if modified else plan


def test_rewind_undoes_later_logged_changes(tmp_path) -> None:
    log = [
        _log(datetime(2022, 6, 1, 9), "I.1.1", ActionCol.PROGRESS, "0", "50"),
        _log(datetime(2022, 7, 1, 9), "I.1.1", ActionCol.PROGRESS, "50", "100", user="b"),
        _log(
            datetime(2022, 7, 1, 9), "I.1.1", ActionCol.STATUS, "Dalam Proses", "Selesai", user="b"
        ),
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


def test_rewind_without_later_changes_is_the_plan_itself(tmp_path) -> None:
    log = [_log(datetime(2022, 6, 1, 9), "I.1.1", ActionCol.PROGRESS, "0", "50")]
    plan = _plan(tmp_path, [action("I.1.1", "Dalam Proses", 50)], log)
    assert rewind(plan, date(2022, 6, 1)) is plan  # a change during the day is kept
    assert rewind(plan, date(2030, 1, 1)) is plan


def test_rewind_undoes_evidence_changes_too(tmp_path) -> None:
    log = [_log(datetime(2022, 6, 20, 8), "I.1.1/1", EvidenceCol.STATUS, "Belum Ada", "Ada", E)]
    items = [evidence("I.1.1", 1, c.EvidenceStatus.PRESENT), evidence("I.1.1", 2)]
    plan = _plan(tmp_path, [action("I.1.1")], log, items)
    before = rewind(plan, date(2022, 6, 19)).evidence
    assert list(before[EvidenceCol.STATUS]) == ["Belum Ada", "Belum Ada"]
    assert list(plan.evidence[EvidenceCol.STATUS]) == ["Ada", "Belum Ada"]  # not changed


@pytest.mark.parametrize(
    "line",
    [
        _log(datetime(2022, 7, 1), "X.9.9", ActionCol.PROGRESS, "10", "20"),  # no such row
        _log(datetime(2022, 7, 1), "I.1.1", "Kolom Lain", "10", "20"),  # no such column
        _log(datetime(2022, 7, 1), "I.1.1", ActionCol.PROGRESS, "10", "20", sheet="Lain"),
        _log(datetime(2022, 7, 1), "I.1.1", ActionCol.PROGRESS, "banyak", "20"),  # unreadable old
    ],
    ids=["unknown-id", "unknown-column", "unknown-sheet", "unreadable-old-value"],
)
def test_rewind_skips_log_lines_it_cannot_apply(tmp_path, line) -> None:
    plan = _plan(tmp_path, [action("I.1.1", "Dalam Proses", 20)], [line])
    past = rewind(plan, date(2022, 6, 1))
    assert past.actions[ActionCol.PROGRESS].tolist() == [20.0]  # the newer value is kept
    assert past.evidence.equals(plan.evidence)


def test_rewind_takes_the_update_stamp_back_to_the_last_earlier_change(tmp_path) -> None:
    log = [
        _log(datetime(2022, 6, 1, 9), "I.1.1", ActionCol.PROGRESS, "0", "50", user="ani"),
        _log(datetime(2022, 7, 1, 9), "I.1.1", ActionCol.PROGRESS, "50", "60", user="budi"),
        _log(datetime(2022, 7, 2, 9), "I.1.2", ActionCol.PROGRESS, "0", "10", user="budi"),
    ]
    plan = _plan(tmp_path, [action("I.1.1"), action("I.1.2")], log)
    rows = rewind(plan, date(2022, 6, 30)).actions.set_index(ActionCol.ID)
    assert rows.loc["I.1.1", ActionCol.UPDATED] == datetime(2022, 6, 1, 9)
    assert rows.loc["I.1.1", ActionCol.UPDATED_BY] == "ani"
    # Nothing logged before: no stamp rather than a wrong one.
    assert rows.loc["I.1.2", ActionCol.UPDATED] is None
    assert rows.loc["I.1.2", ActionCol.UPDATED_BY] == ""


# Two actions: I.1.1 logged 0 → 50 (1 June) → 100 (1 July), I.1.2 at 40 % never logged (it
# was so when the dashboard first saw the file). A hand-edited line with an unreadable old
# value is ignored.
CURVE_LOG = [
    _log(datetime(2022, 6, 1, 9), "I.1.1", ActionCol.PROGRESS, "0", "50"),
    _log(datetime(2022, 6, 5, 9), "I.1.1", ActionCol.PROGRESS, "abc", "60"),
    _log(datetime(2022, 7, 1, 9), "I.1.1", ActionCol.PROGRESS, "50", "100"),
    _log(datetime(2022, 6, 2, 9), "I.1.1", ActionCol.STATUS, "Belum Mulai", "Dalam Proses"),
]


@pytest.fixture
def logged(tmp_path: Path) -> Plan:
    actions = [action("I.1.1", "Selesai", 100), action("I.1.2", "Dalam Proses", 40)]
    return _plan(tmp_path, actions, CURVE_LOG, modified=datetime(2022, 6, 15, 10))


@pytest.mark.parametrize(
    ("day", "actual"),
    [
        (date(2022, 5, 30), 20),  # I.1.1 at its first old value 0, I.1.2 at its 40 %
        (date(2022, 5, 31), 20),
        (date(2022, 6, 1), 45),  # (50 + 40) / 2
        (date(2022, 6, 5), 45),  # the unreadable line changes nothing
        (date(2022, 6, 15), 45),  # the file's modification date changes nothing either
        (date(2022, 6, 30), 45),
        (date(2022, 7, 1), 70),  # (100 + 40) / 2
        (date(2022, 7, 2), 70),
    ],
)
def test_realisasi_replays_the_log_day_by_day(logged: Plan, day: date, actual: float) -> None:
    curve = history.realisasi_curve(logged, date(2022, 5, 30), date(2022, 7, 2))
    assert list(curve.columns) == ["date", "actual"]
    assert len(curve) == 34 and curve["date"].iloc[-1] == date(2022, 7, 2)
    assert curve.set_index("date").loc[day, "actual"] == pytest.approx(actual)


def test_realisasi_of_chosen_ids_only(logged: Plan) -> None:
    curve = history.realisasi_curve(logged, date(2022, 5, 31), date(2022, 7, 1), ["I.1.1"])
    assert curve["actual"].tolist()[:2] == [0, 50]
    assert curve["actual"].iloc[-1] == 100
    both = history.realisasi_curve(logged, date(2022, 5, 31), date(2022, 7, 1), ["I.1.2", "I.1.1"])
    assert both["actual"].iloc[-1] == 70  # as many ids as actions: all of them


def _outside(when: datetime, row_id: str, old: str, new: str) -> dict[str, object]:
    return _log(when, row_id, ActionCol.PROGRESS, old, new, user=c.OUTSIDE_USER)


def _with_outside(plan: Plan, rows: list[dict[str, object]]) -> Plan:
    import pandas as pd

    return dataclasses.replace(plan, outside=pd.DataFrame(rows, columns=list(c.LOG.headers)))


def test_outside_edits_count_from_their_date_in_the_curve_and_in_rewind(tmp_path: Path) -> None:
    # Logged 0 → 50 on 1 June; then 80 typed in Excel, found as an outside edit on 10 June.
    log = [_log(datetime(2022, 6, 1, 9), "I.1.1", ActionCol.PROGRESS, "0", "50")]
    plan = _plan(tmp_path, [action("I.1.1", "Dalam Proses", 80)], log)
    plan = _with_outside(plan, [_outside(datetime(2022, 6, 10, 8), "I.1.1", "50", "80")])
    curve = history.realisasi_curve(plan, date(2022, 5, 31), date(2022, 6, 12)).set_index("date")
    assert curve.loc[date(2022, 5, 31), "actual"] == 0
    assert curve.loc[date(2022, 6, 9), "actual"] == 50
    assert curve.loc[date(2022, 6, 10), "actual"] == 80
    assert rewind(plan, date(2022, 6, 9)).actions.iloc[0][ActionCol.PROGRESS] == 50
    june_9 = rewind(plan, date(2022, 6, 9)).actions.iloc[0]
    assert june_9[ActionCol.UPDATED_BY] == "a"  # the stamp of the last change up to then


def _agreement_plans(tmp_path: Path) -> list[Plan]:
    actions = [action("I.1.1", "Selesai", 100), action("I.1.2", "Dalam Proses", 40)]
    logged = _plan(tmp_path, actions, CURVE_LOG)
    outside = _with_outside(
        logged,
        [
            _outside(datetime(2022, 6, 20, 14), "I.1.2", "10", "40"),
            _outside(datetime(2022, 6, 20, 14), "I.1.1", "90", "100"),
        ],
    )
    unexplained = _plan(tmp_path, [action("I.1.1", "Dalam Proses", 80)], CURVE_LOG[:1])
    return [logged, outside, unexplained]


def test_the_curve_and_the_headline_agree_at_every_tanggal_acuan(tmp_path: Path) -> None:
    """Issue 12.6: one truth per screen. The realisasi of a day is the capaian of that day."""
    for plan in _agreement_plans(tmp_path):
        start, end = date(2022, 5, 25), date(2022, 7, 5)
        curve = history.realisasi_curve(plan, start, end).set_index("date")["actual"]
        for day in curve.index:
            headline = metrics.headline(rewind(plan, day), day)
            assert curve[day] == pytest.approx(headline.completion), day


def test_a_start_after_the_changes_begins_at_their_level(logged: Plan) -> None:
    curve = history.realisasi_curve(logged, date(2022, 6, 20), date(2022, 6, 21))
    assert curve["actual"].tolist() == [45, 45]


@pytest.mark.parametrize(
    ("start", "as_of", "ids"),
    [
        (date(2022, 7, 2), date(2022, 7, 1), None),  # as-of before the start
        (date(2022, 6, 1), date(2022, 7, 1), []),  # no action chosen
        (date(2022, 6, 1), date(2022, 7, 1), ["X.9.9"]),  # none of the plan's
    ],
)
def test_realisasi_is_empty_when_there_is_nothing_to_draw(logged, start, as_of, ids) -> None:
    curve = history.realisasi_curve(logged, start, as_of, ids)
    assert curve.empty and list(curve.columns) == ["date", "actual"]

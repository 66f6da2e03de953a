"""The LKE answers on a past date (rewound by Riwayat like every other figure), and on Riwayat."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.factory import excel_edit, mixed, save_now
from tests.lke_book import lke_workbook
from zi_dash.analysis import rewind
from zi_dash.base import WORKBOOK_ENV, LkeCol, LogCol
from zi_dash.base import contract as c
from zi_dash.ui import Key
from zi_dash.workbook import load_plan, load_tracked, plain, save_changes

APP = str(Path(__file__).resolve().parent.parent / "app.py")
L, J = c.Sheet.LKE, LkeCol.ANSWER
MAY, JUNE = datetime(2022, 5, 2, 9, 30), datetime(2022, 6, 10, 11, 0)


@pytest.fixture
def answered(tmp_path: Path) -> Path:
    """Answers saved on 2 May (7: B, 126: 12) and changed on 10 June (7: A, 126: 15, a note)."""
    path = lke_workbook(tmp_path / "lke.xlsx")
    save_now(path, {L: {"7": {J: "B"}, "126": {J: "12"}}}, user="ani")
    version = load_plan(path).version
    changes = {L: {"7": {J: "A"}, "126": {J: 15}, "6": {LkeCol.NOTES: "dicek"}}}
    save_changes(path, changes, user="budi", base_version=version, now=JUNE)
    return path


def _answers(plan) -> dict[str, object]:
    frame = plan.lke.set_index(LkeCol.ROW)
    return {row: frame.at[row, J] for row in ("7", "126")}


@pytest.mark.parametrize(
    ("as_of", "answers", "stamp"),
    [
        (date(2022, 5, 1), {"7": None, "126": None}, (None, "")),  # before any answer
        (date(2022, 5, 2), {"7": "B", "126": 12.0}, (MAY, "ani")),
        (date(2022, 6, 9), {"7": "B", "126": 12.0}, (MAY, "ani")),
        (date(2022, 6, 10), {"7": "A", "126": 15.0}, (JUNE, "budi")),
    ],
)
def test_rewind_takes_the_answers_back_to_the_date(
    answered: Path, as_of: date, answers: dict[str, object], stamp: tuple[object, str]
) -> None:
    plan = rewind(load_plan(answered), as_of)
    assert _answers(plan) == answers
    row = plan.lke.set_index(LkeCol.ROW).loc["7"]
    assert (plain(row[LkeCol.UPDATED]), row[LkeCol.UPDATED_BY]) == stamp
    assert isinstance(plan.lke.set_index(LkeCol.ROW).at["126", J], (float, type(None)))


def test_rewind_undoes_an_answer_changed_in_excel_from_the_file_time(answered: Path) -> None:
    load_tracked(answered)
    excel_edit(answered, [(L, "7", J, "C")], datetime(2022, 7, 1, 8, 0))
    plan = load_tracked(answered)
    assert _answers(rewind(plan, date(2022, 6, 30)))["7"] == "A"
    assert _answers(rewind(plan, date(2022, 7, 1)))["7"] == "C"


def test_a_workbook_without_the_sheet_keeps_lke_none(tmp_path: Path) -> None:
    path = mixed(tmp_path / "old.xlsx")
    save_now(path, {c.Sheet.ACTIONS: {"I.1.1": {c.ActionCol.NOTES: "x"}}})
    plan = load_plan(path)
    assert rewind(plan, date(2022, 1, 1)).lke is None


def test_a_log_line_of_an_lke_sheet_the_workbook_lacks_undoes_nothing(tmp_path: Path) -> None:
    log = [
        {
            LogCol.TIME: datetime(2022, 6, 1, 9),
            LogCol.USER: "ani",
            LogCol.SHEET: L,
            LogCol.ID: "7",
            LogCol.COLUMN: J,
            LogCol.OLD: "",
            LogCol.NEW: "B",
        }
    ]
    from tests.factory import action, make_workbook

    plan = load_plan(make_workbook(tmp_path / "log.xlsx", [action("I.1.1")], log=log))
    back = rewind(plan, date(2022, 5, 1))
    assert back.lke is None and back.actions.equals(plan.actions)


def test_the_riwayat_page_lists_the_answers(monkeypatch, answered: Path) -> None:
    monkeypatch.setenv(WORKBOOK_ENV, str(answered))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[Key.AS_OF] = date(2022, 6, 30)
    at.run()
    at.switch_page("pages/riwayat.py").run()
    assert not at.exception, at.exception
    rows = at.dataframe[0].value.to_dict("records")
    lines = [(r[LogCol.SHEET], r[LogCol.ID], r[LogCol.OLD], r[LogCol.NEW]) for r in rows]
    assert (L, "7", "B", "A") in lines and (L, "126", "12", "15") in lines
    assert (L, "7", "", "B") in lines

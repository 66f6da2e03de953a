"""template, import-plan and new-year write the LKE sheet: answers empty, an action's links kept."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests import factory
from tests import plan_sources as ps
from zi_dash.base import ActionCol, LkeCol
from zi_dash.base import contract as c
from zi_dash.cli import main
from zi_dash.lke import bank
from zi_dash.workbook import Plan, load_plan, save_changes

_UNIT_COLUMNS = (LkeCol.ANSWER, LkeCol.NOTES, LkeCol.LINKS, LkeCol.UPDATED, LkeCol.UPDATED_BY)


def _fresh_lke(plan: Plan) -> None:
    """The plan's LKE sheet is the whole bank, in order, with nothing of the unit's in it."""
    assert plan.lke is not None
    assert [int(b) for b in plan.lke[LkeCol.ROW]] == [r.baris for r in bank().rows]
    for column in _UNIT_COLUMNS:
        assert plan.lke[column].map(lambda v: v is None or v == "").all(), column


def test_the_template_has_the_lke_sheet_unanswered(tmp_path: Path) -> None:
    out = tmp_path / "templat.xlsx"
    assert main(["template", "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)  # a template has no year: the dashboard does not load it
    rows = list(book[c.Sheet.LKE].iter_rows(values_only=True))
    assert rows[0] == c.LKE.headers
    assert [r[0] for r in rows[1:]] == [b.baris for b in bank().rows]
    unit = [c.LKE.headers.index(col) for col in _UNIT_COLUMNS]
    assert {r[i] for r in rows[1:] for i in unit} == {None}
    assert ActionCol.LKE_ROWS in [cell.value for cell in book[c.Sheet.ACTIONS][1]]


def test_an_imported_plan_has_the_lke_sheet_and_blank_links(tmp_path: Path) -> None:
    source = ps.write(tmp_path, "SK Pekalongan.docx", ps.docx_pekalongan())
    out = tmp_path / "pekalongan.xlsx"
    assert main(["import-plan", str(source), "--out", str(out)]) == 0
    plan = load_plan(out)
    _fresh_lke(plan)
    # Suggestions are shown until a person saves them, never written by the import.
    assert set(plan.actions[ActionCol.LKE_ROWS]) == {""}


def _answered(path: Path) -> Plan:
    """The plan at `path` with answers, notes, evidence links and one action's links changed."""
    plan = load_plan(path)
    save_changes(
        path,
        {
            c.Sheet.LKE: {
                "6": {LkeCol.ANSWER: "Ya", LkeCol.NOTES: "catatan TPI"},
                "18": {LkeCol.ANSWER: "B", LkeCol.LINKS: "https://drive.example/agen"},
                "126": {LkeCol.ANSWER: 12},
            },
            c.Sheet.ACTIONS: {"I.1.1": {ActionCol.LKE_ROWS: "6, 7, 9"}},
        },
        user="Budi",
        base_version=plan.version,
    )
    return load_plan(path)


def test_new_year_clears_answers_notes_and_evidence_links_and_keeps_action_links(
    tmp_path: Path, workbook_copy: Path
) -> None:
    old = _answered(workbook_copy)
    assert old.lke is not None and old.lke[LkeCol.ANSWER].notna().sum() == 3
    out = tmp_path / "rencana_2023.xlsx"
    args = ["new-year", "--workbook", str(workbook_copy), "--year", "2023", "--out", str(out)]
    assert main(args) == 0
    new = load_plan(out)
    _fresh_lke(new)
    links = dict(zip(new.actions[ActionCol.ID], new.actions[ActionCol.LKE_ROWS], strict=True))
    assert links == dict(
        zip(old.actions[ActionCol.ID], old.actions[ActionCol.LKE_ROWS], strict=True)
    )
    assert links["I.1.1"] == "6, 7, 9" and links["I.4.2"] == "18"


def test_new_year_of_a_workbook_without_the_sheet_gains_it(tmp_path: Path) -> None:
    actions = [factory.action("I.1.1", **{ActionCol.LKE_ROWS: "6"}), factory.action("II.1.1")]
    old = factory.make_workbook(tmp_path / "lama.xlsx", actions)
    assert load_plan(old).lke is None
    out = tmp_path / "baru.xlsx"
    assert main(["new-year", "--workbook", str(old), "--year", "2023", "--out", str(out)]) == 0
    new = load_plan(out)
    _fresh_lke(new)
    assert list(new.actions[ActionCol.LKE_ROWS]) == ["6", ""]


@pytest.mark.parametrize("typed", ["abc", "5"])  # not a row; a sub-component
def test_new_year_keeps_an_unreadable_link_as_typed(tmp_path: Path, typed: str) -> None:
    # Never coerced: the unit sees the same problem next year and fixes it there.
    old = factory.make_workbook(
        tmp_path / "lama.xlsx", [factory.action("I.1.1", **{ActionCol.LKE_ROWS: typed})]
    )
    out = tmp_path / "baru.xlsx"
    assert main(["new-year", "--workbook", str(old), "--year", "2023", "--out", str(out)]) == 0
    assert list(load_plan(out).actions[ActionCol.LKE_ROWS]) == [typed]

"""The one editing machinery on the LKE sheet and Baris LKE: grid, draft, review, choices."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factory import mixed
from tests.factory import save_now as _save
from tests.lke_book import drop_lke_rows_column, lke_workbook
from zi_dash.base import ActionCol, LkeCol, Role, roles
from zi_dash.base import contract as c
from zi_dash.edit import Draft, DraftStore, editing, layout, versions
from zi_dash.ui import editor
from zi_dash.workbook import Plan, load_plan

A, L = c.Sheet.ACTIONS, c.Sheet.LKE
J = LkeCol.ANSWER
# The Sunting Aksi grid as it was before Baris LKE: a workbook without the column keeps it.
OLD_ACTION_GRID = (
    ActionCol.ID,
    ActionCol.INDICATOR,
    ActionCol.TARGET,
    ActionCol.STATUS,
    ActionCol.PROGRESS,
    ActionCol.PIC,
    ActionCol.START,
    ActionCol.END,
    ActionCol.NOTES,
    ActionCol.STEP,
)


@pytest.fixture
def lke(tmp_path: Path) -> Plan:
    return load_plan(lke_workbook(tmp_path / "lke.xlsx", {7: "B", 126: 12, 199: 3.6}))


def _typed(plan: Plan, sheet: str, edits: dict[str, dict[str, object]]) -> Draft:
    draft = Draft("budi")
    shown = editing.shown_values(plan, sheet, list(edits))
    for row_id, cols in edits.items():
        for column, value in cols.items():
            draft.type(sheet, row_id, column, value, shown[row_id])
    return draft


def test_the_lke_grid_shows_the_question_beside_its_answer(lke: Plan) -> None:
    columns = layout.editor_columns(lke, L)
    assert columns[:6] == (
        LkeCol.ROW, LkeCol.QUESTION, LkeCol.TYPE, J, LkeCol.NOTES, LkeCol.LINKS,
    )  # fmt: skip
    # An editor's grid: the TPI's columns are the penilai's, not shown here.
    mine = {col for col in layout.editable_columns(L) if roles.may_write(Role.EDITOR, L, col)}
    assert set(columns) == set(layout.READ_ONLY[L]) | mine
    assert not set(layout.READ_ONLY[L]) & set(layout.editable_columns(L))


def test_baris_lke_follows_catatan_only_when_the_workbook_has_it(tmp_path: Path) -> None:
    new = load_plan(mixed(tmp_path / "new.xlsx"))
    columns = layout.editor_columns(new, A)
    assert columns[columns.index(ActionCol.NOTES) + 1] == ActionCol.LKE_ROWS
    old = load_plan(drop_lke_rows_column(mixed(tmp_path / "old.xlsx")))
    assert layout.editor_columns(old, A) == OLD_ACTION_GRID
    frame = editing.editor_frame(old, A, editing.row_ids(old, A), Draft("budi"))
    assert tuple(frame.columns) == OLD_ACTION_GRID


def test_a_workbook_without_the_lke_sheet_has_no_lke_grid(mixed: Plan) -> None:
    assert layout.editor_columns(mixed, L) == ()
    assert editing.row_ids(mixed, L) == []


def test_answers_are_shown_as_text_and_the_draft_on_top(lke: Plan) -> None:
    draft = _typed(lke, L, {"6": {J: "ya"}, "199": {J: "3,8"}})
    frame = editing.editor_frame(lke, L, editing.row_ids(lke, L), draft).set_index(LkeCol.ROW)
    assert frame[J].to_dict() == {
        "5": None, "6": "ya", "7": "B", "13": None, "24": None, "124": None, "125": None,
        "126": "12", "127": None, "199": "3,8",
    }  # fmt: skip


@pytest.mark.parametrize(("typed", "kept"), [("B", False), ("b", False), ("C", True)])
def test_typing_the_answer_shown_is_no_edit(lke: Plan, typed: str, kept: bool) -> None:
    draft = _typed(lke, L, {"7": {J: typed}})
    assert draft.count(L) == int(kept)


def test_the_grid_text_of_a_number_answer_is_no_edit(lke: Plan) -> None:
    draft = _typed(lke, L, {"126": {J: "12"}, "199": {J: "3,6"}})
    assert draft.count(L) == 0


def test_a_draft_of_answers_survives_the_store(tmp_path: Path, lke: Plan) -> None:
    draft = _typed(lke, L, {"7": {J: "c"}, "126": {J: 15.0}, "6": {LkeCol.LINKS: "a\nb"}})
    store = DraftStore(tmp_path / "lke.xlsx")
    store.save(draft)
    back = store.load("budi")
    assert back.typed(L) == draft.typed(L) and back.seen(L) == draft.seen(L)
    assert back.seen(L)["126"][J] == 12.0 and back.typed(L)["126"][J] == 15.0


def test_the_review_names_the_row_by_its_baris_and_what_it_allows(lke: Plan) -> None:
    draft = _typed(lke, L, {"7": {J: "D"}, "13": {J: "b"}, "5": {J: "Ya"}})
    found = editing.review(lke, L, draft)
    assert [o.row_id for o in found.saveable] == ["13"]
    assert found.cells == 1
    assert found.problems[0].startswith('Baris 5, kolom "Jawaban": baris subkomponen')
    assert found.problems[1].startswith('Baris 7, kolom "Jawaban": ')
    assert "A, B atau C" in found.problems[1]
    line = found.lines.set_index(editing.ReviewHeader.ID).loc["13"]
    assert (line[editing.ReviewHeader.OLD], line[editing.ReviewHeader.NEW]) == ("", "B")


def test_a_clash_on_an_answer_offers_both_versions_and_both_choices(tmp_path: Path) -> None:
    path = lke_workbook(tmp_path / "lke.xlsx", {7: "B"})
    start = load_plan(path)
    draft = _typed(start, L, {"7": {J: "c"}, "6": {J: "Ya"}})
    _save(path, {L: {"7": {J: "A"}}}, user="ani")
    now = load_plan(path)
    found = editing.review(now, L, draft)
    assert [(x.row_id, x.theirs, x.mine) for x in found.conflicts] == [("7", "A", "C")]
    clash = versions.clash_versions(found, now, L, draft.typed(L))
    assert clash.values.tolist() == [["7", J, "C", "A"]]  # the editor's, as it would be saved
    mine = _typed(start, L, {"7": {J: "c"}})
    editing.keep_mine(mine, now, L, found.outcomes)
    assert editing.review(now, L, mine).conflicts == []
    editing.take_theirs(draft, L, found.outcomes)
    assert draft.typed(L) == {"6": {J: "Ya"}}


def test_saving_the_review_writes_the_clean_rows_and_keeps_the_refused(lke: Plan) -> None:
    draft = _typed(lke, L, {"7": {J: "D"}, "13": {J: "b"}})
    result = editing.save(lke, draft, L, editing.review(lke, L, draft), "budi")
    assert [(ch.row_id, ch.new) for ch in result.changes] == [("13", "B")]
    assert draft.typed(L) == {"7": {J: "D"}}


def test_the_review_of_lke_edits_on_a_workbook_without_the_sheet_says_how_to_add_it(
    mixed: Plan,
) -> None:
    draft = Draft("budi")
    draft.type(L, "7", J, "B", {J: None})
    found = editing.review(mixed, L, draft)
    assert not found.saveable
    assert "tambahkan lewat halaman Penilaian Mandiri" in found.problems[0]


@pytest.mark.parametrize(
    ("sheet", "column", "kind", "says"),
    [
        (L, J, "text", "Pilihan Jawaban"),  # text: the row decides what fits
        (L, LkeCol.LINKS, "text", "Satu tautan atau berkas per baris"),  # as Bukti's Tautan
        (L, LkeCol.NOTES, "text", None),
        (L, LkeCol.QUESTION, "text", None),
        (A, ActionCol.LKE_ROWS, "text", "18, 20"),
    ],
)
def test_the_lke_grid_columns(sheet: str, column: str, kind: str, says: str | None) -> None:
    config = editor._column(sheet, column)
    assert config["label"] == column and config["type_config"]["type"] == kind
    if says:
        assert says in config["help"]
    assert config.get("disabled") is (True if column in layout.READ_ONLY[sheet] else None)


def test_the_review_names_dicek_ulang_as_the_tpi_review_rule(tmp_path: Path) -> None:
    path = lke_workbook(tmp_path / "lke.xlsx", {7: "B"})
    _save(
        path, {L: {"7": {LkeCol.REVIEW: c.ReviewStatus.NEEDS_FIX}}}, user="sari", role=Role.ASSESSOR
    )
    plan = load_plan(path)
    found = editing.review(plan, L, _typed(plan, L, {"7": {J: "A"}}))
    notes = found.lines.set_index(editing.ReviewHeader.COLUMN)[editing.ReviewHeader.NOTE]
    assert notes[LkeCol.REVIEW] == (
        "otomatis: jawaban/bukti diubah setelah Perlu Perbaikan (aturan telaah TPI)"
    )
    assert "Status/Progres" not in notes[LkeCol.REVIEW] and notes[J] == ""

"""Who may save what: a penilai (TPI) writes only the TPI's LKE columns, an editor all others.

Also the Dicek Ulang rule (a unit's new answer or evidence on a question the TPI returned) and
an LKE sheet made before the TPI's columns. Round trips on the `mixed` plan with an LKE sheet.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from tests.factory import NOW
from tests.factory import save_now as _save
from tests.lke_book import lke_workbook
from zi_dash.analysis.history import rewind
from zi_dash.base import ActionCol, LkeCol, LogCol, ReviewStatus, Role
from zi_dash.base import contract as c
from zi_dash.workbook import InvalidValueError, load_plan, save_changes

L, A = c.Sheet.LKE, c.Sheet.ACTIONS


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return lke_workbook(tmp_path / "lke.xlsx", {6: "Ya", 7: "B"})


def _row(path: Path, baris: str) -> dict[str, object]:
    return load_plan(path).lke.set_index(LkeCol.ROW).loc[baris].to_dict()


def _log(path: Path) -> list[tuple[object, ...]]:
    log = load_plan(path).history
    cols = [LogCol.USER, LogCol.SHEET, LogCol.ID, LogCol.COLUMN, LogCol.OLD, LogCol.NEW]
    return [tuple(r) for r in log[cols].itertuples(index=False)]


@pytest.mark.parametrize(
    ("role", "changes", "named"),
    [
        (Role.ASSESSOR, {L: {"6": {LkeCol.ANSWER: "Tidak"}}}, 'LKE Baris 6, kolom "Jawaban"'),
        (Role.ASSESSOR, {L: {"7": {LkeCol.LINKS: "x"}}}, 'LKE Baris 7, kolom "Tautan Bukti"'),
        (Role.ASSESSOR, {A: {"I.1.1": {ActionCol.NOTES: "x"}}}, 'Aksi I.1.1, kolom "Catatan"'),
        (Role.EDITOR, {L: {"6": {LkeCol.TPI_ANSWER: "Ya"}}}, 'LKE Baris 6, kolom "Jawaban TPI"'),
        (Role.EDITOR, {L: {"7": {LkeCol.REVIEW: ReviewStatus.OK}}}, 'kolom "Status Telaah"'),
        (Role.EDITOR, {L: {"7": {LkeCol.TPI_NOTES: "cek"}}}, 'kolom "Catatan TPI"'),
    ],
    ids=[
        "penilai Jawaban",
        "penilai Tautan",
        "penilai plan",
        "editor Jawaban TPI",
        "editor Status",
        "editor Catatan TPI",
    ],
)
def test_a_column_the_role_may_not_write_refuses_the_whole_save(book, role, changes, named):
    # The allowed change beside it is not written either: the save is refused as a whole.
    allowed = {LkeCol.TPI_NOTES: "ok"} if role is Role.ASSESSOR else {LkeCol.NOTES: "ok"}
    mixed = {**changes, L: {**changes.get(L, {}), "13": allowed}}
    before = book.read_bytes()
    with pytest.raises(InvalidValueError) as info:
        _save(book, mixed, user="sari", role=role)
    message = str(info.value)
    assert message.startswith("Perubahan tidak disimpan; tidak ada yang ditulis")
    assert named in message and "penilai (TPI)" in message
    assert "Baris 13" not in message  # only the refused cells are named
    assert book.read_bytes() == before  # nothing written, nothing logged in Riwayat


def test_a_role_that_is_not_a_role_is_a_programming_error(book: Path) -> None:
    with pytest.raises(TypeError):
        _save(book, {L: {"6": {LkeCol.TPI_ANSWER: "Ya"}}}, role="penilai")


def test_a_penilai_writes_the_tpi_columns_and_their_own_stamps(book: Path) -> None:
    before = _row(book, "7")
    changes = {L: {"7": {LkeCol.TPI_ANSWER: "c", LkeCol.REVIEW: "perlu perbaikan"}}}
    result = _save(book, changes, user="sari", role=Role.ASSESSOR)
    after = _row(book, "7")
    assert after[LkeCol.TPI_ANSWER] == "C"  # checked and stored as Jawaban is
    assert after[LkeCol.REVIEW] == ReviewStatus.NEEDS_FIX
    assert (after[LkeCol.TPI_UPDATED], after[LkeCol.TPI_UPDATED_BY]) == (NOW, "sari")
    # The unit's stamps say when the unit answered: a TPI edit leaves them.
    assert after[LkeCol.UPDATED] == before[LkeCol.UPDATED]
    assert after[LkeCol.UPDATED_BY] == before[LkeCol.UPDATED_BY]
    assert len(result.changes) == 2
    assert _log(book)[-2:] == [
        ("sari", L, "7", LkeCol.TPI_ANSWER, "", "C"),
        ("sari", L, "7", LkeCol.REVIEW, ReviewStatus.NOT_REVIEWED, ReviewStatus.NEEDS_FIX),
    ]


def test_an_editor_save_stamps_the_unit_columns_only(book: Path) -> None:
    _save(book, {L: {"7": {LkeCol.ANSWER: "A"}}}, user="budi")
    after = _row(book, "7")
    assert (after[LkeCol.UPDATED], after[LkeCol.UPDATED_BY]) == (NOW, "budi")
    assert pd.isna(after[LkeCol.TPI_UPDATED]) and after[LkeCol.TPI_UPDATED_BY] == ""


@pytest.mark.parametrize(
    ("baris", "typed", "allowed"),
    [("7", "D", "A, B atau C"), ("6", "mungkin", "Ya atau Tidak"), ("5", "Ya", "subkomponen")],
)
def test_a_tpi_answer_is_checked_against_its_row(book, baris, typed, allowed) -> None:
    before = book.read_bytes()
    with pytest.raises(InvalidValueError) as info:
        _save(book, {L: {baris: {LkeCol.TPI_ANSWER: typed}}}, user="sari", role=Role.ASSESSOR)
    assert f'LKE Baris {baris}, kolom "Jawaban TPI"' in str(info.value)
    assert allowed in str(info.value)
    assert book.read_bytes() == before


# --- Dicek Ulang ---------------------------------------------------------------------------


def _returned(book: Path, baris: str = "7") -> None:
    """The TPI marks the question Perlu Perbaikan."""
    changes = {L: {baris: {LkeCol.REVIEW: ReviewStatus.NEEDS_FIX, LkeCol.TPI_NOTES: "bukti?"}}}
    _save(book, changes, user="sari", role=Role.ASSESSOR)


@pytest.mark.parametrize(
    ("column", "value"), [(LkeCol.ANSWER, "A"), (LkeCol.LINKS, "https://contoh.go.id/sk.pdf")]
)
def test_the_units_new_answer_or_evidence_on_a_returned_question_is_dicek_ulang(
    book, column, value
) -> None:
    _returned(book)
    result = _save(book, {L: {"7": {column: value}}}, user="budi")
    after = _row(book, "7")
    assert after[LkeCol.REVIEW] == ReviewStatus.RECHECK
    assert after[column] == value
    assert any("Dicek Ulang" in note for note in result.notes)
    assert _log(book)[-2:] == [
        ("budi", L, "7", column, "B" if column == LkeCol.ANSWER else "", value),
        ("budi", L, "7", LkeCol.REVIEW, ReviewStatus.NEEDS_FIX, ReviewStatus.RECHECK),
    ]
    assert (after[LkeCol.TPI_UPDATED_BY], after[LkeCol.UPDATED_BY]) == ("budi", "budi")


@pytest.mark.parametrize(
    ("status", "changes"),
    [
        (ReviewStatus.NEEDS_FIX, {LkeCol.NOTES: "dijelaskan"}),  # a note alone is no new answer
        (ReviewStatus.NEEDS_FIX, {LkeCol.ANSWER: "B"}),  # the answer it already has
        (ReviewStatus.OK, {LkeCol.ANSWER: "A"}),  # not returned: the TPI's Sesuai stays
    ],
    ids=["catatan", "same answer", "sesuai"],
)
def test_no_dicek_ulang_without_a_change_to_a_returned_question(book, status, changes) -> None:
    _save(book, {L: {"7": {LkeCol.REVIEW: status}}}, user="sari", role=Role.ASSESSOR)
    _save(book, {L: {"7": changes}}, user="budi")
    assert _row(book, "7")[LkeCol.REVIEW] == status
    assert all(line[3] != LkeCol.REVIEW or line[0] == "sari" for line in _log(book))


# --- an LKE sheet made before the TPI's columns ---------------------------------------------


@pytest.fixture
def legacy(tmp_path: Path) -> Path:
    return lke_workbook(tmp_path / "lama.xlsx", {6: "Ya", 7: "B"}, tpi=False)


def test_an_lke_sheet_without_the_tpi_columns_reads_as_before(legacy: Path) -> None:
    plan = load_plan(legacy)
    assert not plan.has(L, LkeCol.TPI_ANSWER) and not plan.has(L, LkeCol.REVIEW)
    assert plan.has(L, LkeCol.ANSWER)
    # The same sheet with the TPI's (empty) columns reads the same: nothing else moves.
    new = load_plan(lke_workbook(legacy.with_name("baru.xlsx"), {6: "Ya", 7: "B"}))
    pd.testing.assert_frame_equal(plan.lke, new.lke)
    assert plan.warnings == new.warnings
    assert set(plan.lke[LkeCol.REVIEW]) == {ReviewStatus.NOT_REVIEWED}  # blank: not reviewed
    assert plan.lke[LkeCol.TPI_ANSWER].isna().all()
    assert plan.lke.set_index(LkeCol.ROW).at["6", LkeCol.ANSWER] == "Ya"


def test_an_editor_saves_on_a_sheet_without_the_tpi_columns(legacy: Path) -> None:
    _save(legacy, {L: {"7": {LkeCol.ANSWER: "a", LkeCol.LINKS: "https://contoh.go.id"}}})
    after = _row(legacy, "7")
    assert after[LkeCol.ANSWER] == "A" and after[LkeCol.UPDATED_BY] == "budi"
    assert _log(legacy)[-2:] == [
        ("budi", L, "7", LkeCol.ANSWER, "B", "A"),
        ("budi", L, "7", LkeCol.LINKS, "", "https://contoh.go.id"),
    ]


def test_a_penilai_save_on_a_sheet_without_the_tpi_columns_says_they_are_missing(legacy):
    before = legacy.read_bytes()
    with pytest.raises(InvalidValueError, match='belum punya kolom "Jawaban TPI"'):
        _save(legacy, {L: {"7": {LkeCol.TPI_ANSWER: "A"}}}, user="sari", role=Role.ASSESSOR)
    assert legacy.read_bytes() == before


def test_rewinding_an_editors_save_keeps_the_tpi_stamps_of_the_tpis_earlier_save(book) -> None:
    tpi_day, unit_day = datetime(2022, 5, 2, 9, 0), datetime(2022, 5, 4, 10, 0)
    plan = load_plan(book)
    changes = {L: {"7": {LkeCol.TPI_ANSWER: "B"}}}
    save_changes(
        book, changes, user="sari", base_version=plan.version, now=tpi_day, role=Role.ASSESSOR
    )
    plan = load_plan(book)
    save_changes(
        book, {L: {"7": {LkeCol.ANSWER: "A"}}}, user="budi", base_version=plan.version, now=unit_day
    )
    back = rewind(load_plan(book), date(2022, 5, 3)).lke.set_index(LkeCol.ROW).loc["7"]
    assert back[LkeCol.ANSWER] == "B" and pd.isna(back[LkeCol.UPDATED])  # the log names none
    assert (back[LkeCol.TPI_ANSWER], back[LkeCol.TPI_UPDATED_BY]) == ("B", "sari")
    assert back[LkeCol.TPI_UPDATED] == tpi_day


def test_rewinding_a_cleared_tpi_letter_beside_numeric_tpi_answers(book: Path) -> None:
    first, later = datetime(2022, 5, 2, 9, 0), datetime(2022, 5, 4, 10, 0)
    changes = {L: {"7": {LkeCol.TPI_ANSWER: "B"}, "126": {LkeCol.TPI_ANSWER: 12}}}
    version = load_plan(book).version
    save_changes(book, changes, user="sari", base_version=version, now=first, role=Role.ASSESSOR)
    cleared = {L: {"7": {LkeCol.TPI_ANSWER: ""}}}
    version = load_plan(book).version
    save_changes(book, cleared, user="sari", base_version=version, now=later, role=Role.ASSESSOR)
    back = rewind(load_plan(book), date(2022, 5, 3)).lke.set_index(LkeCol.ROW)
    assert (back.at["7", LkeCol.TPI_ANSWER], back.at["126", LkeCol.TPI_ANSWER]) == ("B", 12)

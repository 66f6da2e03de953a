"""Saving the LKE sheet and Baris LKE: answers kept as their type, refused with their row, merged.

The workbooks are the `mixed` plan with an LKE sheet of a few bank rows (tests/lke_book.py).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from tests.factory import NOW, excel_edit
from tests.factory import save_now as _save
from tests.lke_book import drop_lke_rows_column, lke_workbook
from zi_dash.base import ActionCol, Kind, LkeCol, LogCol
from zi_dash.base import contract as c
from zi_dash.workbook import (
    ConflictError,
    InvalidValueError,
    WorkbookError,
    load_plan,
    load_tracked,
    put,
    same,
    save_changes,
    xlsx_patch,
)

A, L = c.Sheet.ACTIONS, c.Sheet.LKE
J = LkeCol.ANSWER


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return lke_workbook(tmp_path / "lke.xlsx")


def _answer(path: Path, baris: str) -> object:
    plan = load_plan(path)
    return plan.lke.set_index(LkeCol.ROW).at[baris, J]


def _cell(path: Path, baris: str, column: str = J) -> openpyxl.cell.cell.Cell:
    plan = load_plan(path)
    ws = openpyxl.load_workbook(path)[L]
    return ws.cell(plan.rows[L][baris], plan.columns[L][column] + 1)


def _force_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    def unsupported(*_: object) -> bytes:
        raise xlsx_patch.PatchUnsupportedError("forced")

    monkeypatch.setattr(xlsx_patch, "patch", unsupported)


# --- answers of every type ----------------------------------------------------------------


@pytest.mark.parametrize("fallback", [False, True], ids=["xml patch", "openpyxl"])
@pytest.mark.parametrize(
    ("baris", "typed", "stored", "data_type"),
    [
        ("6", "ya", "Ya", "s"),  # Ya/Tidak, in the bank's spelling
        ("6", " Tidak ", "Tidak", "s"),
        ("7", "b", "B", "s"),  # A/B/C
        ("13", "d", "D", "s"),  # A/B/C/D
        ("24", "E", "E", "s"),  # A/B/C/D/E
        ("126", "12", 12.0, "n"),  # Jumlah typed as text: a number in Excel
        ("126", 12, 12.0, "n"),
        ("126", "0", 0.0, "n"),
        ("199", "3,6", 3.6, "n"),  # a survey value 0–4, decimal comma
        ("199", 4.0, 4.0, "n"),
    ],
)
def test_an_answer_is_saved_as_its_type_and_read_back(
    book: Path,
    monkeypatch: pytest.MonkeyPatch,
    fallback: bool,
    baris: str,
    typed: object,
    stored: object,
    data_type: str,
) -> None:
    if fallback:
        _force_fallback(monkeypatch)
    result = _save(book, {L: {baris: {J: typed}}})
    assert [(ch.row_id, ch.column, ch.new) for ch in result.changes] == [(baris, J, stored)]
    assert _answer(book, baris) == stored
    assert _cell(book, baris).data_type == data_type


def test_an_answer_can_be_cleared(tmp_path: Path) -> None:
    path = lke_workbook(tmp_path / "lke.xlsx", {7: "B", 126: 4})
    _save(path, {L: {"7": {J: ""}, "126": {J: None}}})
    assert _answer(path, "7") is None and _answer(path, "126") is None
    assert _cell(path, "126").value is None


def test_notes_and_evidence_links_of_any_row_are_saved_as_text(book: Path) -> None:
    links = "https://contoh.go.id/sk.pdf\nberkas/notulen.pdf"
    _save(book, {L: {"5": {LkeCol.NOTES: "cek ulang"}, "7": {LkeCol.LINKS: links}}})
    plan = load_plan(book)
    frame = plan.lke.set_index(LkeCol.ROW)
    assert frame.at["5", LkeCol.NOTES] == "cek ulang"
    assert frame.at["7", LkeCol.LINKS] == links  # one link per line, kept as typed


def test_the_same_answer_in_another_spelling_is_no_change(tmp_path: Path) -> None:
    path = lke_workbook(tmp_path / "lke.xlsx", {7: "B", 126: 12})
    before = path.read_bytes()
    result = _save(path, {L: {"7": {J: "b"}, "126": {J: "12"}}})
    assert result.changes == () and path.read_bytes() == before


@pytest.mark.parametrize(
    ("a", "b", "equal"),
    [
        (3, "3", True),
        (3.0, "3", True),
        ("3,0", 3, True),
        ("3.6", 3.6, True),
        ("b", "B", True),
        (" ya ", "Ya", True),
        ("B", "C", False),
        (None, "", True),
        ("", 0, False),
        ("12", 13.0, False),
    ],
)
def test_answers_are_the_same_when_they_mean_the_same(a: object, b: object, equal: bool) -> None:
    assert same(Kind.ANSWER, a, b) is equal


@pytest.mark.parametrize(("value", "expected", "data_type"), [(12.0, 12, "n"), ("B", "B", "s")])
def test_put_writes_a_number_answer_as_a_number_and_a_letter_as_text(
    value: object, expected: object, data_type: str
) -> None:
    cell = openpyxl.Workbook().active.cell(1, 1)
    put(cell, Kind.ANSWER, value)
    assert (cell.value, cell.data_type) == (expected, data_type)


def test_a_write_that_changes_another_answer_is_never_swapped_in(
    book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = xlsx_patch.patch
    plan = load_plan(book)

    def sloppy(data: bytes, writes):
        stray = xlsx_patch.CellWrite(plan.rows[L]["6"], plan.columns[L][J] + 1, Kind.ANSWER, "Ya")
        writes[L] = [*writes[L], stray]  # an answer nobody gave
        return real(data, writes)

    monkeypatch.setattr(xlsx_patch, "patch", sloppy)
    before = book.read_bytes()
    with pytest.raises(WorkbookError, match=r"tidak terbaca kembali.*LKE 6, kolom Jawaban"):
        _save(book, {L: {"7": {J: "B"}}})
    assert book.read_bytes() == before


# --- refused answers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("baris", "typed", "says"),
    [
        ("7", "D", "A, B atau C"),  # a letter the row does not offer
        ("6", "ya kak", "Ya atau Tidak"),
        ("126", "-1", "bilangan bulat 0 atau lebih"),
        ("199", "5", "nilai 0 sampai 4"),
        ("5", "Ya", "baris subkomponen tidak diisi Jawaban"),  # a sub-component row
        ("124", "B", "baris subkomponen tidak diisi Jawaban"),
        ("125", "50", "isi Jawaban baris Jumlah-nya ([126], [127])"),  # a percentage row
    ],
)
def test_an_answer_that_does_not_fit_its_row_is_refused_with_row_cell_and_allowed(
    book: Path, baris: str, typed: str, says: str
) -> None:
    before = book.read_bytes()
    plan = load_plan(book)
    cell = f"J{plan.rows[L][baris]}"
    with pytest.raises(InvalidValueError) as err:
        _save(book, {L: {baris: {J: typed}}})
    message = str(err.value)
    assert f'LKE Baris {baris}, kolom "Jawaban" ({cell})' in message
    assert says in message
    assert book.read_bytes() == before  # nothing written


def test_a_sheet_row_that_is_not_a_bank_row_refuses_an_answer(book: Path) -> None:
    wb = openpyxl.load_workbook(book)
    wb[L].cell(3, 1).value = 999  # row 6 of the bank renumbered by hand
    wb.save(book)
    with pytest.raises(InvalidValueError, match="baris 999 bukan baris LKE"):
        _save(book, {L: {"999": {J: "Ya"}}})


# --- Baris LKE ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("18", "18"), ("18; 20", "18, 20"), ("[18] [20]", "18, 20"), ("18,20", "18, 20"), ("", "")],
)
def test_baris_lke_is_stored_in_its_canonical_text(book: Path, typed: str, stored: str) -> None:
    _save(book, {A: {"I.1.1": {ActionCol.LKE_ROWS: "6"}}})
    _save(book, {A: {"I.1.1": {ActionCol.LKE_ROWS: typed}}})
    plan = load_plan(book)
    assert plan.actions.set_index(ActionCol.ID).at["I.1.1", ActionCol.LKE_ROWS] == stored


@pytest.mark.parametrize("typed", ["18, abc", "5", "9999"])
def test_baris_lke_that_names_no_question_is_refused(book: Path, typed: str) -> None:
    with pytest.raises(InvalidValueError) as err:
        _save(book, {A: {"I.1.1": {ActionCol.LKE_ROWS: typed}}})
    assert 'Rencana Aksi I.1.1, kolom "Baris LKE" (R' in str(err.value)


# --- two editors ----------------------------------------------------------------------------


def test_two_editors_giving_the_same_answer_do_not_clash(book: Path) -> None:
    start = load_plan(book).version
    _save(book, {L: {"7": {J: "B"}}}, user="ani", base_version=start)
    result = _save(
        book, {L: {"7": {J: "b"}}}, user="budi", base_version=start,
        base_values={L: {"7": {J: None, LkeCol.NOTES: "", LkeCol.LINKS: ""}}},
    )  # fmt: skip
    assert result.merged and result.changes == ()
    assert _answer(book, "7") == "B"


def test_two_editors_giving_different_answers_clash_naming_both(book: Path) -> None:
    start = load_plan(book).version
    seen = {L: {"126": {J: None, LkeCol.NOTES: "", LkeCol.LINKS: ""}}}
    _save(book, {L: {"126": {J: "12"}}}, user="ani", base_version=start)
    with pytest.raises(ConflictError) as err:
        _save(book, {L: {"126": {J: "15"}}}, user="budi", base_version=start, base_values=seen)
    assert 'LKE Baris 126, kolom "Jawaban": sudah diubah orang lain menjadi "12"' in str(err.value)
    assert _answer(book, "126") == 12.0


def test_other_cells_of_the_row_merge(book: Path) -> None:
    start = load_plan(book).version
    seen = {L: {"7": {J: None, LkeCol.NOTES: "", LkeCol.LINKS: ""}}}
    _save(book, {L: {"7": {LkeCol.NOTES: "rapat 3 Mei"}}}, user="ani", base_version=start)
    _save(book, {L: {"7": {J: "A"}}}, user="budi", base_version=start, base_values=seen)
    frame = load_plan(book).lke.set_index(LkeCol.ROW)
    assert (frame.at["7", J], frame.at["7", LkeCol.NOTES]) == ("A", "rapat 3 Mei")


# --- Riwayat and outside edits ----------------------------------------------------------------


def test_riwayat_logs_the_answer_and_the_row_is_stamped(book: Path) -> None:
    _save(book, {L: {"7": {J: "b"}, "199": {J: "3,6"}}}, user="ani")
    plan = load_plan(book)
    log = plan.history[[LogCol.USER, LogCol.SHEET, LogCol.ID, LogCol.COLUMN, LogCol.OLD,
                        LogCol.NEW]]  # fmt: skip
    assert log.values.tolist()[-2:] == [
        ["ani", L, "7", J, "", "B"],
        ["ani", L, "199", J, "", "3.6"],
    ]
    frame = plan.lke.set_index(LkeCol.ROW)
    assert (frame.at["7", LkeCol.UPDATED], frame.at["7", LkeCol.UPDATED_BY]) == (NOW, "ani")
    assert frame.at["6", LkeCol.UPDATED_BY] == ""


def test_an_answer_changed_in_excel_is_an_outside_edit(book: Path) -> None:
    load_tracked(book)
    excel_edit(book, [(L, "7", J, "C"), (L, "126", J, 9)], datetime(2022, 6, 15, 14, 30))
    found = load_tracked(book).outside
    rows = found[[LogCol.USER, LogCol.SHEET, LogCol.ID, LogCol.COLUMN, LogCol.OLD, LogCol.NEW]]
    assert rows.values.tolist() == [
        [c.OUTSIDE_USER, L, "7", J, "", "C"],
        [c.OUTSIDE_USER, L, "126", J, "", "9"],
    ]
    _save(book, {L: {"6": {J: "Ya"}}})  # the next save logs them above its own row
    assert load_plan(book).history[LogCol.ID].tolist()[-3:] == ["7", "126", "6"]
    assert load_tracked(book).outside.empty


# --- a workbook without the sheet or the column ---------------------------------------------


def test_a_workbook_without_the_lke_sheet_refuses_an_answer_and_says_how_to_add_it(
    tmp_path: Path,
) -> None:
    from tests.factory import mixed

    path = mixed(tmp_path / "old.xlsx")
    before = path.read_bytes()
    with pytest.raises(InvalidValueError) as err:
        _save(path, {L: {"7": {J: "B"}}})
    message = str(err.value)
    assert 'belum punya lembar "LKE"' in message
    assert "tambahkan lewat halaman Penilaian Mandiri" in message
    assert path.read_bytes() == before


def test_a_plan_without_baris_lke_refuses_it_and_says_how_to_add_it(tmp_path: Path) -> None:
    from tests.factory import mixed

    path = drop_lke_rows_column(mixed(tmp_path / "old.xlsx"))
    plan = load_plan(path)
    assert not plan.has(A, ActionCol.LKE_ROWS)
    with pytest.raises(InvalidValueError) as err:
        save_changes(
            path, {A: {"I.1.1": {ActionCol.LKE_ROWS: "18", ActionCol.NOTES: "x"}}},
            user="budi", base_version=plan.version,
        )  # fmt: skip
    message = str(err.value)
    assert 'belum punya kolom "Baris LKE"' in message
    assert "tambahkan lewat halaman Penilaian Mandiri" in message
    # Its other columns still save.
    _save(path, {A: {"I.1.1": {ActionCol.NOTES: "x"}}})
    assert load_plan(path).actions.iloc[0][ActionCol.NOTES] == "x"

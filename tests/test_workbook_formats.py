"""Excel's number formats: a percent-formatted Progres is read as the percent Excel shows, a
Status it contradicts is a warning naming the cell, and a save writes back what Excel shows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from zi_dash.base import WORKBOOK_ENV, ActionCol, EvidenceCol
from zi_dash.base import contract as c
from zi_dash.ui import Key
from zi_dash.workbook import WorkbookError, formats, load_plan, save_changes, xlsx_patch

A = c.Sheet.ACTIONS
APP = str(Path(__file__).resolve().parent.parent / "app.py")
PROGRESS = c.ACTIONS.headers.index(ActionCol.PROGRESS) + 1
STATUS = c.ACTIONS.headers.index(ActionCol.STATUS) + 1
NOTES = c.ACTIONS.headers.index(ActionCol.NOTES) + 1


@pytest.mark.parametrize(
    ("code", "percent"),
    [
        ("0%", True),
        ("0.00%", True),
        ("#,##0.0%;[Red]-#,##0.0%", True),
        ('0.0"%"', False),  # a quoted % is shown, not scaled
        ("0\\%", False),
        ("0", False),
        ("General", False),
        ("[$%-409]0", False),
    ],
)
def test_a_percent_format_is_an_unquoted_percent_sign(code: str, percent: bool) -> None:
    assert formats.is_percent_code(code) is percent


@pytest.mark.parametrize(
    ("value", "text"), [(0.75, "75%"), (0.07, "7%"), (0.125, "12.5%"), (1, "100%"), (0, "0%")]
)
def test_a_fraction_reads_as_the_percent_excel_shows(value: float, text: str) -> None:
    assert formats.percent_text(value) == text


def _format(path: Path, cells: dict[tuple[int, int], tuple[object, str]]) -> Path:
    book = openpyxl.load_workbook(path)
    for (row, col), (value, code) in cells.items():
        cell = book[A].cell(row, col)
        cell.value = value
        cell.number_format = code
    book.save(path)
    return path


def _row(path: Path, row_id: str) -> dict:
    return load_plan(path).actions.set_index(ActionCol.ID).loc[row_id].to_dict()


def test_a_percent_formatted_progress_is_that_many_percent(workbook_copy: Path) -> None:
    _format(
        workbook_copy,
        {
            (2, STATUS): ("Dalam Proses", "General"),
            (2, PROGRESS): (0.75, "0%"),
            (3, STATUS): ("Dalam Proses", "General"),
            (3, PROGRESS): (0.125, "0.0%"),
            (4, PROGRESS): (0.0, "0%"),
            (2, NOTES): (0.5, "0%"),  # a text column shows the percent too
        },
    )
    plan = load_plan(workbook_copy)
    rows = plan.actions.set_index(ActionCol.ID)
    assert rows.loc["I.1.1", ActionCol.PROGRESS] == 75.0
    assert rows.iloc[1][ActionCol.PROGRESS] == 12.5
    assert rows.loc["I.1.1", ActionCol.NOTES] == "50%"
    assert plan.warnings == ()


def test_a_quoted_percent_sign_is_no_percent_format(workbook_copy: Path) -> None:
    _format(workbook_copy, {(2, STATUS): ("Dalam Proses", "General"), (2, PROGRESS): (40, '0"%"')})
    assert _row(workbook_copy, "I.1.1")[ActionCol.PROGRESS] == 40.0


def test_a_progress_that_contradicts_its_status_is_a_warning_naming_the_cell(
    workbook_copy: Path,
) -> None:
    """The issue's case: 75% typed beside Belum Mulai read as 0.75 %, silently."""
    _format(workbook_copy, {(2, PROGRESS): (0.75, "0%"), (5, PROGRESS): (100, "0")})
    _format(workbook_copy, {(6, STATUS): ("Selesai", "General"), (6, PROGRESS): (0.9, "0%")})
    plan = load_plan(workbook_copy)
    assert plan.warnings[0] == (
        'Lembar "Rencana Aksi", baris 2, kolom "Progres (%)" (N2): aksi "I.1.1" berstatus '
        "Belum Mulai dengan progres 75 %. Selesai berarti 100 %, Belum Mulai 0 %, Dalam Proses "
        "di bawah 100 %: perbaiki Status atau Progres."
    )
    assert len(plan.warnings) == 3
    assert "(N5)" in plan.warnings[1] and "Belum Mulai dengan progres 100 %" in plan.warnings[1]
    assert "berstatus Selesai dengan progres 90 %" in plan.warnings[2]


@pytest.mark.parametrize("fallback", [False, True], ids=["patch", "openpyxl"])
def test_a_save_into_a_percent_cell_writes_what_excel_shows(
    workbook_copy: Path, monkeypatch: pytest.MonkeyPatch, fallback: bool
) -> None:
    _format(workbook_copy, {(2, STATUS): ("Dalam Proses", "General"), (2, PROGRESS): (0.2, "0%")})
    if fallback:

        def unsupported(*args: object) -> bytes:
            raise xlsx_patch.PatchUnsupportedError("forced")

        monkeypatch.setattr(xlsx_patch, "patch", unsupported)
    plan = load_plan(workbook_copy)
    save_changes(
        workbook_copy,
        {A: {"I.1.1": {ActionCol.PROGRESS: 40}}},
        user="uji",
        base_version=plan.version,
    )
    assert _row(workbook_copy, "I.1.1")[ActionCol.PROGRESS] == 40.0
    cell = openpyxl.load_workbook(workbook_copy)[A].cell(2, PROGRESS)
    assert cell.value == pytest.approx(0.4) and "%" in cell.number_format


def test_the_app_shows_the_contradiction_with_its_cell(
    workbook_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _format(workbook_copy, {(2, PROGRESS): (0.75, "0%")})
    monkeypatch.setenv(WORKBOOK_ENV, str(workbook_copy))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[Key.AS_OF] = date(2022, 6, 30)
    at.run()
    assert not at.exception
    assert "1 aksi di workbook berisi Status dan Progres yang bertentangan" in at.warning[0].value
    assert any('(N2): aksi "I.1.1" berstatus Belum Mulai' in t.value for t in at.text)


def test_evidence_sheet_percent_cells_are_read_as_shown(workbook_copy: Path) -> None:
    book = openpyxl.load_workbook(workbook_copy)
    cell = book[c.Sheet.EVIDENCE].cell(2, c.EVIDENCE.headers.index(EvidenceCol.NOTES) + 1)
    cell.value, cell.number_format = 0.3, "0%"
    book.save(workbook_copy)
    assert load_plan(workbook_copy).evidence.iloc[0][EvidenceCol.NOTES] == "30%"


TARGET = c.ACTIONS.headers.index(ActionCol.TARGET) + 1
START = c.ACTIONS.headers.index(ActionCol.START) + 1
PIC = c.ACTIONS.headers.index(ActionCol.PIC) + 1


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        ("mmm-yy", formats.Shown.MONTH_YEAR),
        ("mmmm yyyy", formats.Shown.MONTH_YEAR),
        ("[$-421]mmmm yyyy", formats.Shown.MONTH_YEAR),
        ("yyyy", formats.Shown.YEAR),
        ("mmmm", formats.Shown.MONTH),
        ("dd/mm/yyyy", None),
        ("d mmmm yyyy", None),
        ("h:mm", None),
        ("mm:ss", None),
        ('"Tahun" 0', None),
        ("General", None),
    ],
)
def test_a_date_format_without_a_day_shows_less_than_the_date(
    code: str, shown: formats.Shown | None
) -> None:
    assert formats.date_shown(code) is shown


def test_a_date_excel_made_of_typed_text_reads_as_excel_shows_it(workbook_copy: Path) -> None:
    """Excel turns "April 2022" typed in Target Waktu into 1 April 2022 shown as Apr-22."""
    _format(
        workbook_copy,
        {
            (2, TARGET): (date(2022, 4, 1), "mmm-yy"),
            (3, TARGET): (date(2022, 4, 15), "dd/mm/yyyy"),
            (4, PIC): (date(2023, 1, 1), "yyyy"),
        },
    )
    rows = load_plan(workbook_copy).actions
    assert list(rows[ActionCol.TARGET][:2]) == ["April 2022", "15/04/2022"]
    assert rows[ActionCol.PIC][2] == "2023"


def test_a_month_in_a_date_column_is_refused_with_its_cell(workbook_copy: Path) -> None:
    _format(workbook_copy, {(2, START): (date(2022, 4, 1), "mmmm yyyy")})
    with pytest.raises(WorkbookError, match=r"\(J2\): 'April 2022' bukan tanggal"):
        load_plan(workbook_copy)

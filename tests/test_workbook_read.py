"""load_plan: reads the real workbook, tolerates what Excel users do, names every problem."""

from __future__ import annotations

import os
import shutil
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook

from tests import factory, zipparts
from zi_dash.base import ActionCol, EvidenceCol
from zi_dash.base import contract as c
from zi_dash.workbook import (
    DuplicateIdError,
    InvalidValueError,
    MissingColumnError,
    MissingSheetError,
    NotXlsxError,
    WorkbookError,
    load_plan,
)


def test_real_workbook_loads(real_workbook: Path) -> None:
    plan = load_plan(real_workbook)
    assert list(plan.actions.columns) == list(c.ACTIONS.headers)
    assert list(plan.evidence.columns) == list(c.EVIDENCE.headers)
    assert len(plan.actions) == 70 and len(plan.evidence) == 121
    assert plan.info.unit == "KPU Kota Tegal" and plan.year == 2022
    assert plan.info.enacted == date(2022, 4, 13)
    assert list(plan.areas[c.AreaCol.WEIGHT]) == [8, 7, 10, 10, 15, 10]
    assert plan.history.empty
    assert plan.rows[c.Sheet.ACTIONS]["I.1.1"] == 2
    assert plan.rows[c.Sheet.EVIDENCE]["VI.3.3/2"] == 122


def test_version_identifies_content(workbook_copy: Path, real_workbook: Path) -> None:
    assert load_plan(workbook_copy).version == load_plan(real_workbook).version
    _edit(workbook_copy, lambda wb: wb[c.Sheet.ACTIONS].cell(2, 12, "Budi"))
    assert load_plan(workbook_copy).version != load_plan(real_workbook).version


def _edit(path: Path, change: Callable[[Workbook], object]) -> Path:
    wb = openpyxl.load_workbook(path)
    change(wb)
    wb.save(path)
    return path


def _col(sheet: str, header: str) -> int:
    spec = next(s for s in c.DATA_SHEETS if s.name == sheet)
    return spec.headers.index(header) + 1


def _set(sheet: str, row: int, header: str, value: object) -> Callable[[Workbook], object]:
    # Assign .value: ws.cell(r, c, None) would leave the cell unchanged.
    def change(wb: Workbook) -> None:
        wb[sheet].cell(row, _col(sheet, header)).value = value

    return change


def _rewrite(sheet: str, transform: Callable[[list[list[object]]], list[list[object]]]):
    """Replace a sheet's values by transform(values): reorder, insert rows or columns."""

    def change(wb: Workbook) -> None:
        ws = wb[sheet]
        values = [list(r) for r in ws.iter_rows(values_only=True)]
        ws.delete_rows(1, ws.max_row)
        for row in transform(values):
            ws.append(row)

    return change


def _reverse_columns(rows: list[list[object]]) -> list[list[object]]:
    return [[*reversed(r), "kolom tambahan"] for r in rows]


def _blank_rows_and_title(rows: list[list[object]]) -> list[list[object]]:
    out: list[list[object]] = [["Rencana Aksi ZI 2022"], []]
    out.append(rows[0])
    for r in rows[1:]:
        out.extend([r, [None] * len(r)])
    return out


# How single cells are read (spaces, case, decimal comma, dates as text or serials...) is
# tested in test_workbook_cells.py; these are what only the loader can tolerate.
FIRST_ROW = {
    ActionCol.AREA: "I",
    ActionCol.COMPONENT_NO: 1,
    ActionCol.COMPONENT: "Tim Kerja",
    ActionCol.TARGET: "April Minggu ke 1 April 2022",
    ActionCol.STATUS: "Belum Mulai",
    ActionCol.PROGRESS: 0.0,
}
TOLERATED = [
    ("columns reordered, extra column", _rewrite(c.Sheet.ACTIONS, _reverse_columns), FIRST_ROW),
    ("title row and blank rows", _rewrite(c.Sheet.ACTIONS, _blank_rows_and_title), FIRST_ROW),
]


@pytest.mark.parametrize(("name", "change", "expected"), TOLERATED, ids=[t[0] for t in TOLERATED])
def test_tolerates_what_excel_users_do(
    workbook_copy: Path, name: str, change: Callable[[Workbook], object], expected: dict
) -> None:
    plan = load_plan(_edit(workbook_copy, change))
    assert len(plan.actions) == 70
    first = plan.actions.set_index(ActionCol.ID).loc["I.1.1"]
    for column, value in expected.items():
        assert first[column] == value, column
    assert list(plan.actions.columns) == list(c.ACTIONS.headers)


def test_evidence_status_is_normalised(workbook_copy: Path) -> None:
    _edit(workbook_copy, _set(c.Sheet.EVIDENCE, 2, EvidenceCol.STATUS, "TERVERIFIKASI"))
    _edit(workbook_copy, _set(c.Sheet.EVIDENCE, 3, EvidenceCol.STATUS, " ada"))
    statuses = list(load_plan(workbook_copy).evidence[EvidenceCol.STATUS][:3])
    assert statuses == ["Terverifikasi", "Ada", "Belum Ada"]


def test_a_data_row_holding_header_words_is_not_read_as_a_header(tmp_path: Path) -> None:
    # No optional Target Keluaran column, and a row whose Status "Selesai" and note "selesai"
    # both name the Selesai column: the header is row 1, and the row is data.
    path = factory.make_workbook(
        tmp_path / "rencana.xlsx",
        [factory.action("I.1.1", c.Status.DONE, 100, "April 2022", **{ActionCol.NOTES: "selesai"})],
    )
    plan = load_plan(path)
    assert not plan.has(c.Sheet.ACTIONS, ActionCol.OUTCOME)
    assert plan.actions.iloc[0][ActionCol.NOTES] == "selesai"


def _dup_header(wb: Workbook) -> None:
    wb[c.Sheet.ACTIONS].cell(1, 20, ActionCol.STATUS)


DAMAGED = [
    (
        "missing sheet",
        lambda wb: wb.remove(wb[c.Sheet.EVIDENCE]),
        MissingSheetError,
        ['Lembar "Bukti" tidak ada'],
    ),
    (
        "missing column",
        _set(c.Sheet.ACTIONS, 1, ActionCol.STATUS, "Keadaan"),
        MissingColumnError,
        ['Lembar "Rencana Aksi"', 'kolom "Status" tidak ditemukan'],
    ),
    ("column twice", _dup_header, MissingColumnError, ['kolom "Status" muncul dua kali']),
    (
        "duplicate ID",
        _set(c.Sheet.ACTIONS, 3, ActionCol.ID, "I.1.1"),
        DuplicateIdError,
        ['ID "I.1.1" dipakai di baris 2 dan baris 3'],
    ),
    (
        "duplicate evidence ID",
        _set(c.Sheet.EVIDENCE, 3, EvidenceCol.ID, "I.1.1/1"),
        DuplicateIdError,
        ['Lembar "Bukti"', '"I.1.1/1"'],
    ),
    (
        "status outside list",
        _set(c.Sheet.ACTIONS, 5, ActionCol.STATUS, "Sudah"),
        InvalidValueError,
        ['Lembar "Rencana Aksi", baris 5, kolom "Status" (M5)', "'Sudah'"],
    ),
    (
        "evidence status outside list",
        _set(c.Sheet.EVIDENCE, 4, EvidenceCol.STATUS, "Lengkap"),
        InvalidValueError,
        ['baris 4, kolom "Status Bukti" (D4)'],
    ),
    (
        "progress above 100",
        _set(c.Sheet.ACTIONS, 7, ActionCol.PROGRESS, 150),
        InvalidValueError,
        ['baris 7, kolom "Progres (%)" (N7)', "di luar rentang 0–100"],
    ),
    (
        "negative progress",
        _set(c.Sheet.ACTIONS, 7, ActionCol.PROGRESS, "-5"),
        InvalidValueError,
        ["di luar rentang 0–100"],
    ),
    (
        "progress not a number",
        _set(c.Sheet.ACTIONS, 8, ActionCol.PROGRESS, "setengah"),
        InvalidValueError,
        ["'setengah' bukan angka"],
    ),
    (
        "date not a date",
        _set(c.Sheet.ACTIONS, 9, ActionCol.START, "kemarin"),
        InvalidValueError,
        ['kolom "Mulai" (J9)', "bukan tanggal"],
    ),
    (
        "area unknown",
        _set(c.Sheet.ACTIONS, 2, ActionCol.AREA, "VII"),
        InvalidValueError,
        ["'VII' bukan kode area"],
    ),
    (
        "blank ID",
        _set(c.Sheet.ACTIONS, 4, ActionCol.ID, None),
        InvalidValueError,
        ['baris 4, kolom "ID" (A4): wajib diisi'],
    ),
    (
        "evidence of unknown action",
        _set(c.Sheet.EVIDENCE, 2, EvidenceCol.ACTION_ID, "IX.1.1"),
        InvalidValueError,
        ['aksi "IX.1.1" tidak ada di lembar "Rencana Aksi"'],
    ),
    (
        "plan year missing",
        _set(c.Sheet.INFO, 3, c.InfoCol.VALUE, None),
        InvalidValueError,
        ['butir "Tahun Rencana"'],
    ),
]


@pytest.mark.parametrize(
    ("name", "change", "error", "fragments"), DAMAGED, ids=[d[0] for d in DAMAGED]
)
def test_damaged_copies_raise_a_clear_error(
    workbook_copy: Path,
    name: str,
    change: Callable[[Workbook], object],
    error: type[WorkbookError],
    fragments: list[str],
) -> None:
    _edit(workbook_copy, change)
    with pytest.raises(error) as info:
        load_plan(workbook_copy)
    for fragment in fragments:
        assert fragment in str(info.value)


def test_many_problems_are_listed_together(workbook_copy: Path) -> None:
    def spoil(wb: Workbook) -> None:
        for row in range(2, 14):
            wb[c.Sheet.ACTIONS].cell(row, _col(c.Sheet.ACTIONS, ActionCol.PROGRESS), 999)

    _edit(workbook_copy, spoil)
    with pytest.raises(InvalidValueError) as info:
        load_plan(workbook_copy)
    assert len(info.value.problems) == 12
    assert "dan 4 masalah lain" in str(info.value)


def _ods(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")


NOT_XLSX = [
    ("empty file", lambda p: p.write_bytes(b""), "kosong"),
    ("text file", lambda p: p.write_text("ID;Area\nI.1.1;I\n"), "bukan workbook Excel"),
    (
        "old xls",
        lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
        "Excel lama (.xls)",
    ),
    (
        "encrypted",
        lambda p: p.write_bytes(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le")
        ),
        "dilindungi kata sandi",
    ),
    ("ods", _ods, "OpenDocument (.ods)"),
    ("zip of something else", lambda p: zipfile.ZipFile(p, "w").close(), "bukan workbook Excel"),
]


@pytest.mark.parametrize(("name", "make", "fragment"), NOT_XLSX, ids=[n[0] for n in NOT_XLSX])
def test_files_that_are_not_xlsx(tmp_path: Path, name: str, make, fragment: str) -> None:
    path = tmp_path / "rencana_aksi.xlsx"
    make(path)
    with pytest.raises(NotXlsxError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        load_plan(path)


@pytest.mark.parametrize("kept", [0.05, 0.5, 0.99])
@pytest.mark.parametrize("backup", [None, "cut.dasbor.xlsx", "cut_20260102-030405-000000_ab.xlsx"])
def test_a_truncated_workbook_is_called_damaged_and_its_backup_named(
    tmp_path: Path, real_workbook: Path, kept: float, backup: str | None
) -> None:
    data = real_workbook.read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: int(len(data) * kept)])
    if backup:
        (tmp_path / ".backup").mkdir()
        (tmp_path / ".backup" / backup).write_bytes(data)
    with pytest.raises(NotXlsxError) as info:
        load_plan(path)
    message = str(info.value)
    assert message.startswith('Berkas "cut.xlsx" adalah workbook Excel yang rusak: terpotong')
    assert "bukan workbook" not in message
    if backup:
        assert f'"{backup}" di folder "{tmp_path / ".backup"}"' in message
    else:
        assert "Salin ulang berkasnya dari sumbernya" in message


def test_a_damaged_sheet_names_the_newest_backup(tmp_path: Path, real_workbook: Path) -> None:
    path = tmp_path / "rencana_aksi.xlsx"
    path.write_bytes(zipparts.with_part(zipparts.ACTIONS_PART, lambda xml: xml[: len(xml) // 2]))
    (tmp_path / ".backup").mkdir()
    old = tmp_path / ".backup" / "rencana_aksi_20220101-000000-000000_ab.xlsx"
    new = tmp_path / ".backup" / "rencana_aksi.dasbor.xlsx"
    for age, copy in enumerate((new, old)):
        copy.write_bytes(real_workbook.read_bytes())
        os.utime(copy, (1_700_000_000 - age, 1_700_000_000 - age))
    (tmp_path / ".backup" / "lain.dasbor.xlsx").write_bytes(b"")  # another workbook's copy
    with pytest.raises(NotXlsxError, match='rusak \\(lembar "Rencana Aksi"\\)') as info:
        load_plan(path)
    assert '"rencana_aksi.dasbor.xlsx" di folder' in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(NotXlsxError, match="tidak ditemukan"):
        load_plan(tmp_path / "tidak-ada.xlsx")


def test_formula_cells_read_as_their_cached_value_or_blank(workbook_copy: Path) -> None:
    # openpyxl writes no cached value: the loader sees a blank, not the formula text.
    _edit(workbook_copy, _set(c.Sheet.ACTIONS, 2, ActionCol.NOTES, "=1+1"))
    notes = load_plan(workbook_copy).actions[ActionCol.NOTES].iloc[0]
    assert notes == ""


def test_copy_helper_keeps_original(real_workbook: Path, tmp_path: Path) -> None:
    shutil.copyfile(real_workbook, tmp_path / "x.xlsx")
    assert load_plan(tmp_path / "x.xlsx").version == load_plan(real_workbook).version


def test_a_load_reads_the_zip_directory_once(
    real_workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The format check and the bounds check share one opened zip (the roll-up reads 550)."""
    opened: list[object] = []
    real_init = zipfile.ZipFile.__init__

    def counting_init(self: zipfile.ZipFile, *args: object, **kwargs: object) -> None:
        opened.append(args[0] if args else kwargs.get("file"))
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "__init__", counting_init)
    load_plan(real_workbook)
    assert len(opened) == 1

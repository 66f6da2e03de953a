"""A corpus of damaged and odd workbooks: each gives a clear Indonesian message (or loads, when
it is merely odd), and the app shows that message, never a traceback."""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from tests import zipparts
from tests.markup import shown
from zi_dash.base import DEFAULT_WORKBOOK, WORKBOOK_ENV, ActionCol
from zi_dash.base import contract as c
from zi_dash.ui import Key
from zi_dash.workbook import WorkbookError, load_plan, save_changes

APP = str(Path(__file__).resolve().parent.parent / "app.py")
A = c.Sheet.ACTIONS
pytestmark = pytest.mark.reliability


def _col(header: str) -> int:
    return c.ACTIONS.headers.index(header) + 1


def _edited(change: Callable[[openpyxl.Workbook], object]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        shutil.copyfile(DEFAULT_WORKBOOK, path)
        book = openpyxl.load_workbook(path)
        change(book)
        book.save(path)

    return make


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _truncated(path: Path) -> None:
    path.write_bytes(DEFAULT_WORKBOOK.read_bytes()[:4000])


def _part(part: str, change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(zipparts.with_part(part, change))


def _set_log_time(value: str) -> Callable[[openpyxl.Workbook], object]:
    def change(book: openpyxl.Workbook) -> None:
        log = book[c.Sheet.LOG]
        log.append([value, "budi", A, "I.1.1", ActionCol.NOTES, "", "baru"])

    return change


def _ods(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")


def _zip_without_workbook(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "bukan workbook")


def _set(row: int, header: str, value: object) -> Callable[[openpyxl.Workbook], object]:
    return lambda book: setattr(book[A].cell(row, _col(header)), "value", value)


def _merge_area(book: openpyxl.Workbook) -> None:
    book[A].merge_cells(start_row=2, start_column=2, end_row=5, end_column=2)


def _merge_header(book: openpyxl.Workbook) -> None:
    book[A].merge_cells(start_row=1, start_column=12, end_row=1, end_column=13)


def _title_row(book: openpyxl.Workbook) -> None:
    book[A].insert_rows(1)
    book[A]["A1"] = "RENCANA AKSI ZI KPU KOTA TEGAL 2022"


def _header_only(book: openpyxl.Workbook) -> None:
    book[A].delete_rows(2, book[A].max_row)
    book[c.Sheet.EVIDENCE].delete_rows(2, book[c.Sheet.EVIDENCE].max_row)


def _lower_case_names(book: openpyxl.Workbook) -> None:
    # openpyxl refuses a title equal but for case to an existing one: go through a temporary one.
    book[A].title = "sementara-1"
    book["sementara-1"].title = "rencana aksi"
    book[c.Sheet.EVIDENCE].title = "sementara-2"
    book["sementara-2"].title = "BUKTI"


def _no_year(book: openpyxl.Workbook) -> None:
    book[c.Sheet.INFO]["B3"] = None


def _drop_sheet(book: openpyxl.Workbook) -> None:
    book.remove(book[c.Sheet.EVIDENCE])


def _rename_status(book: openpyxl.Workbook) -> None:
    book[A].cell(1, _col(ActionCol.STATUS)).value = "Keadaan"


@dataclass(frozen=True)
class Case:
    """One odd file: how to make it, and the message (None: it loads)."""

    name: str
    make: Callable[[Path], None]
    message: str | None


CORPUS = [
    Case("empty file", _bytes(b""), "kosong"),
    Case("csv renamed .xlsx", _bytes(b"ID;Area\nI.1.1;I\n"), "bukan workbook Excel"),
    Case("old .xls", _bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), "Excel lama"),
    Case(
        "password protected",
        _bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le")),
        "dilindungi kata sandi",
    ),
    Case("OpenDocument .ods", _ods, "OpenDocument"),
    Case(
        "truncated download",
        _truncated,
        'Berkas "rencana_aksi.xlsx" adalah workbook Excel yang rusak: terpotong',
    ),
    Case(
        "sheet XML cut off",
        _part(zipparts.ACTIONS_PART, lambda xml: xml[: len(xml) // 2]),
        'Berkas "rencana_aksi.xlsx" rusak (lembar "Rencana Aksi")',
    ),
    Case(
        "sheet data left open",
        _part(zipparts.ACTIONS_PART, lambda xml: xml.replace(b"</sheetData>", b"")),
        'rusak (lembar "Rencana Aksi")',
    ),
    Case(
        "a cell far beyond the plan",
        _part(zipparts.ACTIONS_PART, zipparts.add_cell("GR20000", 20000)),
        'ditolak: lembar "Rencana Aksi" terisi sampai baris 20000 dan kolom ke-200',
    ),
    Case(
        "a cell at the sheet's last cell",
        _part(zipparts.LOG_PART, zipparts.add_cell("XFD1048576", 1048576)),
        'ditolak: lembar "Riwayat" terisi sampai baris 1048576',
    ),
    Case(
        "zip of a newer zip version",
        lambda path: path.write_bytes(zipparts.newer_zip_version(DEFAULT_WORKBOOK.read_bytes())),
        'Berkas "rencana_aksi.xlsx" rusak: isi zip-nya tidak dapat dibaca',
    ),
    Case(
        "a sheet flagged as encrypted",
        lambda path: path.write_bytes(
            zipparts.encrypted_flag(DEFAULT_WORKBOOK.read_bytes(), zipparts.ACTIONS_PART)
        ),
        'Berkas "rencana_aksi.xlsx" rusak: bagian "xl/worksheets/sheet1.xml" tidak dapat dibuka',
    ),
    Case("a date-time with a line break", _edited(_set_log_time("15/04/2022\n10:30")), None),
    Case("zip that is no workbook", _zip_without_workbook, "bukan workbook Excel"),
    Case("missing sheet", _edited(_drop_sheet), 'Lembar "Bukti" tidak ada'),
    Case("renamed column", _edited(_rename_status), 'kolom "Status" tidak ditemukan'),
    Case("merged area cells", _edited(_merge_area), 'kolom "Area" (B3): wajib diisi'),
    Case("merged header cells", _edited(_merge_header), "tidak ditemukan"),
    Case("progress is a date", _edited(_set(4, ActionCol.PROGRESS, date(2022, 1, 1))), "(N4)"),
    Case(
        "status is a number", _edited(_set(5, ActionCol.STATUS, 3)), "'3' tidak ada dalam pilihan"
    ),
    Case("duplicate ID", _edited(_set(3, ActionCol.ID, "I.1.1")), 'ID "I.1.1" dipakai'),
    Case("plan year missing", _edited(_no_year), "Tahun Rencana"),
    Case("formula in a data cell", _edited(_set(2, ActionCol.PROGRESS, "=20+30")), None),
    Case("huge text cell", _edited(_set(2, ActionCol.NOTES, "panjang " * 4000)), None),
    Case("title row above headers", _edited(_title_row), None),
    Case("headers only, no rows", _edited(_header_only), None),
    Case("sheet names in other case", _edited(_lower_case_names), None),
]


def test_the_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 15 and len({case.name for case in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize("case", CORPUS, ids=lambda case: case.name)
def test_each_file_loads_or_says_clearly_why_not(tmp_path: Path, case: Case) -> None:
    path = tmp_path / "rencana_aksi.xlsx"
    case.make(path)
    if case.message is None:
        load_plan(path)
        return
    with pytest.raises(WorkbookError) as info:
        load_plan(path)
    assert case.message in str(info.value)


@pytest.mark.parametrize("case", CORPUS, ids=lambda case: case.name)
def test_the_app_shows_the_message_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: Case
) -> None:
    path = tmp_path / "rencana_aksi.xlsx"
    case.make(path)
    monkeypatch.setenv(WORKBOOK_ENV, str(path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[Key.AS_OF] = date(2022, 6, 30)
    at.run()
    assert not at.exception
    if case.message is not None:
        assert "Workbook tidak dapat dibaca" in at.error[0].value
        assert case.message in shown(at.error[0].value)
    else:
        assert not at.error or "Kritis" in at.error[0].value  # the Kurva S alarm is no fault


def test_a_directory_instead_of_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "rencana_aksi.xlsx"
    folder.mkdir()
    with pytest.raises(WorkbookError, match="tidak dapat dibuka"):
        load_plan(folder)


def test_saving_over_a_formula_cell_keeps_the_file_readable(tmp_path: Path) -> None:
    path = tmp_path / "rencana_aksi.xlsx"
    _edited(_set(2, ActionCol.PROGRESS, "=20+30"))(path)
    plan = load_plan(path)
    save_changes(
        path, {A: {"I.1.1": {ActionCol.PROGRESS: 40}}}, user="uji", base_version=plan.version
    )
    row = load_plan(path).actions.set_index(ActionCol.ID).loc["I.1.1"]
    assert row[ActionCol.PROGRESS] == 40
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()

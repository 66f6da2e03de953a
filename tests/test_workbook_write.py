"""zi_dash.workbook.write: changed cells into workbook bytes (XML patch, openpyxl fallback)
and the read-back check. `put`, its openpyxl cell writer: test_workbook_write_put.py."""

from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.cell import Cell

from tests import factory
from tests.factory import NOW
from zi_dash.base import ActionCol, EvidenceCol, Kind, LogCol, WorkbookError
from zi_dash.base import contract as c
from zi_dash.workbook import CellChange, Plan, UnsupportedContentError, load_plan, xlsx_patch
from zi_dash.workbook import write as writing
from zi_dash.workbook.cells import plain

A, E = c.Sheet.ACTIONS, c.Sheet.EVIDENCE
K = Kind


def _change(plan: Plan, sheet: str, row_id: str, column: str, new: object) -> CellChange:
    frame = plan.frame(sheet).set_index(c.EDITABLE[sheet].id_column)
    return CellChange(sheet, row_id, column, plain(frame.loc[row_id, column]), new)


def _write(path: Path, edits: list[tuple[str, str, str, object]], user: str = "budi") -> bytes:
    """write() of `edits` (sheet, row ID, column, new value) against the file as it is."""
    data = path.read_bytes()
    plan = load_plan(path, data)
    todo = [_change(plan, *edit) for edit in edits]
    return writing.write(path, data, plan, todo, user, NOW)


def _cell(data: bytes, sheet: str, row_id: str, column: str) -> Cell:
    book = openpyxl.load_workbook(io.BytesIO(data))
    spec = c.EDITABLE[sheet]
    ids = [r[0].value for r in book[sheet].iter_rows(min_row=2, max_col=1)]
    return book[sheet].cell(ids.index(row_id) + 2, spec.headers.index(column) + 1)


def _force_fallback(monkeypatch: pytest.MonkeyPatch, error: Exception | None = None) -> None:
    def unsupported(*args: object) -> bytes:
        raise error or xlsx_patch.PatchUnsupportedError("forced")

    monkeypatch.setattr(xlsx_patch, "patch", unsupported)


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return factory.mixed(tmp_path / "mixed.xlsx")


# --- write ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fallback", [False, True], ids=["xml patch", "openpyxl"])
def test_write_changes_the_cells_stamps_the_rows_and_logs_each_cell(
    small: Path, monkeypatch: pytest.MonkeyPatch, fallback: bool
) -> None:
    if fallback:
        _force_fallback(monkeypatch)
    before = small.read_bytes()
    out = _write(
        small,
        [
            (A, "I.1.2", ActionCol.PIC, "Ani"),
            (A, "I.1.2", ActionCol.NOTES, "rapat 2"),
            (E, "II.1.1/1", EvidenceCol.STATUS, c.EvidenceStatus.PRESENT),
        ],
    )
    assert small.read_bytes() == before  # write() returns bytes; swapping them in is save's job
    plan = load_plan(small, out)
    actions = plan.actions.set_index(ActionCol.ID)
    assert actions.loc["I.1.2", ActionCol.PIC] == "Ani"
    assert actions.loc["I.1.2", ActionCol.NOTES] == "rapat 2"
    assert (
        actions.loc["I.1.2", ActionCol.UPDATED],
        actions.loc["I.1.2", ActionCol.UPDATED_BY],
    ) == (
        NOW,
        "budi",
    )
    assert actions[ActionCol.UPDATED_BY].tolist().count("budi") == 1  # no other row stamped
    evidence = plan.evidence.set_index(EvidenceCol.ID)
    assert evidence.loc["II.1.1/1", EvidenceCol.STATUS] == c.EvidenceStatus.PRESENT
    assert evidence.loc["II.1.1/1", EvidenceCol.UPDATED] == NOW
    assert plan.history.values.tolist() == [
        [NOW, "budi", A, "I.1.2", ActionCol.PIC, "", "Ani"],
        [NOW, "budi", A, "I.1.2", ActionCol.NOTES, "", "rapat 2"],
        [NOW, "budi", E, "II.1.1/1", EvidenceCol.STATUS, "Belum Ada", "Ada"],
    ]


@pytest.mark.parametrize("fallback", [False, True], ids=["xml patch", "openpyxl"])
@pytest.mark.parametrize(
    ("column", "value", "expected", "kind"),
    [
        (ActionCol.PROGRESS, 50.0, 50, int),  # a whole float is written as an integer
        (ActionCol.PROGRESS, 50.5, 50.5, float),
        (ActionCol.PROGRESS, 100, 100, int),
        (ActionCol.NOTES, "=1+1", "=1+1", str),
        (ActionCol.START, date(2022, 4, 15), datetime(2022, 4, 15), datetime),
    ],
)
def test_values_are_written_as_their_kind(
    small: Path,
    monkeypatch: pytest.MonkeyPatch,
    fallback: bool,
    column: str,
    value: object,
    expected: object,
    kind: type,
) -> None:
    if fallback:
        _force_fallback(monkeypatch)
    cell = _cell(_write(small, [(A, "II.2.1", column, value)]), A, "II.2.1", column)
    assert cell.value == expected and type(cell.value) is kind
    assert cell.data_type == ("s" if kind is str else "d" if kind is datetime else "n")


def test_log_rows_continue_after_the_last_one(small: Path) -> None:
    small.write_bytes(_write(small, [(A, "I.1.2", ActionCol.PIC, "Ani")], user="ani"))
    out = _write(small, [(A, "I.1.2", ActionCol.PIC, "Budi")])
    log = load_plan(small, out).history
    assert log[[LogCol.USER, LogCol.OLD, LogCol.NEW]].values.tolist() == [
        ["ani", "", "Ani"],
        ["budi", "Ani", "Budi"],
    ]
    sheet = openpyxl.load_workbook(io.BytesIO(out))[c.Sheet.LOG]
    assert sheet.cell(3, 1).number_format == sheet.cell(2, 1).number_format  # template row


@pytest.mark.parametrize(
    "error",
    [
        xlsx_patch.PatchUnsupportedError("forced"),
        zipfile.BadZipFile("odd"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_the_openpyxl_fallback_takes_over_when_the_patch_cannot(
    small: Path, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    _force_fallback(monkeypatch, error)
    out = _write(small, [(A, "I.1.2", ActionCol.PIC, "Ani")])
    assert (
        load_plan(small, out).actions.set_index(ActionCol.ID).loc["I.1.2", ActionCol.PIC] == "Ani"
    )


@pytest.mark.parametrize("error", [KeyError("rows"), ValueError("bug"), TypeError("bug")])
def test_a_bug_in_the_patch_is_raised_never_hidden_by_the_fallback(
    small: Path, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    _force_fallback(monkeypatch, error)
    with pytest.raises(type(error)):
        _write(small, [(A, "I.1.2", ActionCol.PIC, "Ani")])


def test_the_openpyxl_fallback_grows_the_log_filter(
    workbook_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _force_fallback(monkeypatch)
    edits = [(A, "I.1.1", col, "x") for col in (ActionCol.PIC, ActionCol.NOTES)]
    out = _write(workbook_copy, [*edits, (E, "I.1.1/1", EvidenceCol.NOTES, "y")])
    assert openpyxl.load_workbook(io.BytesIO(out))[c.Sheet.LOG].auto_filter.ref == "A1:G4"


def test_the_openpyxl_fallback_writes_numbers_as_numbers(
    workbook_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Moved from test_workbook_save.py (through save_changes there; write() directly here).
    _force_fallback(monkeypatch)
    cell = _cell(
        _write(workbook_copy, [(A, "I.1.1", ActionCol.PROGRESS, 50)]),
        A,
        "I.1.1",
        ActionCol.PROGRESS,
    )
    assert cell.value == 50 and cell.data_type == "n"


def _with_part(path: Path, name: str, data: bytes, replace: tuple[str, str] | None = None) -> None:
    source = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item)
            if replace and item.filename == replace[0]:
                content = content.replace(b"</worksheet>", replace[1].encode() + b"</worksheet>")
            dst.writestr(item, content)
        if name:
            dst.writestr(name, data)
    path.write_bytes(out.getvalue())


X14_VALIDATION = (
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    '<x14:dataValidations count="0" '
    'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/></ext></extLst>'
)


CONTENT_OPENPYXL_DROPS = [
    ("", b"", ("xl/worksheets/sheet2.xml", X14_VALIDATION), "validasi data versi Excel 2010"),
    (
        "xl/drawings/drawing9.xml",
        b"<xdr:wsDr><xdr:sp><xdr:txBody/></xdr:sp></xdr:wsDr>",
        None,
        "kotak teks",
    ),
    ("xl/slicers/slicer1.xml", b"<slicers/>", None, "slicer"),
]


@pytest.mark.parametrize(("part", "data", "replace", "expected"), CONTENT_OPENPYXL_DROPS)
def test_content_openpyxl_would_drop_survives_a_write(
    workbook_copy: Path, part, data, replace, expected
) -> None:
    # Moved from test_workbook_save.py (through save_changes there; write() directly here).
    _with_part(workbook_copy, part, data, replace)
    with zipfile.ZipFile(workbook_copy) as archive:
        before = {n: archive.read(n) for n in archive.namelist()}
    out = _write(workbook_copy, [(A, "I.1.1", ActionCol.PIC, "x")])
    with zipfile.ZipFile(io.BytesIO(out)) as archive:
        after = {n: archive.read(n) for n in archive.namelist()}
    assert list(after) == list(before)
    changed = {n for n in before if before[n] != after[n]}
    # Only the edited sheet, the log and (for the log's first date cell) one new cell format
    # change; the extension, shape or slicer is untouched.
    assert changed == {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet4.xml", "xl/styles.xml"}
    if replace:
        assert X14_VALIDATION.encode() in after[replace[0]]


@pytest.mark.parametrize(("part", "data", "replace", "expected"), CONTENT_OPENPYXL_DROPS)
def test_the_openpyxl_fallback_refuses_to_drop_content(
    workbook_copy: Path, monkeypatch: pytest.MonkeyPatch, part, data, replace, expected
) -> None:
    # Moved from test_workbook_save.py (through save_changes there; write() directly here).
    _force_fallback(monkeypatch)
    _with_part(workbook_copy, part, data, replace)
    with pytest.raises(UnsupportedContentError, match=expected) as info:
        _write(workbook_copy, [(A, "I.1.1", ActionCol.PIC, "x")])
    assert "Tidak ada yang ditulis" in str(info.value)
    assert len(info.value.problems) == 1 and expected in info.value.problems[0]


def test_unsupported_content_is_a_workbook_error() -> None:
    assert issubclass(UnsupportedContentError, WorkbookError)


# --- verify ---------------------------------------------------------------------------------


def _plan_and_todo(path: Path, edits) -> tuple[Plan, list[CellChange]]:
    plan = load_plan(path)
    return plan, [_change(plan, *edit) for edit in edits]


def test_verify_accepts_what_write_made(small: Path) -> None:
    edits = [(A, "I.1.2", ActionCol.PROGRESS, 60), (A, "I.1.2", ActionCol.START, date(2022, 4, 15))]
    plan, todo = _plan_and_todo(small, edits)
    out = writing.write(small, small.read_bytes(), plan, todo, "budi", NOW)
    written = writing.verify(small, out, plan, todo)
    assert written.version == hashlib.sha256(out).hexdigest()  # the new version, parsed once
    assert written.actions.set_index(ActionCol.ID).loc["I.1.2", ActionCol.PROGRESS] == 60


@pytest.mark.parametrize(
    ("written", "checked", "problem"),
    [
        (
            [(A, "I.1.2", ActionCol.PIC, "Ani"), (A, "II.2.1", ActionCol.PIC, "x")],
            [(A, "I.1.2", ActionCol.PIC, "Ani")],
            "lembar Riwayat: 2 baris",
        ),
        ([], [(A, "I.1.2", ActionCol.PIC, "Ani")], "lembar Riwayat: 0 baris"),
        (
            [(A, "I.1.2", ActionCol.PIC, "Ani")],
            [(A, "I.1.2", ActionCol.PIC, "Budi")],
            "Rencana Aksi I.1.2, kolom Penanggung Jawab",
        ),
        (
            [(E, "I.1.1/2", EvidenceCol.NOTES, "x")],
            [(E, "I.1.1/1", EvidenceCol.NOTES, "x")],
            "Bukti I.1.1/1, kolom Catatan",
        ),
    ],
    ids=["a change too many", "log rows missing", "another value", "another row"],
)
def test_verify_refuses_bytes_that_read_back_wrong(
    small: Path, written, checked, problem: str
) -> None:
    plan, todo = _plan_and_todo(small, written)
    data = small.read_bytes()
    out = writing.write(small, data, plan, todo, "budi", NOW) if todo else data
    _, expected = _plan_and_todo(small, checked)
    with pytest.raises(WorkbookError) as info:
        writing.verify(small, out, plan, expected)
    assert str(info.value) == (
        "Penyimpanan dibatalkan: hasilnya tidak terbaca kembali seperti seharusnya "
        f"({problem}). Workbook tidak diubah."
    )


def test_verify_refuses_reordered_rows(small: Path) -> None:
    plan = load_plan(small)
    column = c.ACTIONS.headers.index(ActionCol.ID) + 1
    rows = plan.rows[A]
    swapped = xlsx_patch.patch(
        small.read_bytes(),
        {
            A: [
                xlsx_patch.CellWrite(rows["I.1.1"], column, K.TEXT, "I.1.2"),
                xlsx_patch.CellWrite(rows["I.1.2"], column, K.TEXT, "I.1.1"),
            ]
        },
    )
    with pytest.raises(WorkbookError, match=r"\(lembar Rencana Aksi: urutan ID berubah\)"):
        writing.verify(small, swapped, plan, [])


def test_verify_refuses_bytes_that_are_no_workbook(small: Path) -> None:
    plan = load_plan(small)
    with pytest.raises(WorkbookError, match="tidak lolos pemeriksaan") as info:
        writing.verify(small, b"bukan xlsx", plan, [])
    assert "Workbook tidak diubah" in str(info.value)
    assert isinstance(info.value.__cause__, WorkbookError)

"""The save path on real files: round trip, text safety, validation, no bad write swapped in.

What a write keeps and the openpyxl fallback are tested in test_workbook_write.py.
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tests.factory import NOW
from tests.factory import save_now as _save
from tests.factory import saved_row as _row
from zi_dash.base import ActionCol, EvidenceCol, LogCol, durable
from zi_dash.base import contract as c
from zi_dash.workbook import (
    InvalidValueError,
    WorkbookError,
    load_plan,
    xlsx_patch,
)

A, E = c.Sheet.ACTIONS, c.Sheet.EVIDENCE


# --- round trip -------------------------------------------------------------------------


def _snapshot(path: Path) -> dict[str, object]:
    book = openpyxl.load_workbook(path)
    cells = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                cells[(ws.title, cell.coordinate)] = (
                    cell.value,
                    cell.data_type if cell.value is not None else None,
                    cell.number_format,
                    repr(cell.font),
                    repr(cell.fill),
                    repr(cell.border),
                    repr(cell.alignment),
                )
    sheets = {
        ws.title: (
            ws.freeze_panes,
            {k: v.width for k, v in ws.column_dimensions.items()},
            [(str(dv.sqref), dv.type, dv.formula1) for dv in ws.data_validations.dataValidation],
            [str(r.sqref) for r in ws.conditional_formatting],
            ws.page_setup.orientation,
            ws.print_title_rows,
        )
        for ws in book.worksheets
    }
    return {"cells": cells, "sheets": sheets, "names": book.sheetnames}


def test_round_trip_keeps_every_untouched_cell_and_the_formatting(workbook_copy: Path) -> None:
    before = _snapshot(workbook_copy)
    plan = load_plan(workbook_copy)
    row = plan.rows[A]["III.3.2"]
    ev_row = plan.rows[E]["III.3.2/1"]
    result = _save(
        workbook_copy,
        {
            A: {"III.3.2": {ActionCol.STATUS: c.Status.DONE, ActionCol.PIC: "Subbag SDM"}},
            E: {"III.3.2/1": {EvidenceCol.STATUS: c.EvidenceStatus.PRESENT}},
        },
    )
    after = _snapshot(workbook_copy)
    assert before["names"] == after["names"] and before["sheets"] == after["sheets"]

    cols = {h: i for i, h in enumerate(c.ACTIONS.headers)}
    ev_cols = {h: i for i, h in enumerate(c.EVIDENCE.headers)}

    def coord(r: int, col: int) -> str:
        return f"{openpyxl.utils.get_column_letter(col + 1)}{r}"

    changed = {
        (A, coord(row, cols[h]))
        for h in (
            ActionCol.STATUS,
            ActionCol.PIC,
            ActionCol.PROGRESS,
            ActionCol.UPDATED,
            ActionCol.UPDATED_BY,
        )
    } | {
        (E, coord(ev_row, ev_cols[h]))
        for h in (EvidenceCol.STATUS, EvidenceCol.UPDATED, EvidenceCol.UPDATED_BY)
    }
    for key, value in before["cells"].items():
        if key in changed or key[0] == c.Sheet.LOG:
            continue
        assert after["cells"][key] == value, key
    assert after["cells"][(A, coord(row, cols[ActionCol.STATUS]))][0] == c.Status.DONE
    assert after["cells"][(A, coord(row, cols[ActionCol.PROGRESS]))][0] == 100
    # The stamp keeps the cell's own date format.
    stamp = after["cells"][(A, coord(row, cols[ActionCol.UPDATED]))]
    assert (
        stamp[0] == NOW and stamp[2] == before["cells"][(A, coord(row, cols[ActionCol.UPDATED]))][2]
    )
    assert len(result.changes) == 4
    assert result.version == load_plan(workbook_copy).version


def test_the_log_gets_one_row_per_changed_cell_and_the_row_is_stamped(workbook_copy: Path) -> None:
    _save(workbook_copy, {A: {"I.1.1": {ActionCol.PROGRESS: 40, ActionCol.NOTES: "rapat 2"}}})
    plan = load_plan(workbook_copy)
    log = plan.history
    assert log[[LogCol.ID, LogCol.COLUMN, LogCol.OLD, LogCol.NEW]].values.tolist() == [
        ["I.1.1", ActionCol.PROGRESS, "0", "40"],
        ["I.1.1", ActionCol.NOTES, "", "rapat 2"],
        ["I.1.1", ActionCol.STATUS, c.Status.NOT_STARTED, c.Status.IN_PROGRESS],
    ]
    assert set(log[LogCol.USER]) == {"budi"} and set(log[LogCol.TIME]) == {NOW}
    row = _row(workbook_copy, A, "I.1.1")
    assert row[ActionCol.UPDATED] == NOW and row[ActionCol.UPDATED_BY] == "budi"
    assert row[ActionCol.STATUS] == c.Status.IN_PROGRESS


def test_a_save_that_changes_nothing_writes_nothing(workbook_copy: Path) -> None:
    before = workbook_copy.read_bytes()
    result = _save(workbook_copy, {A: {"I.1.1": {ActionCol.STATUS: c.Status.NOT_STARTED}}})
    assert result.changes == () and workbook_copy.read_bytes() == before


def test_dates_and_blanks_are_written_as_their_kind(workbook_copy: Path) -> None:
    _save(
        workbook_copy,
        {A: {"I.1.1": {ActionCol.START: "15/04/2022", ActionCol.END: date(2022, 4, 30)}}},
    )
    row = _row(workbook_copy, A, "I.1.1")
    assert (row[ActionCol.START], row[ActionCol.END]) == (date(2022, 4, 15), date(2022, 4, 30))
    _save(workbook_copy, {A: {"I.1.1": {ActionCol.START: None, ActionCol.END: float("nan")}}})
    row = _row(workbook_copy, A, "I.1.1")
    assert (row[ActionCol.START], row[ActionCol.END]) == (None, None)


# --- text stays text -----------------------------------------------------------------------

PAYLOADS = [
    "=1+1",
    '=HYPERLINK("http://evil.example","klik")',
    "=cmd|' /C calc'!A0",
    "+62 283 351234",
    "-5",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\n=1+1",
    "'=1+1",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_formula_payloads_stay_text(workbook_copy: Path, payload: str) -> None:
    _save(
        workbook_copy,
        {
            A: {"I.1.1": {ActionCol.PIC: payload, ActionCol.NOTES: payload}},
            E: {"I.1.1/1": {EvidenceCol.LINK: payload}},
        },
    )
    # A later save of another cell rewrites the whole file: the text must survive that too.
    _save(workbook_copy, {A: {"I.2.1": {ActionCol.NOTES: "lain"}}})
    with zipfile.ZipFile(workbook_copy) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in archive.read(name).decode(), name
    book = openpyxl.load_workbook(workbook_copy)
    plan = load_plan(workbook_copy)
    for sheet, row_id, column in (
        (A, "I.1.1", ActionCol.PIC),
        (A, "I.1.1", ActionCol.NOTES),
        (E, "I.1.1/1", EvidenceCol.LINK),
    ):
        spec = c.ACTIONS if sheet == A else c.EVIDENCE
        cell = book[sheet].cell(plan.rows[sheet][row_id], spec.headers.index(column) + 1)
        assert cell.data_type == "s" and cell.value.strip() == payload.strip()
        if payload.lstrip("\t\n")[:1] in "=+-@":
            assert cell.quotePrefix
    # The log holds the payload as text as well.
    log = book[c.Sheet.LOG]
    assert all(cell.data_type != "f" for row in log.iter_rows() for cell in row)


# --- validation: nothing written -------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {A: {"I.1.1": {ActionCol.STATUS: "Beres"}}},
            r'Rencana Aksi I.1.1, kolom "Status" \(M2\).*Beres',
        ),
        ({A: {"I.1.1": {ActionCol.PROGRESS: 150}}}, r'kolom "Progres \(%\)" \(N2\).*0–100'),
        ({A: {"I.1.1": {ActionCol.PROGRESS: "banyak"}}}, "bukan angka"),
        ({A: {"I.1.1": {ActionCol.START: "kemarin"}}}, r'kolom "Mulai" \(J2\).*bukan tanggal'),
        (
            {E: {"I.1.1/1": {EvidenceCol.STATUS: "Hilang"}}},
            r'Bukti I.1.1/1, kolom "Status Bukti" \(D2\).*Hilang',
        ),
        ({A: {"IX.9.9": {ActionCol.PIC: "x"}}}, "IX.9.9, kolom .*ID ini tidak ada lagi"),
        (
            {A: {"I.1.1": {ActionCol.START: "2022-04-15", ActionCol.END: "2022-04-10"}}},
            r'I.1.1, kolom "Selesai" \(K2\): tanggal Selesai 10/04/2022 sebelum .* 15/04/2022',
        ),
        ({A: {"I.1.1": {ActionCol.PROGRESS: -5}}}, "nilai -5 di luar rentang 0–100"),
        ({A: {"I.1.1": {ActionCol.INDICATOR: "x"}}}, "tidak dapat diubah"),
        ({A: {"I.1.1": {"Kolom Baru": "x"}}}, '"Kolom Baru" tidak ada'),
        ({c.Sheet.AREAS: {"I": {c.AreaCol.WEIGHT: 9}}}, "tidak dapat diubah dari dasbor"),
        ({A: {"I.1.1": {ActionCol.NOTES: "a\x00b"}}}, "karakter kendali"),
        ({A: {"I.1.1": {ActionCol.NOTES: "x" * 40_000}}}, "terlalu panjang"),
        (
            {A: {"I.1.1": {ActionCol.STATUS: c.Status.DONE, ActionCol.PROGRESS: 50}}},
            "tidak sesuai dengan progres 50",
        ),
    ],
)
def test_an_invalid_value_writes_nothing(workbook_copy: Path, changes, expected: str) -> None:
    before = workbook_copy.read_bytes()
    with pytest.raises(InvalidValueError, match=expected):
        _save(workbook_copy, {A: {"I.2.1": {ActionCol.NOTES: "sah"}}, **changes})
    assert workbook_copy.read_bytes() == before
    assert not durable.backup_dir(workbook_copy).exists()


def test_every_invalid_value_is_listed_at_once(workbook_copy: Path) -> None:
    changes = {A: {"I.1.1": {ActionCol.STATUS: "x"}, "I.2.1": {ActionCol.PROGRESS: -1}}}
    with pytest.raises(InvalidValueError) as info:
        _save(workbook_copy, changes)
    assert len(info.value.problems) == 2


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        ({ActionCol.STATUS: c.Status.DONE}, (c.Status.DONE, 100.0)),
        ({ActionCol.PROGRESS: 100}, (c.Status.DONE, 100.0)),
        ({ActionCol.PROGRESS: 30}, (c.Status.IN_PROGRESS, 30.0)),
        ({ActionCol.STATUS: c.Status.IN_PROGRESS}, (c.Status.IN_PROGRESS, 0.0)),
        (
            {ActionCol.STATUS: c.Status.IN_PROGRESS, ActionCol.PROGRESS: 0},
            (c.Status.IN_PROGRESS, 0.0),
        ),
    ],
)
def test_status_and_progress_stay_consistent(workbook_copy: Path, edit, expected) -> None:
    result = _save(workbook_copy, {A: {"I.1.1": edit}})
    row = _row(workbook_copy, A, "I.1.1")
    assert (row[ActionCol.STATUS], row[ActionCol.PROGRESS]) == expected
    assert len(result.notes) == (1 if len(edit) == 1 and expected[1] != 0 else 0)


def test_a_user_name_is_required(workbook_copy: Path) -> None:
    with pytest.raises(WorkbookError, match="Nama pengguna"):
        _save(workbook_copy, {A: {"I.1.1": {ActionCol.PIC: "x"}}}, user="  ")


@pytest.mark.parametrize("bad", ["\ufffe", "\uffff", "\ud800"])
def test_characters_xml_cannot_hold_are_refused(workbook_copy: Path, bad: str) -> None:
    with pytest.raises(InvalidValueError, match="tidak sah"):
        _save(workbook_copy, {A: {"I.1.1": {ActionCol.NOTES: f"a{bad}b"}}})


def test_a_write_that_reads_back_wrong_is_never_swapped_in(
    workbook_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = xlsx_patch.patch

    def sloppy(data: bytes, writes):
        extra = xlsx_patch.CellWrite(
            3, c.ACTIONS.headers.index(ActionCol.PIC) + 1, c.Kind.TEXT, "x"
        )
        writes[A] = [*writes[A], extra]  # a cell nobody asked to change
        return real(data, writes)

    monkeypatch.setattr(xlsx_patch, "patch", sloppy)
    before = workbook_copy.read_bytes()
    with pytest.raises(WorkbookError, match="tidak terbaca kembali"):
        _save(workbook_copy, {A: {"I.1.1": {ActionCol.PIC: "Ani"}}})
    assert workbook_copy.read_bytes() == before


def test_a_save_of_the_version_just_read_parses_the_file_once(
    workbook_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 40,000 rows each parse costs seconds: the page's read and the save share one."""
    import zi_dash.workbook.read as read
    import zi_dash.workbook.write as write
    from zi_dash.workbook import load_tracked, save_changes

    plan = load_tracked(workbook_copy)
    parses: list[str] = []
    for module in (read, write):
        real = module.load_plan
        monkeypatch.setattr(
            module, "load_plan", lambda p, d=None, real=real: parses.append(str(p)) or real(p, d)
        )
    changes = {c.Sheet.ACTIONS: {"I.1.1": {ActionCol.NOTES: "satu"}}}
    save_changes(workbook_copy, changes, user="budi", base_version=plan.version)
    assert parses == [str(workbook_copy)]  # the read-back check of the new bytes only
    after = load_tracked(workbook_copy)  # the page's reload: the check's parse, reused
    assert parses == [str(workbook_copy)]
    assert after.actions.set_index(ActionCol.ID).loc["I.1.1", ActionCol.NOTES] == "satu"
    assert after.modified.timestamp() == pytest.approx(workbook_copy.stat().st_mtime)
    changes = {c.Sheet.ACTIONS: {"I.1.1": {ActionCol.NOTES: "dua"}}}
    save_changes(workbook_copy, changes, user="budi", base_version=after.version)
    assert len(parses) == 2

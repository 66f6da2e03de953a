"""The committed workbook is what the builder makes, and a good file to edit in Excel."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook

from zi_dash.base import contract as c
from zi_dash.sk import build_workbook


def _snapshot(wb: Workbook) -> dict[str, object]:
    """Everything a user sees or relies on: values, validations, formats, widths, panes."""
    out: dict[str, object] = {"sheets": wb.sheetnames}
    for ws in wb.worksheets:
        out[ws.title] = {
            "values": [[cell.value for cell in row] for row in ws.iter_rows()],
            "formats": [[cell.number_format for cell in row] for row in ws.iter_rows()],
            "fills": [[cell.fill.fgColor.rgb for cell in row] for row in ws.iter_rows()],
            "validations": sorted(
                (str(dv.sqref), dv.type, dv.formula1, dv.formula2)
                for dv in ws.data_validations.dataValidation
            ),
            "conditional": sorted(str(r.sqref) for r in ws.conditional_formatting),
            "freeze": ws.freeze_panes,
            "widths": {k: v.width for k, v in ws.column_dimensions.items()},
            "filter": ws.auto_filter.ref,
        }
    return out


def test_committed_workbook_matches_builder(tmp_path: Path, real_workbook: Path) -> None:
    built = build_workbook(tmp_path / "built.xlsx")
    committed = _snapshot(openpyxl.load_workbook(real_workbook))
    assert committed == _snapshot(openpyxl.load_workbook(built)), (
        "data/rencana_aksi.xlsx differs from the builder's output: "
        "run `python -m zi_dash build-workbook` and commit the result"
    )


@pytest.fixture(scope="module")
def wb(real_workbook: Path) -> Workbook:
    return openpyxl.load_workbook(real_workbook)


def test_sheets_and_headers_follow_the_contract(wb: Workbook) -> None:
    assert wb.sheetnames == [
        c.Sheet.ACTIONS,
        c.Sheet.EVIDENCE,
        c.Sheet.AREAS,
        c.Sheet.LOG,
        c.Sheet.INFO,
        c.Sheet.GUIDE,
        c.Sheet.LKE,
        c.Sheet.CONTACTS,
    ]
    for spec in c.DATA_SHEETS + c.OPTIONAL_SHEETS:
        ws = wb[spec.name]
        # Target Keluaran is written only by plans whose Target column holds outcomes.
        headers = tuple(h for h in spec.headers if h != c.ActionCol.OUTCOME)
        assert tuple(cell.value for cell in ws[1]) == headers
        assert ws.freeze_panes == spec.freeze
        assert ws["A1"].font.bold


def test_actions_start_untouched(wb: Workbook) -> None:
    ws = wb[c.Sheet.ACTIONS]
    headers = [cell.value for cell in ws[1]]
    rows = [dict(zip(headers, (x.value for x in r))) for r in ws.iter_rows(min_row=2)]
    assert len(rows) == 70
    assert {r[c.ActionCol.STATUS] for r in rows} == {c.Status.NOT_STARTED}
    assert {r[c.ActionCol.PROGRESS] for r in rows} == {0}
    assert all(r[c.ActionCol.PIC] is None and r[c.ActionCol.START] is None for r in rows)


def test_every_action_has_evidence_items_all_missing(wb: Workbook) -> None:
    ws = wb[c.Sheet.EVIDENCE]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 121
    assert {r[3] for r in rows} == {c.EvidenceStatus.MISSING}
    assert len({r[1] for r in rows}) == 70
    assert rows[0][0] == "I.1.1/1"


def test_dropdowns_and_progress_validation(wb: Workbook) -> None:
    def validations(sheet: str) -> dict[str, tuple[str, str | None, str | None]]:
        ws = wb[sheet]
        return {
            str(dv.sqref).split(":")[0][0]: (dv.type, dv.formula1, dv.formula2)
            for dv in ws.data_validations.dataValidation
        }

    actions = validations(c.Sheet.ACTIONS)
    assert actions["M"] == ("list", '"Belum Mulai,Dalam Proses,Selesai"', None)
    assert actions["N"] == ("decimal", "0", "100")
    assert actions["J"][0] == actions["K"][0] == "date"
    evidence = validations(c.Sheet.EVIDENCE)
    assert evidence["D"] == ("list", '"Belum Ada,Ada,Perlu Perbaikan,Terverifikasi"', None)


def test_long_text_wraps_and_columns_are_sized(wb: Workbook) -> None:
    ws = wb[c.Sheet.ACTIONS]
    assert ws["F2"].alignment.wrap_text
    assert ws.column_dimensions["F"].width >= 40
    assert ws.column_dimensions["A"].width >= 8


def test_area_weights_and_info(wb: Workbook) -> None:
    areas = list(wb[c.Sheet.AREAS].iter_rows(min_row=2, values_only=True))
    assert [(a, w) for a, _, w in areas] == [
        ("I", 8),
        ("II", 7),
        ("III", 10),
        ("IV", 10),
        ("V", 15),
        ("VI", 10),
    ]
    info = dict(wb[c.Sheet.INFO].iter_rows(min_row=2, values_only=True))
    assert info[c.InfoKey.UNIT] == "KPU Kota Tegal"
    assert info[c.InfoKey.YEAR] == 2022
    assert info[c.InfoKey.ENACTED].date().isoformat() == "2022-04-13"
    assert "Nomor 5/2022" in info[c.InfoKey.LEGAL_BASIS]
    guide = [r[0] for r in wb[c.Sheet.GUIDE].iter_rows(values_only=True) if r[0]]
    assert any("Status" in line for line in guide) and len(guide) > 10

"""The LKE sheet the builder writes (one row per bank row, answers empty) and Tegal's Baris LKE."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from tests.factory import action, make_workbook
from zi_dash.base import SOURCE_TEXT_FILL, ActionCol, LkeCol, roles
from zi_dash.base import contract as c
from zi_dash.lke import SK_COMPONENTS, AnswerType, RowKind, bank, parse_rows
from zi_dash.workbook import load_plan

_GREY = SOURCE_TEXT_FILL.lstrip("#").upper()


def _grey(cell: object) -> bool:
    return str(cell.fill.fgColor.rgb)[-6:].upper() == _GREY  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def wb(real_workbook: Path) -> Workbook:
    return openpyxl.load_workbook(real_workbook)


@pytest.fixture(scope="module")
def lke(wb: Workbook) -> Worksheet:
    return wb[c.Sheet.LKE]


def _column(name: str) -> int:
    return c.LKE.headers.index(name) + 1


def list_of(values: tuple[str, ...]) -> str:
    return '"' + ",".join(values) + '"'


def _records(ws: Worksheet) -> list[dict[str, object]]:
    headers = [cell.value for cell in ws[1]]
    return [dict(zip(headers, row)) for row in ws.iter_rows(min_row=2, values_only=True)]


def test_one_row_per_bank_row_in_bank_order_with_its_text(lke: Worksheet) -> None:
    rows = _records(lke)
    assert [r[LkeCol.ROW] for r in rows] == [b.baris for b in bank().rows]
    for record, row in zip(rows, bank().rows, strict=True):
        assert record[LkeCol.AREA] == row.area
        assert record[LkeCol.PART] == row.part
        assert (record[LkeCol.SUB] or "") == row.sub_name
        assert record[LkeCol.WEIGHT] == row.weight
        assert (record[LkeCol.QUESTION] or "") == row.text
        assert (record[LkeCol.TYPE] or "") == (row.type.value if row.type else "")
        assert (record[LkeCol.CRITERIA] or "") == row.criteria


def test_the_units_and_the_tpis_columns_start_empty(lke: Worksheet) -> None:
    blank = (LkeCol.ANSWER, LkeCol.NOTES, LkeCol.LINKS, LkeCol.UPDATED, *c.LKE.headers[-5:])
    assert LkeCol.REVIEW in blank  # blank reads as Belum Ditelaah
    for record in _records(lke):
        for column in blank:
            assert record[column] is None


def test_status_telaah_offers_its_four_values_on_each_question(lke: Worksheet) -> None:
    rules = [
        dv
        for dv in lke.data_validations.dataValidation
        if dv.formula1 == list_of(c.LKE.allowed[LkeCol.REVIEW])
    ]
    assert len(rules) == 1
    assert rules[0].formula1 == '"Belum Ditelaah,Sesuai,Perlu Perbaikan,Dicek Ulang"'
    cells = {str(r) for r in rules[0].sqref.ranges}
    letter = get_column_letter(_column(LkeCol.REVIEW))
    rows = bank().rows
    expected = {f"{letter}{i}" for i, r in enumerate(rows, start=2) if r.kind is RowKind.QUESTION}
    assert cells == expected and len(expected) == 110


@pytest.mark.parametrize(
    ("baris", "expected"),
    [
        (6, ("list", '"Ya,Tidak"', None)),
        (18, ("list", '"A,B,C"', None)),
        (13, ("list", '"A,B,C,D"', None)),
        (24, ("list", '"A,B,C,D,E"', None)),
        (126, ("whole", "0", None)),  # a Jumlah input of a % question
        (199, ("decimal", "0", "4")),  # IPAK, a 0-4 survey value
        (200, ("list", '"A,B,C,D,E"', None)),  # capaian kinerja, a hasil row answered by letter
        (5, None),  # a sub-component takes no answer
        (125, None),  # a % question is computed from its Jumlah rows
    ],
)
def test_each_answer_cell_offers_what_its_row_allows(
    lke: Worksheet, baris: int, expected: tuple[str, str, str | None] | None
) -> None:
    excel_row = [b.baris for b in bank().rows].index(baris) + 2
    for column in (LkeCol.ANSWER, LkeCol.TPI_ANSWER):  # the TPI answers as the unit does
        cell = lke.cell(row=excel_row, column=_column(column))
        found = [
            (dv.type, dv.formula1, dv.formula2)
            for dv in lke.data_validations.dataValidation
            if cell.coordinate in dv.sqref
        ]
        assert found == ([expected] if expected else [])
        assert _grey(cell) is (expected is None)


def test_every_answerable_row_has_a_validation(lke: Worksheet) -> None:
    review = c.LKE.allowed[LkeCol.REVIEW]
    answers = [dv for dv in lke.data_validations.dataValidation if dv.formula1 != list_of(review)]
    covered = sum(len(list(dv.sqref.ranges)) for dv in answers)
    assert covered == 2 * sum(1 for r in bank().rows if r.answerable)  # Jawaban and Jawaban TPI
    assert {dv.type for dv in lke.data_validations.dataValidation} == {"list", "whole", "decimal"}
    assert {t for r in bank().rows if r.answerable for t in [r.type]} >= {AnswerType.ANGKA}


def test_bank_columns_look_read_only_and_the_sheet_reads_well(lke: Worksheet) -> None:
    for name in c.LKE.headers:
        cell = lke.cell(row=3, column=_column(name))  # row [6], a question
        stamps = roles.all_stamps(c.Sheet.LKE)
        assert _grey(cell) is (not c.LKE.column(name).editable and name not in stamps)
        assert cell.alignment.wrap_text
    assert lke.freeze_panes == c.LKE.freeze
    assert lke.cell(row=2, column=_column(LkeCol.SUB)).font.bold  # [5], a sub-component
    assert not lke.cell(row=3, column=_column(LkeCol.SUB)).font.bold


def test_tegal_actions_are_linked_covering_the_23_sk_sub_components(real_workbook: Path) -> None:
    plan = load_plan(real_workbook)
    links = {
        str(i): parse_rows(str(t))
        for i, t in zip(plan.actions[ActionCol.ID], plan.actions[ActionCol.LKE_ROWS], strict=True)
    }
    assert len(links) == 70 and all(links.values())
    assert links["I.4.2"] == (18,)
    subs = {bank().row(b).sub for rows in links.values() for b in rows}
    assert subs == set(SK_COMPONENTS.values())
    assert sum(bank().row(s).weight or 0 for s in subs) == pytest.approx(28.0)
    assert all(bank().row(b).kind is RowKind.QUESTION for r in links.values() for b in r)


def test_the_committed_workbook_reads_its_lke_sheet(real_workbook: Path) -> None:
    plan = load_plan(real_workbook)
    assert plan.lke is not None and len(plan.lke) == 181
    assert plan.rows[c.Sheet.LKE]["18"] == 15
    assert not plan.warnings


def test_a_workbook_without_the_lke_sheet_can_still_be_written(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "old.xlsx", [action("I.1.1")], lke=False)
    assert c.Sheet.LKE not in openpyxl.load_workbook(path).sheetnames
    assert load_plan(path).lke is None


def test_petunjuk_explains_the_lke_sheet_and_baris_lke(wb: Workbook) -> None:
    guide = "\n".join(str(r[0]) for r in wb[c.Sheet.GUIDE].iter_rows(values_only=True) if r[0])
    assert f"Lembar '{c.Sheet.LKE}' adalah Lembar Kerja Evaluasi Zona Integritas" in guide
    assert "penilaian\n   mandiri, bukan nilai resmi" in guide
    assert f"Kolom '{ActionCol.LKE_ROWS}' pada lembar '{c.Sheet.ACTIONS}'" in guide
    assert "contoh 18 atau 18, 20" in guide
    assert "diisi Tim Penilai Internal (akun penilai), bukan unit" in guide
    assert "Belum Ditelaah, Sesuai, Perlu Perbaikan, Dicek Ulang" in guide

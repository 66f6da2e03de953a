"""The report's LKE section with the TPI's layer: its figures are those of `lke-score --penilai
tpi --json --as-of` for the same workbook (total, unreviewed, differences, top disagreements);
without a TPI answer the section is the self-assessment alone."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import docx
import pytest

from tests import factory
from tests.lke_sheet import add_bank_lke
from tests.lke_tpi import set_tpi
from zi_dash.base import LkeCol, Role, fmt
from zi_dash.base import contract as c
from zi_dash.cli import main
from zi_dash.export import report, report_lke
from zi_dash.workbook import load_plan

AS_OF = date(2022, 5, 1)
UNIT = {6: "Ya", 7: "A", 24: "A", 199: 4, 200: "A"}
LAYER = {6: "Tidak", 7: "A", 24: "B", 199: 3}


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + fmt.number(value, 2)


def _docx_text(path: Path, day: date) -> str:
    plan = load_plan(path)
    document = docx.Document(io.BytesIO(report.report_docx(plan, plan, day, [], "Semua")))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


@pytest.mark.parametrize("day", [AS_OF, date(2022, 5, 2)])
def test_the_report_says_what_lke_score_penilai_tpi_json_prints(tmp_path, capsys, day) -> None:
    path = set_tpi(add_bank_lke(factory.mixed(tmp_path / "m.xlsx"), UNIT), LAYER)
    changes = {c.Sheet.LKE: {"24": {LkeCol.TPI_ANSWER: "A"}}}  # 2 May 2022: the TPI agrees
    factory.save_now(path, changes, user="tpi", role=Role.ASSESSOR)
    args = ["lke-score", "--workbook", str(path), "--as-of", str(day), "--penilai", "tpi"]
    assert main([*args, "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    plan = load_plan(path)
    head = dict(report.headline(plan, plan, day))
    unreviewed = f"{printed['belum_ditelaah']} dari 110 pertanyaan belum ditelaah TPI"
    assert head[report_lke.TPI] == (
        f"{fmt.number(printed['tpi']['total'], 2)} dari 100: {printed['tpi']['predikat']} "
        f"({unreviewed})"
    )
    text = _docx_text(path, day)
    diff = printed["selisih"]
    assert f"total {_signed(diff['total']['selisih'])}, pengungkit " in text
    for area in ("I", "II", "III", "IV", "V", "VI"):
        assert f"{area} {_signed(diff[area]['selisih'])}" in text
    listed = [f"[{d['baris']}] {_signed(d['selisih'])} poin" for d in printed["perbedaan"]]
    assert listed and all(item in text for item in listed)
    assert [text.index(item) for item in listed] == sorted(text.index(i) for i in listed)
    assert f"Perbedaan terbesar ({len(printed['perbedaan'])})" in text
    assert "nilai resmi" in text


def test_without_a_tpi_answer_the_section_is_the_self_assessment_alone(tmp_path) -> None:
    path = add_bank_lke(factory.mixed(tmp_path / "m.xlsx"), UNIT)
    plan = load_plan(path)
    assert report_lke.TPI not in dict(report.headline(plan, plan, AS_OF))
    assert "Penilaian TPI" not in _docx_text(path, AS_OF)

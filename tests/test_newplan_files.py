"""New workbooks written beside others: never over an existing file unasked; the template."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from zi_dash.base import contract as c
from zi_dash.newplan import OutputExistsError, template_bytes, workbook_name, write_new


def test_an_existing_file_is_not_overwritten_unless_asked(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "baru.xlsx"
    assert write_new(out, b"satu") == out and out.read_bytes() == b"satu"
    with pytest.raises(OutputExistsError, match="sudah ada dan tidak ditimpa"):
        write_new(out, b"dua")
    assert out.read_bytes() == b"satu"
    write_new(out, b"dua", overwrite=True)
    assert out.read_bytes() == b"dua"


def test_the_template_has_every_sheet_dropdown_and_guide_but_no_rows(tmp_path: Path) -> None:
    path = tmp_path / "templat.xlsx"
    path.write_bytes(template_bytes())
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [s.name for s in c.DATA_SHEETS] + [
        c.Sheet.GUIDE,
        c.Sheet.LKE,
        c.Sheet.CONTACTS,
    ]
    # The LKE sheet is the bank's: every row, no answer.
    lke = list(wb[c.Sheet.LKE].iter_rows(min_row=2, values_only=True))
    answer = c.LKE.headers.index(c.LkeCol.ANSWER)
    assert len(lke) == 181 and {r[answer] for r in lke} == {None}
    for spec in (c.ACTIONS, c.EVIDENCE, c.LOG):
        ws = wb[spec.name]
        # Target Keluaran only in plans whose Target column held outcomes, not in a blank one.
        expected = tuple(h for h in spec.headers if h != c.ActionCol.OUTCOME)
        assert tuple(cell.value for cell in ws[1]) == expected
        assert ws.max_row == 1
    lists = {dv.formula1 for dv in wb[c.Sheet.ACTIONS].data_validations.dataValidation}
    assert '"Belum Mulai,Dalam Proses,Selesai"' in lists
    evidence = {dv.formula1 for dv in wb[c.Sheet.EVIDENCE].data_validations.dataValidation}
    assert '"Belum Ada,Ada,Perlu Perbaikan,Terverifikasi"' in evidence
    info = dict(wb[c.Sheet.INFO].iter_rows(min_row=2, values_only=True))
    assert info == dict.fromkeys(
        [c.InfoKey.UNIT, c.InfoKey.YEAR, c.InfoKey.LEGAL_BASIS, c.InfoKey.ENACTED]
    )
    assert len(list(wb[c.Sheet.AREAS].iter_rows(min_row=2))) == 6  # the LKE's weights
    assert wb[c.Sheet.GUIDE]["A1"].value.startswith("Petunjuk pengisian")


@pytest.mark.parametrize(
    ("unit", "year", "name"),
    [
        ("KPU Kota Pekalongan", 2024, "rencana_aksi_kpu_kota_pekalongan_2024.xlsx"),
        ("KPU Kab. Brebes (Jateng)", 2023, "rencana_aksi_kpu_kab_brebes_jateng_2023.xlsx"),
        ("", None, "rencana_aksi.xlsx"),
    ],
)
def test_file_names_for_new_workbooks(unit: str, year: int | None, name: str) -> None:
    assert workbook_name(unit, year) == name

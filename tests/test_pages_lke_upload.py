"""The LKE page's upload of a filled LKE Excel under AppTest (ui/lke_excel.upload): an edited
`lke-export` file is previewed, changes nothing until applied, and applied is one logged save; a
file of another layout or year names its rows and changes nothing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from tests import factory
from tests.lke_sheet import add_bank_lke
from tests.test_cli_lke_excel import EVERY_TYPE, HAND, _hand_file
from zi_dash.base import LkeCol, LogCol
from zi_dash.base.exchange import LkeExcel
from zi_dash.cli import main
from zi_dash.edit import accounts
from zi_dash.ui.lke_excel import XLSX_MIME
from zi_dash.workbook import load_plan

PAGE = "pages/penilaian_mandiri.py"
ANSWER_COL = 11  # K: Jawaban Unit of the export (tests/test_cli_lke_excel.py checks the header)


@pytest.fixture
def users(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "users.json"
    accounts.add_user(path, "budi", "rahasia-123")
    monkeypatch.setenv(accounts.USERS_ENV, str(path))
    return path


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    return add_bank_lke(factory.mixed(tmp_path / "rencana.xlsx"), EVERY_TYPE)


def _edited_export(workbook: Path, out: Path, answers: dict[int, object]) -> bytes:
    """The workbook's `lke-export`, with these Jawaban Unit typed over it in Excel."""
    assert main(["lke-export", "--workbook", str(workbook), "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    ws = book[LkeExcel.ANSWERS]
    assert ws.cell(1, ANSWER_COL).value == LkeExcel.ANSWER
    for baris, value in answers.items():
        ws.cell(baris, ANSWER_COL).value = value
    book.save(out)
    return out.read_bytes()


def _upload(monkeypatch, workbook: Path, name: str, data: bytes, user: str | None = "budi"):
    at = factory.run_page(monkeypatch, workbook, PAGE, user)
    assert not at.exception, at.exception
    (box,) = [w for w in at.file_uploader if w.key == "lke_excel_upload"]
    box.set_value((name, data, XLSX_MIME))
    at.run()
    assert not at.exception, at.exception
    return at


def _preview(at) -> pd.DataFrame | None:
    frames = [d.value for d in at.dataframe if "Sel berkas" in d.value.columns]
    return frames[0] if frames else None


def _answers(workbook: Path) -> dict[int, object]:
    lke = load_plan(workbook).lke
    assert lke is not None
    return {int(b): a for b, a in zip(lke[LkeCol.ROW], lke[LkeCol.ANSWER])}  # Baris: an ID text


def _apply_buttons(at) -> list:
    return [b for b in at.button if b.key == "lke_excel_apply"]


@pytest.mark.usefixtures("users")
def test_an_edited_export_is_previewed_then_applied_as_one_logged_save(
    monkeypatch, filled, tmp_path
) -> None:
    data = _edited_export(filled, tmp_path / "lke.xlsx", {6: "Tidak", 7: "C"})
    before = filled.read_bytes()
    at = _upload(monkeypatch, filled, "lke.xlsx", data)
    preview = _preview(at)
    assert preview is not None, [d.value.columns for d in at.dataframe]
    changes = {(r.Baris, r.Lama, r.Baru) for r in preview.itertuples()}
    assert changes == {(6, "Ya", "Tidak"), (7, "B", "C")}
    assert filled.read_bytes() == before  # a preview changes nothing
    (apply,) = _apply_buttons(at)
    assert apply.label == "Terapkan 2 perubahan"
    apply.click()
    at.run()
    assert not at.exception, at.exception
    answers = _answers(filled)
    assert (answers[6], answers[7], answers[13]) == ("Tidak", "C", "C")  # the rest kept
    log = load_plan(filled).history
    assert (log[LogCol.USER] == "budi").sum() == 2


def test_a_visitor_sees_the_preview_and_cannot_apply(monkeypatch, filled, tmp_path) -> None:
    data = _edited_export(filled, tmp_path / "lke.xlsx", {6: "Tidak"})
    at = _upload(monkeypatch, filled, "lke.xlsx", data, user=None)
    assert _preview(at) is not None and not _apply_buttons(at)
    assert any("Masuk sebagai penyunting" in c.value for c in at.caption)


@pytest.mark.usefixtures("users")
@pytest.mark.parametrize(
    ("how", "expected"),
    [
        ({"types": {6: "A/B/C"}}, "ID 6"),  # another layout of the row
        ({"texts": {9: "Pertanyaan tahun lain"}}, "ID 9"),  # another year's question
        ({"drop": (13, 14)}, "13\\, 14"),  # escaped: the page writes Markdown
    ],
    ids=["wrong type", "another year", "rows missing"],
)
def test_a_file_of_another_layout_or_year_names_the_rows_and_changes_nothing(
    monkeypatch, filled, tmp_path, how, expected
) -> None:
    source = _hand_file(tmp_path / "isian.xlsx", HAND, **how)
    before = filled.read_bytes()
    at = _upload(monkeypatch, filled, "isian.xlsx", source.read_bytes())
    errors = " ".join(e.value for e in at.error)
    assert "tidak ada yang diubah" in errors and expected in errors
    assert _preview(at) is None and not _apply_buttons(at)
    assert filled.read_bytes() == before


@pytest.mark.usefixtures("users")
def test_a_file_that_is_no_lke_excel_is_refused_in_indonesian(monkeypatch, filled) -> None:
    before = filled.read_bytes()
    at = _upload(monkeypatch, filled, "teks.xlsx", b"bukan excel")
    assert any("bukan workbook Excel" in e.value for e in at.error)
    assert not _apply_buttons(at) and filled.read_bytes() == before

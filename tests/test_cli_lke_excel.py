"""`lke-export` / `lke-import`: the official LKE Excel out and back in (issue 21 point 3).

The export keeps the official row numbers, values (no formula) and text as text; exported and
imported again it changes nothing; a hand-filled file of another layout moves the score to the
number computed by hand; a wrong layout, wrong rows or a bad answer change nothing at all.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from tests import factory
from tests.lke_sheet import add_bank_lke
from zi_dash.analysis import assess
from zi_dash.base import LkeCol, LogCol, Role
from zi_dash.base import contract as c
from zi_dash.base.exchange import LkeExcel
from zi_dash.cli import main
from zi_dash.edit import accounts
from zi_dash.export.lke_excel import text
from zi_dash.export.lke_import import row_text
from zi_dash.lke import bank
from zi_dash.workbook import load_plan

X = LkeExcel
# One answer of every type: Ya/Tidak, A/B/C, A/B/C/D, A/B/C/D/E, Jumlah (a % row's inputs), Nilai.
EVERY_TYPE = {6: "Ya", 7: "B", 13: "C", 24: "A", 126: 4, 127: 3, 199: 3.6, 200: "B", 202: 3}
# Texts Excel would read as a number or a date unless they are kept as text.
TRICKY = {6: ("007", "1/2"), 7: ("12-3", "=1+1")}


def _set_texts(path: Path, texts: Mapping[int, tuple[str, str]]) -> Path:
    """Write Catatan and Tautan Bukti of some LKE rows (as text cells) into the workbook."""
    book = openpyxl.load_workbook(path)
    ws = book[c.Sheet.LKE]
    head = [cell.value for cell in ws[1]]
    for row in ws.iter_rows(min_row=2):
        key = row[head.index(LkeCol.ROW)].value
        if key in texts:
            notes, links = texts[key]
            for col, value in ((LkeCol.NOTES, notes), (LkeCol.LINKS, links)):
                cell = row[head.index(col)]
                cell.value = value
                cell.data_type = "s"  # "=1+1" stays a text, as a user's typed note
    book.save(path)
    return path


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    path = add_bank_lke(factory.mixed(tmp_path / "rencana.xlsx"), EVERY_TYPE)
    return _set_texts(path, TRICKY)


@pytest.fixture
def blank(tmp_path: Path) -> Path:
    return add_bank_lke(factory.mixed(tmp_path / "rencana.xlsx"))


def _export(workbook: Path, out: Path) -> Path:
    assert main(["lke-export", "--workbook", str(workbook), "--out", str(out)]) == 0
    return out


def _import(workbook: Path, source: Path, *extra: str) -> int:
    return main(["lke-import", "--workbook", str(workbook), "--from", str(source), *extra])


@pytest.mark.parametrize("which", ["tegal", "every type"])
def test_export_then_import_changes_nothing(which, workbook_copy, filled, tmp_path, capsys):
    workbook = workbook_copy if which == "tegal" else filled
    out = _export(workbook, tmp_path / "lke.xlsx")
    before = workbook.read_bytes()
    assert _import(workbook, out, "--user", "budi") == 0
    assert "Tidak ada yang berubah" in capsys.readouterr().out
    assert workbook.read_bytes() == before


def test_the_export_keeps_row_numbers_values_and_text_as_text(filled, tmp_path) -> None:
    book = openpyxl.load_workbook(_export(filled, tmp_path / "lke.xlsx"))
    assert book.sheetnames == [X.UNIT, X.ANSWERS]
    ws = book[X.ANSWERS]
    assert [ws.cell(1, col).value for col in (1, 2, 8, 9, 10, 11, 12, 13, 15, 18)] == [
        X.ROW, X.TEXT, X.WEIGHT, X.CRITERIA, X.TYPE, X.ANSWER, X.NOTES, X.EVIDENCE,
        X.TPI_ANSWER, X.TPI_NOTES,
    ]  # fmt: skip
    for row in bank().rows:  # a bank row N is Excel row N, its number in A
        assert ws.cell(row.baris, 1).value == row.baris
        assert ws.cell(row.baris, 10).value == (row.type.value if row.type else None)
    assert ws.cell(6, 11).value == "Ya" and ws.cell(7, 11).value == "B"
    assert ws.cell(126, 11).value == 4 and ws.cell(199, 11).value == 3.6
    assert ws.cell(125, 11).value == pytest.approx(0.75)  # 127 / 126, computed: not an input
    for r, (notes, links) in TRICKY.items():
        for col, value in ((12, notes), (13, links)):
            cell = ws.cell(r, col)
            assert (cell.value, cell.data_type, cell.number_format) == (value, "s", "@")
    for sheet in book.worksheets:
        for line in sheet.iter_rows():
            assert not any(cell.data_type == "f" for cell in line), sheet.title


def test_the_unit_sheet_holds_the_self_assessment(filled, tmp_path) -> None:
    ws = openpyxl.load_workbook(_export(filled, tmp_path / "lke.xlsx"))[X.UNIT]
    s = assess(load_plan(filled)).score
    cells = [[cell.value for cell in line] for line in ws.iter_rows()]
    assert "penilaian mandiri" in cells[1][0].casefold()
    areas = {line[0]: line for line in cells[4:10]}
    for code, a in s.areas.items():
        figures = [a.weight, a.fulfilment, a.reform, a.total, a.percent]
        assert areas[code][2:7] == pytest.approx(figures, abs=1e-9)  # the XML's 15 digits
    by_label = {line[0]: line for line in cells if line and line[0]}
    assert s.total > 0 and by_label["Total"][5] == pytest.approx(s.total, abs=1e-9)
    assert by_label["Pengungkit"][5] == pytest.approx(s.pengungkit, abs=1e-9)
    assert by_label["Predikat (penilaian mandiri)"][1] == s.predicate


def _hand_file(
    path: Path,
    answers: Mapping[int, object],
    *,
    types: Mapping[int, str] | None = None,
    texts: Mapping[int, str] | None = None,
    drop: Iterable[int] = (),
    tpi: Mapping[int, object] | None = None,
) -> Path:
    """An LKE file of another instance: title rows above the header, columns in other places."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = X.ANSWERS
    ws.append(["LKE ZI Satker Contoh 2024"])
    ws.append([])
    ws.append(["No", "Uraian", "Pilihan Jawaban", "Jawaban", "Catatan Unit", "Jawaban TPI"])
    for row in reversed(bank().rows):  # another order: the number decides, not the place
        if row.baris in drop:
            continue
        kind = (types or {}).get(row.baris, row.type.value if row.type else "")
        words = (texts or {}).get(row.baris, row_text(row).upper())
        tpi_answer = (tpi or {}).get(row.baris)
        ws.append([str(row.baris), words, kind, answers.get(row.baris), None, tpi_answer])
    for baris in sorted(set(answers) - {r.baris for r in bank().rows}):
        ws.append([str(baris), "", "", answers[baris]])  # a row the bank does not have
    book.save(path)
    return path


# Typed as units write them; the % row's "100%" is not an input (its Jumlah rows 126/127 are).
HAND = {6: "ya", 7: "a", 125: "100%", 126: 4, 127: "2"}


def test_a_hand_filled_file_moves_the_score_to_the_hand_computed_number(blank, tmp_path, capsys):
    source = _hand_file(tmp_path / "isian.xlsx", HAND)
    assert assess(load_plan(blank)).score.total == 0
    assert _import(blank, source, "--dry-run") == 0
    assert "Uji coba: 4 sel" in capsys.readouterr().out
    assert assess(load_plan(blank)).score.total == 0  # --dry-run only shows
    assert _import(blank, source, "--user", "budi") == 0
    plan = load_plan(blank)
    # [5] 0.5 × (Ya 1 + A 1) / 2 = 0.5; [124] 2 × ([125] 2/4 + [128] 0) / 2 = 0.5
    assert assess(plan).score.total == pytest.approx(0.5 * (1 + 1) / 2 + 2 * (2 / 4 + 0) / 2)
    lke = plan.lke.set_index(LkeCol.ROW)
    assert (lke.at["6", LkeCol.ANSWER], lke.at["7", LkeCol.ANSWER]) == ("Ya", "A")
    logged = plan.history[plan.history[LogCol.USER] == "budi"]
    assert sorted(logged[LogCol.ID]) == ["126", "127", "6", "7"]  # one save, in Riwayat


def test_a_penilai_imports_the_tpi_columns_an_editor_the_units(
    blank, tmp_path, monkeypatch, capsys
):
    users = tmp_path / "users.json"
    accounts.add_user(users, "tpi", "rahasia-789", Role.ASSESSOR)
    monkeypatch.setenv(accounts.USERS_ENV, str(users))
    source = _hand_file(tmp_path / "isian.xlsx", HAND, tpi={6: "tidak", 7: "b"})
    assert _import(blank, source, "--user", "tpi") == 0
    assert "hanya dibaca untuk peran penyunting" in capsys.readouterr().out
    lke = load_plan(blank).lke.set_index(LkeCol.ROW)
    assert (lke.at["6", LkeCol.TPI_ANSWER], lke.at["7", LkeCol.TPI_ANSWER]) == ("Tidak", "B")
    assert text(lke.at["6", LkeCol.ANSWER]) == ""  # one role per save: the unit's layer kept
    assert _import(blank, source, "--user", "budi") == 0
    assert "hanya dibaca untuk peran penilai" in capsys.readouterr().out
    lke = load_plan(blank).lke.set_index(LkeCol.ROW)
    assert (lke.at["6", LkeCol.ANSWER], lke.at["6", LkeCol.TPI_ANSWER]) == ("Ya", "Tidak")
    out = _export(blank, tmp_path / "lke.xlsx")  # both layers out, and back: nothing to change
    assert openpyxl.load_workbook(out)[X.ANSWERS].cell(6, 15).value == "Tidak"
    for user in ("tpi", "budi"):
        capsys.readouterr()
        assert _import(blank, out, "--user", user) == 0
        assert "Tidak ada yang berubah" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("how", "expected"),
    [
        ({"types": {6: "A/B/C"}}, "ID 6"),
        ({"texts": {9: "Pertanyaan tahun lain"}}, "ID 9"),
        ({"drop": (13, 14)}, "13, 14"),
        ({"answers": {**HAND, 7: "D"}}, "ID 7"),
        ({"answers": {**HAND, 126: "empat"}}, "ID 126"),
        ({"answers": {**HAND, 3: "Ya"}}, "ID 3"),
    ],
    ids=["wrong type", "wrong text", "rows missing", "bad choice", "bad count", "not a bank row"],
)
def test_a_wrong_file_names_the_rows_and_changes_nothing(how, expected, blank, tmp_path, capsys):
    answers = how.pop("answers", HAND)
    source = _hand_file(tmp_path / "isian.xlsx", answers, **how)
    before = blank.read_bytes()
    assert _import(blank, source, "--user", "budi") == 1
    err = capsys.readouterr().err
    assert "tidak ada yang diubah" in err and expected in err
    assert blank.read_bytes() == before


def test_another_layout_or_a_hostile_file_is_refused_in_indonesian(blank, tmp_path, capsys):
    before = blank.read_bytes()
    other = openpyxl.Workbook()
    other.active.title = X.ANSWERS
    other.active.append(["Nomor Urut", "Pertanyaan", "Skor"])
    other.save(tmp_path / "lain.xlsx")
    huge = openpyxl.Workbook()
    huge.active.title = X.ANSWERS
    huge.active["XFD1048576"] = "x"
    huge.save(tmp_path / "besar.xlsx")
    (tmp_path / "teks.xlsx").write_text("bukan excel")
    for name, words in [
        ("lain.xlsx", "baris judul"),
        ("besar.xlsx", "ditolak"),
        ("teks.xlsx", "bukan workbook Excel"),
        ("tidak-ada.xlsx", "tidak ditemukan"),
    ]:
        assert _import(blank, tmp_path / name) == 1
        assert words in capsys.readouterr().err
    assert blank.read_bytes() == before


def test_a_workbook_without_an_lke_sheet_and_a_wrong_argument(tmp_path, capsys) -> None:
    plain = factory.mixed(tmp_path / "rencana.xlsx")
    assert main(["lke-export", "--workbook", str(plain), "--out", str(tmp_path / "o.xlsx")]) == 1
    assert f'belum punya lembar "{c.Sheet.LKE}"' in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["lke-import", "--workbook", str(plain)])  # --from is required
    assert exit_.value.code == 2


@pytest.mark.skipif(shutil.which("soffice") is None, reason="soffice (LibreOffice) not installed")
def test_libreoffice_calc_opens_the_export_with_every_value(filled, tmp_path) -> None:
    out = _export(filled, tmp_path / "lke.xlsx")
    profile = (tmp_path / "lo-profile").as_uri()  # its own profile: no clash with another soffice
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "ods"]
    subprocess.run(
        [*command, "--outdir", str(tmp_path), str(out)],
        check=True,
        timeout=180,
        capture_output=True,
    )
    calc = CalamineWorkbook.from_path(str(tmp_path / "lke.ods"))
    assert set(calc.sheet_names) >= {LkeExcel.ANSWERS, LkeExcel.UNIT}
    written = openpyxl.load_workbook(out, read_only=True)
    for name in (LkeExcel.ANSWERS, LkeExcel.UNIT):
        ours = [[_plain(v) for v in row] for row in written[name].iter_rows(values_only=True)]
        theirs = [[_plain(v) for v in r] for r in calc.get_sheet_by_name(name).to_python()]
        width = max(len(r) for r in ours)
        assert [_padded(r, width) for r in theirs[: len(ours)]] == [
            _padded(r, width) for r in ours
        ], name


def _plain(value: object) -> object:
    """A cell as Calc gives it back: blank as "", numbers as floats of 15 significant digits."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(f"{value:.12g}")  # Calc keeps 15 digits; 12 is well inside on both sides
    return value


def _padded(row: Iterable[object], width: int) -> list[object]:
    cells = list(row)[:width]
    return cells + [""] * (width - len(cells))


def test_the_lke_page_offers_the_same_file_as_a_download(monkeypatch, filled) -> None:
    at = factory.run_page(monkeypatch, filled, "pages/penilaian_mandiri.py", None)
    assert not at.exception, at.exception
    (button,) = [b for b in at.get("download_button") if b.proto.label == "Unduh LKE Excel"]
    assert button.proto.help.count("penilaian mandiri") == 1

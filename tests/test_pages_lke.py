"""Penilaian Mandiri under AppTest: answer, the live score, save, reload, conflicts, the offer."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tests import factory
from tests.lke_sheet import add_bank_lke
from tests.markup import HOSTILE, hostile_workbook, markup
from tests.test_pages_escape import markdown_sources
from zi_dash import analysis, cli, lke
from zi_dash.base import ActionCol, LkeCol, LogCol
from zi_dash.base import contract as c
from zi_dash.base.fmt import number
from zi_dash.edit import DraftStore, accounts
from zi_dash.ui import Key
from zi_dash.workbook import load_plan, save_changes

L = c.Sheet.LKE
PAGE = "pages/penilaian_mandiri.py"


@pytest.fixture
def users(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "users.json"
    accounts.add_user(path, "budi", "rahasia-123")
    accounts.add_user(path, "sari", "rahasia-456")
    monkeypatch.setenv(accounts.USERS_ENV, str(path))
    return path


@pytest.fixture
def with_lke(workbook_copy: Path) -> Path:
    """The committed workbook with its LKE sheet (added when it lacks one)."""
    if not load_plan(workbook_copy).has(L):
        add_bank_lke(workbook_copy)
    return workbook_copy


def _page(monkeypatch, workbook: Path, user: str | None = "budi"):
    at = factory.run_page(monkeypatch, workbook, PAGE, user)
    assert not at.exception, at.exception
    return at


def _widget(at, kind: str, baris: int, column: str = "jawaban"):
    found = [w for w in getattr(at, kind) if str(w.key).endswith(f"_{baris}_{column}")]
    assert len(found) == 1, f"no {kind} of row {baris}"
    return found[0]


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _open(at, area: str, sub: int):
    at.selectbox(key="lke_area").set_value(area).run()
    return at.selectbox(key=f"lke_sub_{area}").set_value(sub).run()


def _save(at):
    next(b for b in at.button if b.label.startswith("Simpan")).click().run()
    assert not at.exception
    return at


def test_a_reader_sees_answers_and_scores_without_widgets(monkeypatch, with_lke, users) -> None:
    at = _page(monkeypatch, with_lke, user=None)
    assert "Total" in _metrics(at)
    assert any("penilaian mandiri, bukan nilai resmi" in cap.value for cap in at.caption)
    assert not [r for r in at.radio if str(r.key).startswith("lke_")]
    assert [t.label for t in at.text_input] == ["Nama pengguna", "Kata sandi"]  # the login


def test_answer_score_moves_save_and_reload(monkeypatch, with_lke, users) -> None:
    at = _page(monkeypatch, with_lke)
    before = _metrics(at)["Total"]
    radio = _widget(at, "radio", 6)  # I. Penyusunan Tim Kerja a (Ya/Tidak), opened first
    assert radio.options[0] == "(belum dijawab)" and radio.options[1].startswith("Ya")
    radio.set_value("Ya").run()
    assert not at.exception
    assert _metrics(at)["Total"] != before  # live, from the draft
    assert DraftStore(with_lke).load("budi").typed(L) == {"6": {LkeCol.ANSWER: "Ya"}}
    # The criteria are the option labels: B is read with what B means.
    b = _widget(at, "radio", 7)
    assert any(o.startswith("B. ") and "sebagian" in o for o in b.options)
    b.set_value("B").run()
    _save(at)
    plan = load_plan(with_lke)
    answers = plan.frame(L).set_index(LkeCol.ROW)[LkeCol.ANSWER]
    assert (answers["6"], answers["7"]) == ("Ya", "B")
    assert set(plan.history[LogCol.USER]) >= {"budi"}
    assert DraftStore(with_lke).load("budi").count() == 0
    again = _page(monkeypatch, with_lke, user=None)  # a reload, as a reader
    assert _metrics(again)["Total"] == _metrics(at)["Total"] != before
    assert any("Ya" in m.value for m in again.markdown if m.value.startswith("Jawaban"))


def test_a_draft_survives_a_page_switch_and_a_new_session(monkeypatch, with_lke, users) -> None:
    at = _page(monkeypatch, with_lke)
    _widget(at, "radio", 7).set_value("C").run()
    at.switch_page("pages/ringkasan.py").run()
    at.switch_page(PAGE).run()
    assert _widget(at, "radio", 7).value == "C"
    again = _page(monkeypatch, with_lke)
    assert _widget(again, "radio", 7).value == "C"
    assert any(b.label.startswith("Simpan 1") for b in again.button)


def test_a_second_editors_conflicting_answer_is_shown(monkeypatch, with_lke, users) -> None:
    at = _page(monkeypatch, with_lke)
    _widget(at, "radio", 7).set_value("B").run()
    plan = load_plan(with_lke)
    save_changes(with_lke, {L: {"7": {LkeCol.ANSWER: "C"}}}, user="sari", base_version=plan.version)
    at.run()
    assert not at.exception
    assert any("diubah orang lain" in w.value for w in at.warning)
    labels = [b.label for b in at.button]
    assert "Pakai nilai saya untuk yang bentrok" in labels
    assert not any(label.startswith("Simpan") for label in labels)  # nothing saveable
    next(b for b in at.button if b.label == "Pakai nilai saya untuk yang bentrok").click().run()
    _save(at)
    assert load_plan(with_lke).frame(L).set_index(LkeCol.ROW).loc["7", LkeCol.ANSWER] == "B"


def test_percentage_inputs_show_the_ratio_beside_the_clamp(monkeypatch, with_lke, users) -> None:
    at = _page(monkeypatch, with_lke)
    at = _open(at, "I", 124)  # Reform I: agen perubahan [125] from [126] and [127]
    _widget(at, "text_input", 126).input("2").run()
    _widget(at, "text_input", 127).input("3").run()
    assert not at.exception
    said = [m.value for m in at.markdown if m.value.startswith("Persentase dihitung")]
    assert said == [
        "Persentase dihitung: **100,00 %** (rasio mentah 150,00 %, dibatasi LKE ke 0–100 %)"
    ]
    assert DraftStore(with_lke).load("budi").typed(L) == {
        "126": {LkeCol.ANSWER: 2},
        "127": {LkeCol.ANSWER: 3},
    }


def test_a_count_that_is_not_a_number_is_kept_and_named(monkeypatch, with_lke, users) -> None:
    at = _page(monkeypatch, with_lke)
    at = _open(at, "I", 124)
    _widget(at, "text_input", 126).input("dua").run()
    assert not at.exception
    assert DraftStore(with_lke).load("budi").typed(L) == {"126": {LkeCol.ANSWER: "dua"}}
    assert any("Baris 126" in e.value for e in at.error)


def test_without_the_sheet_an_editor_adds_it_in_one_click(monkeypatch, workbook_copy, users):
    book = openpyxl.load_workbook(workbook_copy)
    if L in book.sheetnames:  # a workbook made before the LKE sheet
        del book[L]
        book.save(workbook_copy)
    reader = _page(monkeypatch, workbook_copy, user=None)
    assert any("belum punya lembar LKE" in i.value for i in reader.info)
    assert not [b for b in reader.button if b.label == "Tambahkan lembar LKE"]
    at = _page(monkeypatch, workbook_copy)
    next(b for b in at.button if b.label == "Tambahkan lembar LKE").click().run()
    assert not at.exception
    plan = load_plan(workbook_copy)
    assert plan.has(L) and len(plan.frame(L)) == 181
    assert "budi" in set(plan.history[LogCol.USER])
    at.switch_page(PAGE).run()
    assert "Total" in _metrics(at)


def test_a_bad_answer_in_the_file_is_listed_and_the_page_goes_on(monkeypatch, with_lke, users):
    book = openpyxl.load_workbook(with_lke)
    sheet = book[L]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in range(2, sheet.max_row + 1) if str(sheet.cell(r, 1).value) == "7")
    sheet.cell(row, header.index(LkeCol.ANSWER) + 1).value = "D"  # an A/B/C question
    book.save(with_lke)
    at = _page(monkeypatch, with_lke)
    listed = "\n".join(t.value for t in at.get("text"))
    assert 'Lembar "LKE"' in listed and "baris" in listed and "Jawaban" in listed
    assert any("tidak sesuai" in e.value for e in at.error)
    assert "Total" in _metrics(at) and _widget(at, "radio", 7).value == ""


def test_linked_actions_done_but_the_answer_blank_are_flagged(monkeypatch, with_lke, users):
    plan = load_plan(with_lke)
    question, ids = next(iter(analysis.lke_links.question_actions(plan).items()))
    row = lke.bank().row(question)

    def flags() -> int:
        at = _open(_page(monkeypatch, with_lke), row.area, row.sub)
        linked = [d.value for d in at.dataframe if "Status" in d.value.columns]
        assert any(set(ids) <= set(frame["ID"]) for frame in linked)  # its actions beside it
        return sum("sudah Selesai" in w.value for w in at.warning)

    before = flags()
    book = openpyxl.load_workbook(with_lke)
    sheet = book[c.Sheet.ACTIONS]
    header = [cell.value for cell in sheet[1]]
    for r in range(2, sheet.max_row + 1):
        if sheet.cell(r, header.index(ActionCol.ID) + 1).value in ids:
            sheet.cell(r, header.index(ActionCol.STATUS) + 1).value = c.Status.DONE
            sheet.cell(r, header.index(ActionCol.PROGRESS) + 1).value = 100
    book.save(with_lke)
    assert (
        flags() > before
    )  # this question (and any other of its sub-component on the same actions)


def test_a_percentage_shows_the_jumlah_rows_outside_its_formula(monkeypatch, with_lke, users):
    at = _open(_page(monkeypatch, with_lke), "V", 173)  # LHKPN: [174] from [176]..[179]
    labels = [t.label for t in at.text_input if str(t.key).startswith("lke_")]
    assert len(labels) == 5 and sum("tidak masuk rumus" in label for label in labels) == 1


@pytest.mark.parametrize("user", [None, "budi"])
def test_workbook_text_on_the_page_is_drawn_literally(monkeypatch, tmp_path, users, user):
    path = hostile_workbook(tmp_path / "rencana_aksi.xlsx")
    if not load_plan(path).has(L):
        add_bank_lke(path)
    book = openpyxl.load_workbook(path)
    sheet = book[L]
    header = [cell.value for cell in sheet[1]]
    for r in range(2, sheet.max_row + 1):
        if str(sheet.cell(r, 1).value) in ("6", "7"):  # shown first; 7's answer a problem
            for column in (LkeCol.ANSWER, LkeCol.NOTES, LkeCol.LINKS):
                sheet.cell(r, header.index(column) + 1).value = HOSTILE
    book.save(path)
    at = _page(monkeypatch, path, user)
    assert all(markup(s, blocks=False) == [] for s in markdown_sources(at))
    assert any(HOSTILE in t.value for t in at.get("text"))  # the problem quotes it as typed


def test_a_draft_survives_a_logout_that_keeps_it(monkeypatch, with_lke, users) -> None:
    at = _page(monkeypatch, with_lke)
    _widget(at, "radio", 7).set_value("A").run()
    at.button(key="logout").click().run()
    next(b for b in at.button if b.label.startswith("Keluar, simpan draf")).click().run()
    assert not at.exception and Key.USER not in at.session_state
    assert DraftStore(with_lke).load("budi").typed(L) == {"7": {LkeCol.ANSWER: "A"}}
    at.session_state[Key.USER] = "budi"  # logged in again
    at.run()
    assert _widget(at, "radio", 7).value == "A"


def test_the_page_shows_what_lke_score_json_prints(monkeypatch, with_lke, users, capsys) -> None:
    answers = {"6": "Ya", "7": "B", "13": "C", "126": 3, "127": 4, "199": 3.6, "200": "B"}
    plan = load_plan(with_lke)
    changes = {L: {row: {LkeCol.ANSWER: value} for row, value in answers.items()}}
    save_changes(with_lke, changes, user="sari", base_version=plan.version)
    assert cli.main(["lke-score", "--workbook", str(with_lke), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["total"] > 0
    shown = _metrics(_page(monkeypatch, with_lke, user=None))
    for label, key, of in (("Total", "total", 100), ("Pengungkit", "pengungkit", 60)):
        assert shown[label] == f"{number(printed[key], 2)} / {of}"
    assert shown["Hasil"] == f"{number(printed['hasil'], 2)} / 40"
    assert shown["Predikat (penilaian mandiri)"] == printed["predikat"]

"""The Pengingat page under AppTest: a message per PIC, wa.me links, PICs without a contact."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests import factory
from zi_dash.analysis import reminder_text, reminders
from zi_dash.base import BASE_URL_ENV, ActionCol, ContactCol, escape_md
from zi_dash.base import contract as c
from zi_dash.edit import accounts
from zi_dash.ui import Key
from zi_dash.workbook import load_plan, save_changes

K = c.Sheet.CONTACTS
AS_OF = date(2022, 5, 1)
BASE = "https://zi.example.go.id"


@pytest.fixture
def users(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "users.json"
    accounts.add_user(path, "budi", "rahasia-123")
    monkeypatch.setenv(accounts.USERS_ENV, str(path))
    return path


def contacts_plan(path: Path) -> Path:
    """Late actions of two PICs with contacts; a third PIC (a markup name) without a row."""
    pic = ActionCol.PIC
    actions = [
        factory.action("I.1.1", c.Status.IN_PROGRESS, 20, "Maret 2022", **{pic: "Sekretaris"}),
        factory.action("I.1.2", c.Status.NOT_STARTED, 0, "Februari 2022", **{pic: "Kasubbag TP"}),
        factory.action("II.1.1", c.Status.NOT_STARTED, 0, "Maret 2022", **{pic: "Sekretaris"}),
    ]
    factory.make_workbook(path, actions)
    version = load_plan(path).version
    typed = {
        "Sekretaris": {ContactCol.PHONE: "0812-3456-7890"},
        "Kasubbag TP": {ContactCol.PHONE: "+62 857 1111 2222"},
    }
    save_changes(path, {K: typed}, user="budi", base_version=version)
    factory.save_now(path, {c.Sheet.ACTIONS: {"II.1.1": {pic: "**Bendahara** <b>x</b>"}}})
    return path


@pytest.fixture
def workbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(BASE_URL_ENV, BASE)
    return contacts_plan(tmp_path / "w.xlsx")


def _page(monkeypatch, workbook: Path, user: str | None = None):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("ZI_WORKBOOK", str(workbook))
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"))
    at.default_timeout = 60
    if user:
        at.session_state[Key.USER] = user
    at.session_state[Key.AS_OF] = AS_OF
    at.run()
    return at.switch_page("pages/pengingat.py").run()


def _links(at) -> dict[str, str]:
    return {b.proto.label: b.proto.url for b in at.get("link_button")}


def test_each_pic_gets_its_message_and_a_wa_link_with_its_number(monkeypatch, workbook) -> None:
    at = _page(monkeypatch, workbook)
    assert not at.exception
    plan = load_plan(workbook)
    found = {r.pic: r for r in reminders.reminders(plan, AS_OF)}
    codes = [el.value for el in at.code]
    links = _links(at)
    for pic, shown, digits in [
        ("Sekretaris", "0812-3456-7890", "6281234567890"),
        ("Kasubbag TP", "+62 857 1111 2222", "6285711112222"),
    ]:
        text = reminder_text.pic_message(found[pic], AS_OF, plan.info.unit, BASE)
        assert text in codes
        (label,) = [k for k in links if k.startswith("Kirim lewat") and shown[-4:] in k]
        assert label == f"Kirim lewat WhatsApp ke {escape_md(shown)}"
        url = urlsplit(links[label])
        assert (url.scheme, url.netloc, url.path) == ("https", "wa.me", f"/{digits}")
        assert parse_qs(url.query)["text"] == [text]
        assert f"{BASE}/sunting_aksi?aksi=I.1." in text


def test_the_group_summary_has_a_link_without_a_number(monkeypatch, workbook) -> None:
    at = _page(monkeypatch, workbook)
    group = urlsplit(_links(at)["Kirim ke grup lewat WhatsApp"])
    assert group.path == "/"
    (text,) = parse_qs(group.query)["text"]
    assert text == at.code[0].value and "Sekretaris" in text and "Kasubbag TP" in text


def test_a_pic_without_a_contact_is_listed_escaped(monkeypatch, workbook) -> None:
    at = _page(monkeypatch, workbook)
    (warning,) = [w.value for w in at.warning]
    assert "tanpa baris Kontak" in warning
    assert r"\*\*Bendahara\*\*" in warning and "**Bendahara**" not in warning.replace("\\*", "")
    assert not any("Bendahara" in label for label in _links(at))  # no number: no link


def test_an_editor_adds_the_missing_pic_to_the_kontak_sheet(monkeypatch, workbook, users) -> None:
    at = _page(monkeypatch, workbook, user="budi")
    next(b for b in at.button if b.label == "Tambahkan ke lembar Kontak").click().run()
    assert not at.exception
    assert list(load_plan(workbook).contacts[ContactCol.PIC])[-1] == "**Bendahara** <b>x</b>"
    assert not at.warning


def test_a_bad_number_typed_in_the_grid_is_refused_on_save(monkeypatch, workbook, users) -> None:
    at = _page(monkeypatch, workbook, user="budi")
    before = workbook.read_bytes()
    key = Key.EDITOR.format(K, at.session_state[Key.GRID.format(K)][0])
    at.session_state[key] = {
        "edited_rows": {0: {ContactCol.PHONE: "12345"}}, "added_rows": [], "deleted_rows": []
    }  # fmt: skip
    at.run()
    assert not at.exception
    # The review refuses it before any save: the cell named with why, and no Simpan button.
    assert any("ditolak" in e.value for e in at.error)
    (review,) = [f.value.values.tolist() for f in at.dataframe[1:]]
    assert review[0][:4] == ["Sekretaris", ContactCol.PHONE, "0812-3456-7890", "12345"]
    assert "bukan nomor WA" in review[0][4]
    assert not [b for b in at.button if b.label.startswith("Simpan")]
    assert workbook.read_bytes() == before


def test_a_number_typed_badly_in_excel_is_named_and_gets_no_wa_link(monkeypatch, workbook) -> None:
    import openpyxl

    book = openpyxl.load_workbook(workbook)
    book[K]["B3"] = "0857 <b>1111</b>"  # Kasubbag TP's number, mistyped in Excel
    book.save(workbook)
    at = _page(monkeypatch, workbook)
    assert not at.exception
    (listed,) = [w.value for w in at.warning if "belum dapat dipakai" in w.value]
    where = 'Kasubbag TP · Lembar "Kontak", baris 3, kolom "Nomor WA" (B3)'
    assert escape_md(where) in listed
    assert escape_md('"0857 <b>1111</b>"') in listed  # the typed text, drawn literally
    links = _links(at)
    assert not any("0857" in label for label in links)  # no wa.me link to a wrong number
    assert any(escape_md("0812-3456-7890") in label for label in links)  # the other PIC keeps hers
    # The PIC's message is still there to copy, with why the link is missing.
    assert any("bukan nomor WA" in w.value for w in at.warning if "Kasubbag" not in w.value)

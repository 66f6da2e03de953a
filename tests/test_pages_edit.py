"""The Sunting pages under AppTest: login, an edit, the preview, the save and what refuses it."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from zi_dash import auth, uploads
from zi_dash import contract as c
from zi_dash.config import WORKBOOK_ENV
from zi_dash.contract import ActionCol, EvidenceCol, LogCol
from zi_dash.saving import save_changes
from zi_dash.ui import Key
from zi_dash.workbook import load_plan

APP = str(Path(__file__).resolve().parent.parent / "app.py")
A, E = c.Sheet.ACTIONS, c.Sheet.EVIDENCE


@pytest.fixture
def users(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "users.json"
    auth.add_user(path, "budi", "rahasia-123")
    monkeypatch.setenv(auth.USERS_ENV, str(path))
    return path


def _page(monkeypatch, workbook: Path, page: str, user: str | None = "budi") -> AppTest:
    monkeypatch.setenv(WORKBOOK_ENV, str(workbook))
    at = AppTest.from_file(APP, default_timeout=60)
    if user:
        at.session_state[Key.USER] = user
    at.run()
    return at.switch_page(page).run()


def _edit(at: AppTest, sheet: str, rows: dict[int, dict[str, object]]) -> AppTest:
    key = Key.EDITOR.format(sheet, at.session_state[Key.EDITOR_GEN])
    at.session_state[key] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    return at.run()


def _save_button(at: AppTest):
    return next(b for b in at.button if b.label.startswith("Simpan"))


def test_a_viewer_sees_the_login_form_and_no_editor(monkeypatch, workbook_copy, users) -> None:
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py", user=None)
    assert not at.exception
    assert [t.label for t in at.text_input] == ["Nama pengguna", "Kata sandi"]
    assert len(at.dataframe) == 0


def test_login_with_the_right_password(monkeypatch, workbook_copy, users) -> None:
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py", user=None)
    at.text_input(key=Key.LOGIN_NAME).input("Budi")
    at.text_input(key=Key.LOGIN_PASSWORD).input("rahasia-123")
    at.button[0].click().run()
    assert not at.exception and at.session_state[Key.USER] == "budi"
    # AppTest starts st.rerun() on the default page; a browser stays (checked with Playwright).
    at.switch_page("pages/sunting_aksi.py").run()
    assert len(at.dataframe) == 1


def test_a_wrong_password_is_refused(monkeypatch, workbook_copy, users) -> None:
    monkeypatch.setattr("zi_dash.ui.time.sleep", lambda s: None)
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py", user=None)
    at.text_input(key=Key.LOGIN_NAME).input("budi")
    at.text_input(key=Key.LOGIN_PASSWORD).input("salah-sandi")
    at.button[0].click().run()
    assert at.error[0].value == "Nama pengguna atau kata sandi salah."
    assert Key.USER not in at.session_state


def test_no_accounts_yet_says_how_to_add_one(monkeypatch, workbook_copy, tmp_path) -> None:
    monkeypatch.setenv(auth.USERS_ENV, str(tmp_path / "none.json"))
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py", user=None)
    assert "add-user" in at.warning[0].value


def test_edit_preview_and_save_an_action(monkeypatch, workbook_copy, users) -> None:
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py")
    assert not at.exception
    at = _edit(at, A, {0: {ActionCol.STATUS: c.Status.DONE, ActionCol.PIC: "Sekretaris"}})
    preview = at.dataframe[1].value
    assert preview.values.tolist() == [
        ["I.1.1", ActionCol.STATUS, c.Status.NOT_STARTED, c.Status.DONE],
        ["I.1.1", ActionCol.PIC, "", "Sekretaris"],
        ["I.1.1", ActionCol.PROGRESS, "0", "100"],
    ]
    assert any("progres diisi 100" in cap.value for cap in at.caption)
    _save_button(at).click().run()
    assert not at.exception
    plan = load_plan(workbook_copy)
    row = plan.actions.set_index(ActionCol.ID).loc["I.1.1"]
    assert (row[ActionCol.STATUS], row[ActionCol.PROGRESS], row[ActionCol.PIC]) == (
        c.Status.DONE,
        100.0,
        "Sekretaris",
    )
    assert set(plan.history[LogCol.USER]) == {"budi"} and len(plan.history) == 3
    assert [t.value for t in at.toast] == ["Tersimpan: 3 sel diubah oleh budi."]
    # The overview reads the saved workbook at once.
    at.switch_page("pages/ringkasan.py").run()
    shown = {m.label: m.value for m in at.metric}
    assert shown["Selesai"] == "1" and shown["Belum mulai"] == "69"


def test_edits_survive_a_filter_change_and_are_keyed_by_id(monkeypatch, workbook_copy, users):
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py")
    at = _edit(at, A, {1: {ActionCol.NOTES: "baris kedua"}})  # row 2 of the full table: I.2.1
    at.multiselect(key=f"edit_areas_{A}").select("II").run()
    frame = at.dataframe[0].value
    assert set(frame[ActionCol.ID].str.split(".").str[0]) == {"II"}
    at = _edit(at, A, {0: {ActionCol.NOTES: "area dua"}})  # row 1 of the filtered table
    preview = at.dataframe[1].value
    assert sorted(preview[["ID", "Nilai baru"]].values.tolist()) == [
        ["I.2.1", "baris kedua"],
        [frame[ActionCol.ID].iloc[0], "area dua"],
    ]


def test_an_invalid_value_is_explained_and_cannot_be_saved(monkeypatch, workbook_copy, users):
    before = workbook_copy.read_bytes()
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py")
    at = _edit(at, A, {0: {ActionCol.PROGRESS: 250}})
    assert "0–100" in at.text[0].value and "(N2)" in at.text[0].value
    assert _save_button(at).disabled
    assert workbook_copy.read_bytes() == before


def test_excel_holding_the_file_refuses_and_keeps_the_edit(monkeypatch, workbook_copy, users):
    at = _page(monkeypatch, workbook_copy, "pages/sunting_bukti.py")
    at = _edit(at, E, {0: {EvidenceCol.STATUS: c.EvidenceStatus.PRESENT}})
    owner = workbook_copy.with_name(f"~${workbook_copy.name}")
    owner.write_bytes(bytes([4]) + b"Siti".ljust(53) + bytes([4, 0]) + "Siti".encode("utf-16-le"))
    _save_button(at).click().run()
    assert not at.exception
    assert "Siti" in at.text[-1].value and "Penyimpanan gagal" in at.error[0].value
    assert len(at.dataframe) == 2  # the edit and its preview are still there
    assert load_plan(workbook_copy).history.empty


def test_the_bukti_page_offers_uploaded_files(monkeypatch, workbook_copy, users) -> None:
    link = uploads.store(workbook_copy, "I.1.1", "notulen.pdf", b"%PDF-1.4\n")
    plan = load_plan(workbook_copy)
    save_changes(
        workbook_copy,
        {E: {"I.1.1/1": {EvidenceCol.LINK: link}}},
        user="budi",
        base_version=plan.version,
    )
    at = _page(monkeypatch, workbook_copy, "pages/bukti.py", user=None)
    assert not at.exception
    assert at.selectbox[0].options == ["I.1.1/1 · notulen.pdf"]
    assert [b.proto.label for b in at.get("download_button")][-1] == "Unduh berkas"

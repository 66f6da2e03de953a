"""The Sunting pages under AppTest: login, an edit, the preview, the save and what refuses it."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import factory
from tests.markup import shown as shown_text
from tests.readonly import make_read_only
from zi_dash.analysis import lke_links
from zi_dash.base import ActionCol, EvidenceCol, LogCol
from zi_dash.base import contract as c
from zi_dash.edit import DraftStore, accounts, editing, uploads, versions
from zi_dash.ui import Key
from zi_dash.workbook import load_plan, save_changes

A, E = c.Sheet.ACTIONS, c.Sheet.EVIDENCE


@pytest.fixture
def users(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "users.json"
    accounts.add_user(path, "budi", "rahasia-123")
    monkeypatch.setenv(accounts.USERS_ENV, str(path))
    return path


def _page(monkeypatch, workbook: Path, page: str, user: str | None = "budi") -> AppTest:
    return factory.run_page(monkeypatch, workbook, page, user)


def _edit(at: AppTest, sheet: str, rows: dict[int, dict[str, object]]) -> AppTest:
    """Type into the grid: the widget state of the editor now shown, by row position."""
    key = Key.EDITOR.format(sheet, at.session_state[Key.GRID.format(sheet)][0])
    at.session_state[key] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    return at.run()


def _review(at: AppTest):
    """The review table (the first dataframe after the grid, not the LKE list), as rows."""
    frames = [f.value for f in at.dataframe[1:] if lke_links.SOURCE not in f.value.columns]
    return frames[0].values.tolist() if frames else []


def _grid(at: AppTest):
    return at.dataframe[0].value


def _save_button(at: AppTest):
    return next(b for b in at.button if b.label.startswith("Simpan"))


def _save_buttons(at: AppTest) -> list[str]:
    return [b.label for b in at.button if b.label.startswith("Simpan")]


def test_a_viewer_sees_the_login_form_and_no_editor(monkeypatch, workbook_copy, users) -> None:
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py", user=None)
    assert not at.exception
    assert [t.label for t in at.text_input] == ["Nama pengguna", "Kata sandi"]
    assert len(at.dataframe) == 0


def test_login_with_the_right_password(monkeypatch, workbook_copy, users) -> None:
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py", user=None)
    at.text_input(key=Key.LOGIN_NAME).input("Budi")
    at.text_input(key=Key.LOGIN_PASSWORD).input("rahasia-123")
    next(b for b in at.button if b.label == "Masuk").click().run()
    assert not at.exception and at.session_state[Key.USER] == "budi"
    # AppTest starts st.rerun() on the default page; a browser stays (checked with Playwright).
    at.switch_page("pages/sunting_aksi.py").run()
    assert len(at.dataframe) == 2  # the grid, then the LKE questions per action


def test_a_wrong_password_is_refused(monkeypatch, workbook_copy, users) -> None:
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py", user=None)
    at.text_input(key=Key.LOGIN_NAME).input("budi")
    at.text_input(key=Key.LOGIN_PASSWORD).input("salah-sandi")
    next(b for b in at.button if b.label == "Masuk").click().run()
    assert at.error[0].value == "Nama pengguna atau kata sandi salah."
    assert Key.USER not in at.session_state


def test_no_accounts_yet_says_how_to_add_one(monkeypatch, workbook_copy, tmp_path) -> None:
    monkeypatch.setenv(accounts.USERS_ENV, str(tmp_path / "none.json"))
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py", user=None)
    assert any("add-user" in w.value for w in at.warning)


def test_edit_preview_and_save_an_action(monkeypatch, workbook_copy, users) -> None:
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py")
    assert not at.exception
    at = _edit(at, A, {0: {ActionCol.STATUS: c.Status.DONE, ActionCol.PIC: "Sekretaris"}})
    assert _review(at) == [
        ["I.1.1", ActionCol.STATUS, c.Status.NOT_STARTED, c.Status.DONE, ""],
        ["I.1.1", ActionCol.PIC, "", "Sekretaris", ""],
        ["I.1.1", ActionCol.PROGRESS, "0", "100", editing.Mark.AUTO],
    ]
    # The grid shows what the rule adds before anything is saved.
    assert _grid(at).loc[0, ActionCol.PROGRESS] == "100"
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
    assert [shown_text(t.value) for t in at.toast] == ["Tersimpan: 3 sel diubah oleh budi."]
    assert DraftStore(workbook_copy).load("budi").count() == 0  # a save clears the draft
    # The overview reads the saved workbook at once.
    at.switch_page("pages/ringkasan.py").run()
    shown = {m.label: m.value for m in at.metric}
    assert shown["Selesai"] == "1" and shown["Belum mulai"] == "69"


def test_a_draft_survives_a_page_switch_and_a_new_session(monkeypatch, workbook_copy, users):
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py")
    at = _edit(at, A, {1: {ActionCol.NOTES: "catatan penting"}})  # I.2.1
    assert _save_button(at).label == "Simpan 1 perubahan"
    at.switch_page("pages/ringkasan.py").run()
    at.switch_page("pages/sunting_aksi.py").run()
    assert _review(at) == [["I.2.1", ActionCol.NOTES, "", "catatan penting", ""]]
    assert _grid(at).loc[1, ActionCol.NOTES] == "catatan penting"
    # A reload is a new session: after logging in again the draft is back, with its age.
    again = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py")
    assert _review(again) == [["I.2.1", ActionCol.NOTES, "", "catatan penting", ""]]
    assert any("baru saja" in cap.value for cap in again.caption)
    assert load_plan(workbook_copy).history.empty  # nothing was written to the workbook


def test_a_read_only_folder_keeps_the_typed_value_on_screen_and_says_so(
    monkeypatch, workbook_copy, users
) -> None:
    # Drafts are written at every keystroke; a read-only data folder was a traceback.
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py")
    make_read_only(monkeypatch, workbook_copy.parent)
    at = _edit(at, A, {1: {ActionCol.NOTES: "catatan penting"}})  # I.2.1
    assert not at.exception
    said = [w.value for w in at.warning if "Draf" in w.value]
    assert len(said) == 1
    assert said[0].startswith("**Draf tidak dapat disimpan di server.**")
    warning = shown_text(said[0])
    assert "tidak ada izin menulis (hanya-baca)" in warning and "unduh draf" in warning
    assert "Permission denied" not in warning
    assert _grid(at).loc[1, ActionCol.NOTES] == "catatan penting"
    assert _review(at) == [["I.2.1", ActionCol.NOTES, "", "catatan penting", ""]]
    at.run()  # any later run: still on screen, still said
    assert not at.exception and sum("Draf tidak dapat" in w.value for w in at.warning) == 1
    assert _grid(at).loc[1, ActionCol.NOTES] == "catatan penting"
    _save_button(at).click().run()  # the workbook's folder refuses too: said, not a traceback
    assert not at.exception
    assert any("tidak ada izin menulis" in t.value for t in at.get("text"))
    assert _grid(at).loc[1, ActionCol.NOTES] == "catatan penting"


def test_another_editor_never_sees_my_draft(monkeypatch, workbook_copy, users) -> None:
    accounts.add_user(users, "ani", "rahasia-456")
    ani = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py", user="ani")
    _edit(ani, A, {0: {ActionCol.NOTES: "tulisan Ani"}})
    budi = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py", user="budi")
    assert _review(budi) == []
    assert any("Belum ada perubahan" in cap.value for cap in budi.caption)
    assert DraftStore(workbook_copy).load("ani").typed(A) == {
        "I.1.1": {ActionCol.NOTES: "tulisan Ani"}
    }


def test_logout_with_a_draft_asks_first(monkeypatch, workbook_copy, users) -> None:
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py")
    at = _edit(at, A, {0: {ActionCol.NOTES: "belum disimpan"}})
    at.button(key="logout").click().run()
    assert at.session_state[Key.USER] == "budi"  # not logged out yet: asked first
    assert "1 perubahan yang belum disimpan" in at.sidebar.warning[0].value
    labels = [b.label for b in at.button]
    assert "Buang perubahan dan keluar" in labels and "Keluar, simpan draf untuk nanti" in labels
    next(b for b in at.button if b.label == "Buang perubahan dan keluar").click().run()
    assert Key.USER not in at.session_state
    assert DraftStore(workbook_copy).load("budi").count() == 0


def test_edits_follow_the_sidebar_filter_and_stay_keyed_by_id(monkeypatch, workbook_copy, users):
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py")
    at = _edit(at, A, {1: {ActionCol.NOTES: "baris kedua"}})  # row 2 of the full table: I.2.1
    at.session_state[Key.AREAS] = ["V"]
    at.run()
    frame = _grid(at)
    assert set(frame[ActionCol.ID].str.split(".").str[0]) == {"V"}
    assert any("di luar saringan" in i.value for i in at.info)
    at = _edit(at, A, {0: {ActionCol.NOTES: "area lima"}})  # row 1 of the filtered table
    assert _review(at) == [[frame[ActionCol.ID].iloc[0], ActionCol.NOTES, "", "area lima", ""]]
    at.session_state[Key.AREAS] = []
    at.run()
    assert sorted(r[3] for r in _review(at)) == ["area lima", "baris kedua"]


def test_the_upload_list_follows_the_sidebar_filter(monkeypatch, workbook_copy, users) -> None:
    at = _page(monkeypatch, workbook_copy, "pages/sunting_bukti.py")
    at.session_state[Key.AREAS] = ["V"]
    at.run()
    assert {o.split(" ")[0].split(".")[0] for o in at.selectbox[0].options} == {"V"}


def test_an_upload_into_a_read_only_folder_is_said(monkeypatch, workbook_copy, users) -> None:
    at = _page(monkeypatch, workbook_copy, "pages/sunting_bukti.py")
    before = workbook_copy.read_bytes()
    make_read_only(monkeypatch, workbook_copy.parent)
    pdf = ("Notulen.pdf", b"%PDF-1.4\n% uji\n", "application/pdf")
    at.get("file_uploader")[0].set_value(pdf)
    next(b for b in at.button if b.label == "Unggah dan simpan").click().run()
    assert not at.exception
    assert at.error[0].value == "Berkas tidak disimpan dan workbook tidak diubah."
    assert "tidak ada izin menulis (hanya-baca)" in at.text[-1].value
    assert workbook_copy.read_bytes() == before


@pytest.mark.parametrize(
    ("typed", "expected", "message"),
    [
        ("40.5", "40,5", ""),
        ("40.5", "40,5", ""),
        ("-5", None, 'I.1.1, kolom "Progres (%)": nilai -5 di luar rentang 0–100.'),
        ("150", None, 'I.1.1, kolom "Progres (%)": nilai 150 di luar rentang 0–100.'),
        ("empat puluh", None, "bukan angka"),
    ],
)
def test_typed_progress_is_kept_exactly_or_refused_by_id(
    monkeypatch, workbook_copy, users, typed, expected, message
) -> None:
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py")
    at = _edit(at, A, {0: {ActionCol.PROGRESS: typed}})
    assert not at.exception
    if expected is None:
        assert message in at.text[0].value
        assert not _save_buttons(at)  # nothing that can be saved: no button to press
        assert _review(at)[0][3] == typed  # shown as typed, never changed
        return
    assert _review(at)[:2] == [
        ["I.1.1", ActionCol.PROGRESS, "0", expected, ""],
        ["I.1.1", ActionCol.STATUS, c.Status.NOT_STARTED, c.Status.IN_PROGRESS, editing.Mark.AUTO],
    ]
    _save_button(at).click().run()
    row = load_plan(workbook_copy).actions.set_index(ActionCol.ID).loc["I.1.1"]
    assert row[ActionCol.PROGRESS] == 40.5


def test_a_long_note_is_kept_whole(monkeypatch, workbook_copy, users) -> None:
    note = ("Rapat evaluasi. " * 700)[:10_000]
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py")
    at = _edit(at, A, {0: {ActionCol.NOTES: note}})
    _save_button(at).click().run()
    assert load_plan(workbook_copy).actions[ActionCol.NOTES].iloc[0] == note.strip()


def test_one_bad_row_keeps_the_review_and_the_good_rows_save(monkeypatch, workbook_copy, users):
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py")
    at = _edit(
        at,
        A,
        {
            0: {ActionCol.NOTES: "baik"},
            1: {ActionCol.START: "2022-04-15", ActionCol.END: "2022-04-10"},
        },
    )
    lines = _review(at)
    assert lines[0] == ["I.1.1", ActionCol.NOTES, "", "baik", ""]
    assert [r[0] for r in lines[1:]] == ["I.2.1", "I.2.1"]
    assert "tanggal Selesai 10/04/2022 sebelum tanggal Mulai 15/04/2022" in lines[2][4]
    assert 'I.2.1, kolom "Selesai"' in at.text[0].value  # named by the ID the user sees
    assert _save_button(at).label == "Simpan 1 perubahan" and not _save_button(at).disabled
    assert any(b.proto.label == "Unduh draf (.xlsx)" for b in at.get("download_button"))
    _save_button(at).click().run()
    plan = load_plan(workbook_copy)
    assert plan.history[LogCol.ID].tolist() == ["I.1.1"]
    # The bad row stays in the draft, on screen, to be fixed.
    assert set(DraftStore(workbook_copy).load("budi").typed(A)) == {"I.2.1"}
    assert [r[0] for r in _review(at)] == ["I.2.1", "I.2.1"]


def test_a_derived_change_against_someone_elses_save_is_a_conflict(
    monkeypatch, workbook_copy, users
) -> None:
    plan = load_plan(workbook_copy)
    row = 1  # I.2.1
    save_changes(workbook_copy, {A: {"I.2.1": {ActionCol.STATUS: c.Status.IN_PROGRESS}}},
                 user="admin", base_version=plan.version)  # fmt: skip
    budi = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py")
    accounts.add_user(users, "ani", "rahasia-456")
    ani = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py", user="ani")
    ani = _edit(ani, A, {row: {ActionCol.STATUS: c.Status.NOT_STARTED}})
    _save_button(ani).click().run()
    budi = _edit(budi, A, {row: {ActionCol.PROGRESS: "25"}})
    # The two versions side by side, each whole; the grid shows Budi's, not half of each.
    assert _review(budi) == [
        ["I.2.1", ActionCol.STATUS, c.Status.IN_PROGRESS, c.Status.NOT_STARTED],
        ["I.2.1", ActionCol.PROGRESS, "25", "0"],
    ]
    assert list(budi.dataframe[1].value.columns)[2:] == [versions.MINE, versions.THEIRS]
    grid = _grid(budi).set_index(ActionCol.ID).loc["I.2.1"]
    assert (grid[ActionCol.STATUS], grid[ActionCol.PROGRESS]) == (c.Status.IN_PROGRESS, "25")
    assert "Belum Mulai" in budi.text[0].value and "progres 25 %" in budi.text[0].value
    # The two choices only: no save button that cannot be pressed.
    assert not _save_buttons(budi)
    assert [b.label for b in budi.button if b.label.startswith("Pakai nilai")] == [
        "Pakai nilai saya untuk yang bentrok",
        "Pakai nilai terbaru di workbook",
    ]
    saved = load_plan(workbook_copy).actions.set_index(ActionCol.ID).loc["I.2.1"]
    assert (saved[ActionCol.STATUS], saved[ActionCol.PROGRESS]) == (c.Status.NOT_STARTED, 0)
    # Budi keeps his value knowingly: then it saves, and the log tells the truth.
    next(b for b in budi.button if b.label.startswith("Pakai nilai saya")).click().run()
    _save_button(budi).click().run()
    log = load_plan(workbook_copy).history
    assert log[[LogCol.USER, LogCol.COLUMN, LogCol.OLD, LogCol.NEW]].values.tolist()[-2:] == [
        ["budi", ActionCol.PROGRESS, "0", "25"],
        ["budi", ActionCol.STATUS, c.Status.NOT_STARTED, c.Status.IN_PROGRESS],
    ]


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


def test_keluar_right_after_typing_still_asks_and_keeps_the_edit(
    monkeypatch, workbook_copy, users
) -> None:
    # The click reaches Python in the same run as the cell typed just before it: the sidebar
    # runs before the page, so it must read the grid's edit itself.
    at = _page(monkeypatch, workbook_copy, "pages/sunting_aksi.py")
    key = Key.EDITOR.format(A, at.session_state[Key.GRID.format(A)][0])
    at.session_state[key] = {
        "edited_rows": {0: {ActionCol.NOTES: "baru diketik"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.button(key="logout").click().run()
    assert at.session_state[Key.USER] == "budi"
    assert "1 perubahan yang belum disimpan" in at.sidebar.warning[0].value
    assert DraftStore(workbook_copy).load("budi").typed(A) == {
        "I.1.1": {ActionCol.NOTES: "baru diketik"}
    }

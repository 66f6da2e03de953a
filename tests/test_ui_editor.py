"""The Sunting widgets in small AppTest scripts: the login gate, the account box and its
logout choices, the toast a save leaves, the grid's column types. The whole edit–review–save
flow runs on the real pages in tests/test_pages_edit.py."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from tests import factory
from tests.markup import shown
from zi_dash.base import WORKBOOK_ENV, ActionCol, EvidenceCol, format_date
from zi_dash.base import contract as c
from zi_dash.edit import DraftStore, accounts, throttle
from zi_dash.ui import Key, editor

A = c.Sheet.ACTIONS


@pytest.fixture
def workbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = factory.mixed(tmp_path / "mixed.xlsx")
    monkeypatch.setenv(WORKBOOK_ENV, str(path))
    return path


@pytest.fixture
def users(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "users.json"
    accounts.add_user(path, "budi", "rahasia-123")
    monkeypatch.setenv(accounts.USERS_ENV, str(path))
    return path


def _app(script, user: str | None = None) -> AppTest:
    at = AppTest.from_function(script, default_timeout=30)
    if user:
        at.session_state[Key.USER] = user
    return at


@pytest.mark.parametrize(
    ("ago", "said"),
    [
        (timedelta(seconds=10), "baru saja"),
        (timedelta(minutes=3, seconds=5), "3 menit lalu"),
        (timedelta(hours=2, minutes=59), "2 jam lalu"),
        (timedelta(days=2, hours=1), "2 hari lalu"),
    ],
)
def test_when_a_draft_was_typed(ago: timedelta, said: str) -> None:
    moment = datetime.now() - ago
    assert editor.when(moment) == f"{format_date(moment.date())} pukul {moment:%H.%M} ({said})"


def _gate() -> None:
    import streamlit as st

    from zi_dash import ui

    user = ui.require_editor()
    st.write(f"halaman penyunting untuk {user}")


def test_a_logged_in_editor_passes_the_gate(users: Path) -> None:
    at = _app(_gate, user="budi").run()
    assert [m.value for m in at.markdown] == ["halaman penyunting untuk budi"]
    assert not at.text_input and not at.info


def test_a_visitor_gets_the_login_form_and_nothing_else(users: Path) -> None:
    at = _app(_gate).run()
    assert at.info[0].value.startswith("Halaman ini untuk penyunting.")
    assert [t.label for t in at.text_input] == ["Nama pengguna", "Kata sandi"]
    assert at.text_input(key=Key.LOGIN_PASSWORD).proto.type == 1  # PASSWORD: never shown
    assert not at.markdown  # the page stopped at the form


def test_a_damaged_users_file_is_said_and_stops_the_page(tmp_path, monkeypatch) -> None:
    path = tmp_path / "users.json"
    path.write_text("{rusak")
    monkeypatch.setenv(accounts.USERS_ENV, str(path))
    at = _app(_gate).run()
    assert not at.exception
    assert len(at.error) == 1 and "tidak dapat dibaca" in at.error[0].value
    assert not at.text_input and not at.markdown


def test_accounts_from_the_secrets_can_log_in(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(accounts.USERS_ENV, str(tmp_path / "none.json"))  # no users file
    hashed = tmp_path / "h.json"
    accounts.add_user(hashed, "ani", "sandi-rahasia")
    at = _app(_gate)
    at.secrets["users"] = {"Ani": accounts.load_users(hashed)["ani"]}
    at.run()
    assert not at.warning  # not "no accounts yet"
    at.text_input(key=Key.LOGIN_NAME).input("ani")
    at.text_input(key=Key.LOGIN_PASSWORD).input("sandi-rahasia")
    at.button[0].click().run()
    assert at.session_state[Key.USER] == "ani"
    assert [m.value for m in at.markdown] == ["halaman penyunting untuk ani"]


def test_a_broken_secrets_file_is_said_and_the_other_accounts_still_log_in(
    tmp_path, monkeypatch, users
) -> None:
    # It used to drop its accounts silently: the editors in it could not log in, unsaid.
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[users]\nani = "$argon2id$belum-ditutup\n', encoding="utf-8")
    real_get_option = st_config.get_option

    def get_option(key: str):
        return [str(secrets)] if key == "secrets.files" else real_get_option(key)

    monkeypatch.setattr(st_config, "get_option", get_option)
    at = _app(_gate).run()
    assert not at.exception
    assert len(at.error) == 1
    said = shown(at.error[0].value)
    assert f'Berkas "{secrets}" tidak dapat dibaca: isinya bukan TOML yang sah' in said
    assert "[users]" in said
    at = _try(at, "budi", "rahasia-123")  # from the users file
    assert at.session_state[Key.USER] == "budi"


def _try(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input(key=Key.LOGIN_NAME).input(name)
    at.text_input(key=Key.LOGIN_PASSWORD).input(password)
    return at.button[0].click().run()


class Clock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


def test_failed_logins_count_across_sessions_and_lock_out_only_briefly(users, monkeypatch):
    # A new browser session used to start the count again. Here no address (localhost).
    clock = Clock()
    monkeypatch.setattr(throttle, "GUARD", throttle.Guard(clock))
    for session in range(throttle.ACCOUNT.free):  # each guess in a fresh session
        at = _try(_app(_gate).run(), "budi", f"tebakan-{session}")
        assert at.error[0].value.startswith("Nama pengguna atau kata sandi salah.")
    assert "Coba lagi pukul" in at.error[0].value  # said with the last wrong guess
    real = _try(_app(_gate).run(), "budi", "rahasia-123")  # the real user, a new session
    assert Key.USER not in real.session_state
    assert real.error[0].value.startswith("Terlalu banyak percobaan masuk yang gagal.")
    assert "sekitar 15 detik lagi" in real.error[0].value
    clock.now += throttle.ACCOUNT.cap  # never longer than this
    real = _try(real, "budi", "rahasia-123")
    assert real.session_state[Key.USER] == "budi"


def test_a_stranger_elsewhere_does_not_lock_out_the_real_users_address(users, monkeypatch):
    clock = Clock()
    monkeypatch.setattr(throttle, "GUARD", throttle.Guard(clock))
    address = {"now": "10.0.0.5"}
    monkeypatch.setattr(editor, "client_address", lambda: address["now"])
    assert _try(_app(_gate).run(), "budi", "rahasia-123").session_state[Key.USER] == "budi"
    address["now"] = "10.0.0.9"  # a stranger, guessing in one new session after another
    for session in range(20):
        clock.now += throttle.GUARD.wait("budi", "10.0.0.9")
        _try(_app(_gate).run(), "budi", f"tebakan-{session}")
    stranger = _try(_app(_gate).run(), "budi", "tebakan-lagi")
    assert "sekitar 15 menit lagi" in stranger.error[0].value
    address["now"] = "10.0.0.5"  # the real user, back at their own computer
    assert _try(_app(_gate).run(), "budi", "rahasia-123").session_state[Key.USER] == "budi"
    address["now"] = "10.0.0.7"  # from another computer: a minute at most
    elsewhere = _try(_app(_gate).run(), "budi", "rahasia-123")
    assert "sekitar 1 menit lagi" in elsewhere.error[0].value


def _box() -> None:
    import streamlit as st

    from zi_dash import ui

    ui.account_box()
    st.write(f"pengguna: {st.session_state.get(ui.Key.USER)}")


def test_a_visitor_has_no_account_box(workbook: Path) -> None:
    at = _app(_box).run()
    assert not at.sidebar.caption and not at.sidebar.button


def test_logging_out_without_a_draft_asks_nothing(workbook: Path) -> None:
    at = _app(_box, user="budi").run()
    assert at.sidebar.caption[0].value == "Masuk sebagai penyunting **budi**"
    at.button(key="logout").click().run()
    assert Key.USER not in at.session_state
    assert not at.sidebar.warning and not at.sidebar.caption
    assert at.markdown[0].value == "pengguna: None"


def _draft(workbook: Path, user: str = "budi") -> DraftStore:
    store = DraftStore(workbook)
    draft = store.load(user)
    draft.type(A, "I.1.1", ActionCol.NOTES, "belum disimpan", {ActionCol.NOTES: ""})
    store.save(draft)
    return store


@pytest.fixture
def asked(workbook: Path) -> AppTest:
    """Budi, with one unsaved cell, clicked Keluar: the box asks."""
    _draft(workbook)
    at = _app(_box, user="budi").run()
    at.button(key="logout").click().run()
    assert at.session_state[Key.ASK_LOGOUT] is True
    return at


def test_cancel_keeps_the_editor_and_the_draft(asked: AppTest, workbook: Path) -> None:
    next(b for b in asked.sidebar.button if b.label == "Batal").click().run()
    assert asked.session_state[Key.USER] == "budi"
    assert Key.ASK_LOGOUT not in asked.session_state
    assert [b.label for b in asked.sidebar.button] == ["Keluar"]
    assert DraftStore(workbook).load("budi").count() == 1


def test_log_out_keeping_the_draft_for_later(asked: AppTest, workbook: Path) -> None:
    asked.session_state[Key.GRID.format(A)] = (1, ["I.1.1"], {})
    label = "Keluar, simpan draf untuk nanti"
    next(b for b in asked.sidebar.button if b.label == label).click().run()
    assert Key.USER not in asked.session_state
    assert Key.GRID.format(A) not in asked.session_state  # the next editor starts afresh
    assert DraftStore(workbook).load("budi").typed(A) == {
        "I.1.1": {ActionCol.NOTES: "belum disimpan"}
    }


def _saver() -> None:
    import streamlit as st

    from zi_dash import ui
    from zi_dash.base import contract as c

    ui.flash()
    if st.button("simpan"):
        ui.saved("Tersimpan: 1 sel diubah oleh budi.", c.Sheet.ACTIONS)


def test_a_save_leaves_a_toast_and_a_fresh_grid(workbook: Path) -> None:
    at = _app(_saver)
    at.session_state[Key.GRID.format(A)] = (3, ["I.1.1"], {})
    at.run()
    assert not at.toast
    at.button[0].click().run()
    assert [shown(t.value) for t in at.toast] == ["Tersimpan: 1 sel diubah oleh budi."]
    assert Key.GRID.format(A) not in at.session_state
    assert Key.FLASH not in at.session_state  # shown once
    at.run()
    assert not at.toast


@pytest.mark.parametrize(
    ("sheet", "column", "kind", "extra"),
    [
        (A, ActionCol.ID, "text", {"disabled": True, "pinned": True}),
        (A, ActionCol.INDICATOR, "text", {"disabled": True}),  # the SK's text
        (A, ActionCol.STATUS, "selectbox", {"required": True}),
        (A, ActionCol.PROGRESS, "text", {}),  # text: the number editor drops decimals
        (A, ActionCol.START, "date", {}),
        (A, ActionCol.NOTES, "text", {}),
        (c.Sheet.EVIDENCE, EvidenceCol.STATUS, "selectbox", {"required": True}),
        (c.Sheet.EVIDENCE, EvidenceCol.LINK, "text", {}),
    ],
)
def test_the_grid_columns(sheet: str, column: str, kind: str, extra: dict[str, object]) -> None:
    config = editor._column(sheet, column)
    assert config["label"] == column
    assert config["type_config"]["type"] == kind
    assert {k: config.get(k) for k in extra} == extra
    if kind == "selectbox":
        assert config["type_config"]["options"] == list(c.EDITABLE[sheet].allowed[column])
    if column == ActionCol.PROGRESS:
        assert "desimal boleh" in config["help"]
    if kind == "date":
        assert config["type_config"]["format"] == "DD/MM/YYYY"

"""Folder mode under AppTest: a folder of satker workbooks and the app opened on it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.factory import action, make_workbook
from tests.markup import shown
from zi_dash.analysis import rollup
from zi_dash.base import FOLDER_ENV, WORKBOOK_ENV, ActionCol, Status
from zi_dash.base import contract as c
from zi_dash.edit import accounts
from zi_dash.ui import Key

APP = str(Path(__file__).resolve().parent.parent / "app.py")
AS_OF = date(2022, 5, 1)


def make_folder(tmp_path: Path, real_workbook: Path) -> Path:
    """Tegal 2022 (the SK) and 2023, Brebes 2022 twice (a duplicate), one broken file."""
    where = tmp_path / "zi"
    where.mkdir()
    shutil.copyfile(real_workbook, where / "a_tegal_2022.xlsx")
    make_workbook(where / "b_tegal_2023.xlsx", [action("I.1.1", target="April 2023")], year=2023)
    brebes = [action("I.1.1", Status.DONE, 100), action("II.1.1", Status.IN_PROGRESS, 50)]
    make_workbook(where / "c_brebes.xlsx", brebes, unit="KPU Kabupaten Brebes")
    make_workbook(where / "d_brebes_salinan.xlsx", brebes, unit="KPU Kabupaten Brebes")
    (where / "e_rusak.xlsx").write_bytes(b"PK bukan workbook")
    return where


def open_app(monkeypatch: pytest.MonkeyPatch, where: Path, user: str | None = None) -> AppTest:
    """The app in folder mode on `where`, as of AS_OF, run once (logged in as `user`)."""
    rollup.forget()
    monkeypatch.setenv(FOLDER_ENV, str(where))
    monkeypatch.delenv(WORKBOOK_ENV, raising=False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[Key.AS_OF] = AS_OF
    if user:
        at.session_state[Key.USER] = user
    return at.run()


def open_editor_app(monkeypatch: pytest.MonkeyPatch, where: Path, tmp_path: Path) -> AppTest:
    """The app with the editor budi (an account in a users file) logged in."""
    users = tmp_path / "users.json"
    accounts.add_user(users, "budi", "rahasia-123")
    monkeypatch.setenv(accounts.USERS_ENV, str(users))
    return open_app(monkeypatch, where, user="budi")


def sidebar_caption(at: AppTest) -> str:
    """The sidebar's captions as the reader sees them (the unit and its workbook)."""
    return " ".join(shown(x.value) for x in at.sidebar.caption)


def type_note(at: AppTest, row: int, text: str) -> None:
    """Type `text` into Catatan of the Sunting Aksi grid's row `row` (not yet run)."""
    key = Key.EDITOR.format(c.Sheet.ACTIONS, at.session_state[Key.GRID.format(c.Sheet.ACTIONS)][0])
    at.session_state[key] = {
        "edited_rows": {row: {ActionCol.NOTES: text}}, "added_rows": [], "deleted_rows": [],
    }  # fmt: skip

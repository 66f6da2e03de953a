"""The penilai (TPI) in the app under AppTest: the role at login, the TPI's widgets on Penilaian
Mandiri, read-only unit fields, editors reading the TPI's review, a role changed since login."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import factory
from tests.lke_sheet import add_bank_lke
from zi_dash.base import LkeCol, LogCol, ReviewStatus, Role
from zi_dash.base import contract as c
from zi_dash.edit import DraftStore, accounts
from zi_dash.ui import Key
from zi_dash.workbook import load_plan, save_changes

L = c.Sheet.LKE
PAGE = "pages/penilaian_mandiri.py"
UNIT_PAGES = ("pages/sunting_aksi.py", "pages/sunting_bukti.py", "pages/rencana_baru.py")
PASSWORDS = {"budi": "rahasia-123", "sari": "rahasia-456"}


@pytest.fixture
def users(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """budi is the unit's penyunting, sari the TPI's penilai."""
    path = tmp_path / "users.json"
    accounts.add_user(path, "budi", PASSWORDS["budi"])
    accounts.add_user(path, "sari", PASSWORDS["sari"], Role.ASSESSOR)
    monkeypatch.setenv(accounts.USERS_ENV, str(path))
    return path


@pytest.fixture
def with_lke(workbook_copy: Path) -> Path:
    if not load_plan(workbook_copy).has(L):
        add_bank_lke(workbook_copy)
    return workbook_copy


def _log_in(monkeypatch, workbook: Path, user: str, page: str = PAGE):
    """Through the login form, as a person would: the role is looked up there."""
    at = factory.run_page(monkeypatch, workbook, PAGE, None)
    at.text_input(key=Key.LOGIN_NAME).input(user)
    at.text_input(key=Key.LOGIN_PASSWORD).input(PASSWORDS[user])
    next(b for b in at.button if b.label == "Masuk").click().run()
    assert not at.exception and at.session_state[Key.USER] == user
    at.switch_page(page).run()  # AppTest starts st.rerun() on the default page
    assert not at.exception, at.exception
    return at


def _widgets(at, kind: str, baris: int, column: str) -> list:
    return [w for w in getattr(at, kind) if str(w.key).endswith(f"_{baris}_{column}")]


def _widget(at, kind: str, baris: int, column: str):
    found = _widgets(at, kind, baris, column)
    assert len(found) == 1, f"no {kind} {column} of row {baris}"
    return found[0]


def _unit_widgets(at) -> list[str]:
    """Keys of widgets of the unit's own cells (Jawaban, Catatan, Tautan Bukti) on the page."""
    kinds = ("radio", "text_input", "text_area")
    suffixes = ("_jawaban", "_catatan", "_tautan")
    return [
        str(w.key)
        for kind in kinds
        for w in getattr(at, kind)
        if str(w.key).startswith("lke_") and str(w.key).endswith(suffixes)
    ]


def _row(workbook: Path, baris: str) -> dict[str, object]:
    return load_plan(workbook).frame(L).set_index(LkeCol.ROW).loc[baris].to_dict()


def _save(at):
    next(b for b in at.button if b.label.startswith("Simpan")).click().run()
    assert not at.exception
    return at


def _signed_in(at) -> str:
    return next(x.value for x in at.sidebar.caption if x.value.startswith("Masuk sebagai"))


def _markdown(at) -> list[str]:
    return [m.value for m in at.markdown]


def test_a_penilai_sets_the_tpi_answer_and_status_saves_and_a_reload_shows_it(
    monkeypatch, with_lke, users
) -> None:
    at = _log_in(monkeypatch, with_lke, "sari")
    assert _signed_in(at) == "Masuk sebagai penilai (TPI) **sari**"
    assert _unit_widgets(at) == []  # the unit's answers are read, not written
    _widget(at, "radio", 6, "jawaban_tpi").set_value("Ya").run()
    status = _widget(at, "selectbox", 6, "status_telaah")
    assert status.options == list(c.REVIEW_STATUSES)
    status.set_value(ReviewStatus.NEEDS_FIX).run()
    _widget(at, "text_area", 6, "catatan_tpi").input("SK tim belum ditandatangani").run()
    assert not at.exception
    assert DraftStore(with_lke).load("sari").typed(L) == {
        "6": {
            LkeCol.TPI_ANSWER: "Ya",
            LkeCol.REVIEW: ReviewStatus.NEEDS_FIX,
            LkeCol.TPI_NOTES: "SK tim belum ditandatangani",
        }
    }
    _save(at)
    row = _row(with_lke, "6")
    assert (row[LkeCol.TPI_ANSWER], row[LkeCol.REVIEW]) == ("Ya", ReviewStatus.NEEDS_FIX)
    assert row[LkeCol.TPI_UPDATED_BY] == "sari" and not row[LkeCol.ANSWER]
    assert set(load_plan(with_lke).history[LogCol.USER]) == {"sari"}
    again = factory.run_page(monkeypatch, with_lke, PAGE, None)  # a reload, as a reader
    shown = _markdown(again)
    assert any(m.startswith("Jawaban TPI: **Ya") for m in shown), shown
    assert f"Status Telaah: **{ReviewStatus.NEEDS_FIX}**" in shown
    assert "SK tim belum ditandatangani" in [t.value for t in again.text]


@pytest.mark.parametrize("page", UNIT_PAGES)
def test_a_penilai_reaches_no_editable_unit_field(monkeypatch, with_lke, users, page) -> None:
    at = _log_in(monkeypatch, with_lke, "sari", page)
    assert any("Akun penilai (TPI) hanya mengisi kolom telaah TPI" in i.value for i in at.info)
    assert len(at.dataframe) == 0  # no grid, no upload form, no file picker
    assert not at.get("file_uploader") and not at.text_area and not at.main.text_input
    # Only the app's own date notice (the plan year) is a button here.
    assert [b.key for b in at.main.button if not str(b.key).startswith("as_of")] == []


def test_an_editor_sees_the_tpi_review_read_only(monkeypatch, with_lke, users) -> None:
    plan = load_plan(with_lke)
    review = {LkeCol.TPI_ANSWER: "Tidak", LkeCol.REVIEW: ReviewStatus.OK, LkeCol.TPI_NOTES: "cek"}
    save_changes(
        with_lke, {L: {"6": review}}, user="sari", base_version=plan.version, role=Role.ASSESSOR
    )
    at = _log_in(monkeypatch, with_lke, "budi")
    assert _signed_in(at) == "Masuk sebagai penyunting **budi**"
    assert _widgets(at, "radio", 6, "jawaban")  # the unit's answer: a widget
    for kind, column in (
        ("radio", "jawaban_tpi"),
        ("selectbox", "status_telaah"),
        ("text_area", "catatan_tpi"),
    ):
        assert not _widgets(at, kind, 6, column)
    shown = _markdown(at)
    assert any(m.startswith("Jawaban TPI: **Tidak") for m in shown), shown
    assert f"Status Telaah: **{ReviewStatus.OK}**" in shown
    assert "cek" in [t.value for t in at.text]


def test_a_role_changed_since_login_is_refused_on_save(monkeypatch, with_lke, users) -> None:
    at = _log_in(monkeypatch, with_lke, "budi")
    _widget(at, "radio", 6, "jawaban").set_value("Ya").run()
    before = with_lke.read_bytes()
    accounts.add_user(users, "budi", PASSWORDS["budi"], Role.ASSESSOR)  # now a penilai
    _save(at)
    assert with_lke.read_bytes() == before  # nothing written, nothing logged
    assert any("diubah di berkas pengguna sejak Anda masuk" in w.value for w in at.warning)
    assert any(e.value.startswith("Penyimpanan gagal") for e in at.error)
    said = "\n".join(t.value for t in at.text)
    assert "akun penilai (TPI) hanya dapat mengubah kolom" in said
    assert 'LKE Baris 6, kolom "Jawaban"' in said
    assert DraftStore(with_lke).load("budi").typed(L) == {"6": {LkeCol.ANSWER: "Ya"}}  # kept
    assert at.session_state[Key.ROLE] == Role.ASSESSOR.value  # the page follows the file now
    at.run()
    assert _unit_widgets(at) == [] and _widgets(at, "radio", 6, "jawaban_tpi")

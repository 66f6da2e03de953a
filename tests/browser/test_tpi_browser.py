"""An editor and a penilai (TPI) in two browsers on one LKE question: the penilai returns it
(Perlu Perbaikan), the editor changes the answer, the penilai sees Dicek Ulang and the new
answer; each one's page offers widgets only for its own columns."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.grid import login
from tests.browser.server import EDITOR, PASSWORD, ROOT, Server, serve
from tests.browser.tabs import expect_rerun, shot, wait_ready
from tests.lke_sheet import add_bank_lke
from zi_dash.base import LkeCol, ReviewStatus, Role, Sheet
from zi_dash.edit import accounts
from zi_dash.workbook import load_plan

pytestmark = pytest.mark.browser
TITLE = "Penilaian Mandiri LKE"
ASSESSOR, ASSESSOR_PASSWORD, ASSESSOR_ROLE = "sari", "sandi-sari-789", "penilai (TPI)"
BARIS = 6  # I. Penyusunan Tim Kerja a: Ya/Tidak


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Server]:
    """A server of its own on a copy of the committed workbook, with a penilai account too."""
    workbook = tmp_path / "rencana_aksi.xlsx"
    shutil.copyfile(ROOT / "data" / "rencana_aksi.xlsx", workbook)
    if not load_plan(workbook).has(Sheet.LKE):
        add_bank_lke(workbook)
    with serve(workbook, tmp_path) as running:
        # Read at each login: an account added while the server runs can log in.
        accounts.add_user(running.users, ASSESSOR, ASSESSOR_PASSWORD, Role.ASSESSOR)
        yield running


def _lke_page(page) -> None:
    with expect_rerun(page):
        page.get_by_role("link", name="Penilaian Mandiri", exact=True).click()
    page.get_by_role("heading", name=re.compile(TITLE)).wait_for()
    wait_ready(page)


def _box(page):
    return page.locator(f".st-key-lke_q_{BARIS}")


def _tpi(page):
    """The TPI's part of the question's box."""
    return page.locator(f".st-key-lke_tpi_{BARIS}")


def _widgets(locator) -> dict[str, int]:
    return {
        kind: locator.get_by_test_id(kind).count()
        for kind in ("stRadio", "stSelectbox", "stTextArea", "stTextInput")
    }


def _pick(locator, text: str) -> None:
    page = locator.page
    with expect_rerun(page):
        locator.get_by_text(re.compile(rf"^{text}\b")).first.click()


def _row(server: Server) -> dict[str, object]:
    return load_plan(server.workbook).frame(Sheet.LKE).set_index(LkeCol.ROW).loc[str(BARIS)]


def _save(page, who: str) -> None:
    with expect_rerun(page):
        page.get_by_role("button", name=re.compile(r"^Simpan \d+ perubahan$")).click()
    page.get_by_text(re.compile(rf"Tersimpan: \d+ sel diubah oleh {who}")).wait_for()
    wait_ready(page)


def test_an_editor_and_a_penilai_on_one_question(page, second_page, fresh: Server) -> None:
    from playwright.sync_api import expect  # here: collected where Playwright is absent too

    penilai, editor = second_page, page
    login(penilai, fresh, ASSESSOR, ASSESSOR_PASSWORD, role=ASSESSOR_ROLE)
    penilai.get_by_text("Akun penilai (TPI) hanya mengisi kolom telaah TPI").wait_for()
    assert penilai.get_by_test_id("stDataFrame").count() == 0  # no grid on Sunting Aksi
    shot(penilai, "tpi_penilai_sunting_aksi")
    _lke_page(penilai)
    # The unit's answer, note and evidence are text; only the TPI's part has widgets.
    _box(penilai).get_by_text(re.compile(r"^Jawaban: ")).wait_for()
    assert _widgets(_tpi(penilai)) == _widgets(_box(penilai))
    assert _widgets(_tpi(penilai)) == {
        "stRadio": 1, "stSelectbox": 1, "stTextArea": 1, "stTextInput": 0,
    }  # fmt: skip
    _pick(_tpi(penilai), "Tidak")
    expect(_tpi(penilai).get_by_role("combobox", name=LkeCol.REVIEW)).to_be_editable()
    _tpi(penilai).get_by_test_id("stSelectbox").click()
    with expect_rerun(penilai):
        penilai.get_by_role("option", name=ReviewStatus.NEEDS_FIX, exact=True).click()
    shot(penilai, "tpi_penilai_draft")
    _save(penilai, ASSESSOR)
    row = _row(fresh)
    assert (row[LkeCol.TPI_ANSWER], row[LkeCol.REVIEW]) == ("Tidak", ReviewStatus.NEEDS_FIX)

    _lke_page_as_editor(editor, fresh)
    _tpi(editor).get_by_text(f"{LkeCol.REVIEW}: {ReviewStatus.NEEDS_FIX}").wait_for()
    _tpi(editor).get_by_text(f"{LkeCol.TPI_ANSWER}: Tidak").wait_for()
    assert _widgets(_tpi(editor)) == dict.fromkeys(_widgets(_tpi(editor)), 0)  # read only
    _box(editor).scroll_into_view_if_needed()
    shot(editor, "tpi_editor_reads_the_review")
    _pick(_box(editor), "Ya")  # the unit's radio: the TPI's part has none here
    _save(editor, EDITOR)
    row = _row(fresh)
    assert (row[LkeCol.ANSWER], row[LkeCol.REVIEW]) == ("Ya", ReviewStatus.RECHECK)
    assert row[LkeCol.TPI_ANSWER] == "Tidak"  # the TPI's answer is the TPI's

    penilai.reload()  # a new session: read as a visitor first
    penilai.get_by_role("heading", name=re.compile(TITLE)).wait_for()
    wait_ready(penilai)
    _tpi(penilai).get_by_text(f"{LkeCol.REVIEW}: {ReviewStatus.RECHECK}").wait_for()
    _box(penilai).get_by_text(re.compile(r"^Jawaban: Ya")).wait_for()
    login(penilai, fresh, ASSESSOR, ASSESSOR_PASSWORD, role=ASSESSOR_ROLE)
    _lke_page(penilai)
    status = _tpi(penilai).get_by_role("combobox", name=LkeCol.REVIEW)  # its value: an input's
    expect(status).to_have_value(ReviewStatus.RECHECK)
    _box(penilai).get_by_text(re.compile(r"^Jawaban: Ya")).wait_for()
    _box(penilai).scroll_into_view_if_needed()
    shot(penilai, "tpi_penilai_dicek_ulang")


def _lke_page_as_editor(page, server: Server) -> None:
    login(page, server, EDITOR, PASSWORD)
    _lke_page(page)

"""Penilaian Mandiri in Chromium: answer, the score moves, save, reload, and a second editor's
conflicting answer met in another browser."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.grid import login
from tests.browser.server import (
    EDITOR,
    PASSWORD,
    ROOT,
    SECOND_EDITOR,
    SECOND_PASSWORD,
    Server,
    serve,
)
from tests.browser.tabs import expect_rerun, shot, wait_ready
from tests.lke_sheet import add_bank_lke
from zi_dash.base import LkeCol, Sheet
from zi_dash.workbook import load_plan

pytestmark = pytest.mark.browser
TITLE = "Penilaian Mandiri LKE"


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Server]:
    """A server of its own on a copy of the committed workbook with its LKE sheet."""
    workbook = tmp_path / "rencana_aksi.xlsx"
    shutil.copyfile(ROOT / "data" / "rencana_aksi.xlsx", workbook)
    if not load_plan(workbook).has(Sheet.LKE):
        add_bank_lke(workbook)
    with serve(workbook, tmp_path) as running:
        yield running


def _open(page, server: Server, user: str | None, password: str = "") -> None:
    if user:
        login(page, server, user, password)
        with expect_rerun(page):
            page.get_by_role("link", name="Penilaian Mandiri", exact=True).click()
    else:
        page.goto(f"{server.url}/penilaian_mandiri")
    page.get_by_role("heading", name=re.compile(TITLE)).wait_for()
    wait_ready(page)


def _total(page) -> str:
    metric = page.get_by_test_id("stMetric").filter(has_text="Total")
    return metric.get_by_test_id("stMetricValue").inner_text()


def _box(page, baris: int):
    """The bordered box of one question (its container's key)."""
    return page.locator(f".st-key-lke_q_{baris}")


def _answer(page, baris: int, letter: str) -> None:
    option = _box(page, baris).get_by_text(re.compile(rf"^{letter}\b")).first
    with expect_rerun(page):
        option.click()


def _answers(server: Server) -> dict[str, object]:
    frame = load_plan(server.workbook).frame(Sheet.LKE)
    return dict(zip(frame[LkeCol.ROW], frame[LkeCol.ANSWER]))


def test_answer_see_the_score_move_save_and_reload(page, fresh: Server) -> None:
    _open(page, fresh, EDITOR, PASSWORD)
    before = _total(page)
    shot(page, "lke_editor_before")
    _answer(page, 6, "Ya")
    page.wait_for_function(
        "t => [...document.querySelectorAll('[data-testid=stMetricValue]')][0].innerText !== t",
        arg=before,
    )
    moved = _total(page)
    assert moved != before
    save = page.get_by_role("button", name="Simpan 1 perubahan", exact=True)
    save.wait_for()
    shot(page, "lke_editor_draft")
    with expect_rerun(page):
        save.click()
    page.get_by_text("Tersimpan: 1 sel diubah oleh budi").wait_for()
    assert _answers(fresh)["6"] == "Ya"
    page.reload()  # a new session: a reader now, the saved answer and score stay
    page.get_by_role("heading", name=re.compile(TITLE)).wait_for()
    wait_ready(page)
    assert _total(page) == moved
    _box(page, 6).get_by_text(re.compile(r"^Jawaban: Ya")).wait_for()
    shot(page, "lke_reader")


def test_a_second_editors_conflicting_answer(page, second_page, fresh: Server) -> None:
    _open(second_page, fresh, SECOND_EDITOR, SECOND_PASSWORD)
    _answer(second_page, 7, "B")  # ani's draft: not saved yet
    _open(page, fresh, EDITOR, PASSWORD)
    _answer(page, 7, "C")
    with expect_rerun(page):
        page.get_by_role("button", name="Simpan 1 perubahan", exact=True).click()
    page.get_by_text("Tersimpan: 1 sel diubah oleh budi").wait_for()
    # ani comes back in a new session: her draft meets budi's saved answer.
    _open(second_page, fresh, SECOND_EDITOR, SECOND_PASSWORD)
    second_page.get_by_text(re.compile("diubah orang lain")).first.wait_for()
    shot(second_page, "lke_conflict")
    with expect_rerun(second_page):
        second_page.get_by_role("button", name="Pakai nilai saya untuk yang bentrok").click()
    save = second_page.get_by_role("button", name="Simpan 1 perubahan", exact=True)
    with expect_rerun(second_page):
        save.click()
    second_page.get_by_text("Tersimpan: 1 sel diubah oleh ani").wait_for()
    assert _answers(fresh)["7"] == "B"

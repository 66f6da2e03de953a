"""In Chromium: Sunting Aksi's LKE suggestions taken into the draft, saved, and Bukti's view per
LKE question of what the linked actions still miss."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.grid import grid_ready, login
from tests.browser.server import EDITOR, Server, serve
from tests.browser.tabs import expect_rerun, shot, wait_ready
from tests.factory import action, evidence, make_workbook
from zi_dash.base import ActionCol
from zi_dash.base import contract as c
from zi_dash.lke import format_rows, suggest
from zi_dash.workbook import load_plan

pytestmark = pytest.mark.browser
AGENT = (
    "Telah menetapkan agen perubahan.",
    "Menetapkan SK Tim Agen Perubahan",
    "SK Agen Perubahan",
)


@pytest.fixture(scope="module")
def linked_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Two actions: one with a saved Baris LKE, one blank (its texts suggest row 18)."""
    folder = tmp_path_factory.mktemp("links")
    texts = dict(zip((ActionCol.INDICATOR, ActionCol.STEP, ActionCol.EVIDENCE), AGENT))
    path = make_workbook(folder / "rencana_aksi.xlsx", [
        action("I.4.1", **texts),
        action("I.4.2", c.Status.DONE, 100, **{ActionCol.LKE_ROWS: "20"}),
    ], [evidence("I.4.1", 1), evidence("I.4.2", 1, c.EvidenceStatus.MISSING)])  # fmt: skip
    with serve(path, folder) as running:
        yield running


def test_take_a_suggestion_save_it_and_see_the_gaps(page, linked_server: Server) -> None:
    login(page, linked_server)
    grid_ready(page)
    page.get_by_text("Pertanyaan LKE per aksi").wait_for()
    shot(page, "sunting_aksi_saran_lke")
    with expect_rerun(page):
        page.get_by_role("button", name="Pakai 1 saran").click()
    page.get_by_text("Perubahan yang belum disimpan").wait_for()
    with expect_rerun(page):
        page.get_by_role("button", name="Simpan 1 perubahan").click()
    page.get_by_text(f"Tersimpan: 1 sel diubah oleh {EDITOR}.").wait_for()
    saved = load_plan(linked_server.workbook).actions.set_index(ActionCol.ID)[ActionCol.LKE_ROWS]
    assert saved.to_dict() == {"I.4.1": format_rows(suggest("I", *AGENT)), "I.4.2": "20"}

    with expect_rerun(page):
        page.get_by_role("link", name="Bukti", exact=True).click()
    wait_ready(page)
    page.get_by_text("Kekurangan bukti per pertanyaan LKE").wait_for()
    # The grid draws on a canvas; its accessible table holds the cells.
    page.get_by_text("18 · Sudah ditetapkan agen perubahan").first.wait_for(state="attached")
    shot(page, "bukti_per_pertanyaan_lke")

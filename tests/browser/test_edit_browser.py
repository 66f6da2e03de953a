"""In Chromium: log in, edit a cell in the grid, save, and see it in the file and the overview;
upload an evidence file; two editors at once keep their own sessions and drafts."""

from __future__ import annotations

import pytest

from tests.browser.grid import edit_cell, grid_ready, login, read_cell
from tests.browser.server import EDITOR, SECOND_EDITOR, SECOND_PASSWORD, Server
from tests.browser.tabs import expect_rerun, shot
from zi_dash.base import ActionCol, EvidenceCol, LogCol
from zi_dash.workbook import load_plan

pytestmark = pytest.mark.browser


def test_edit_a_progress_cell_save_and_see_it(page, server: Server) -> None:
    login(page, server)
    grid_ready(page)
    shot(page, "sunting_aksi")
    assert read_cell(page, 0, ActionCol.ID) == "I.1.1"
    edit_cell(page, 0, ActionCol.PROGRESS, "45")
    assert read_cell(page, 0, ActionCol.PROGRESS) == "45"
    page.get_by_text("Perubahan yang belum disimpan").wait_for()
    shot(page, "sunting_aksi_pratinjau")
    with expect_rerun(page):
        page.get_by_role("button", name="Simpan 2 perubahan").click()
    page.get_by_text(f"Tersimpan: 2 sel diubah oleh {EDITOR}.").wait_for()

    plan = load_plan(server.workbook)
    row = plan.actions.set_index(ActionCol.ID).loc["I.1.1"]
    assert (row[ActionCol.PROGRESS], row[ActionCol.UPDATED_BY]) == (45.0, EDITOR)
    assert plan.history[LogCol.NEW].tolist() == ["45", "Dalam Proses"]
    assert read_cell(page, 0, ActionCol.STATUS) == "Dalam Proses"  # the saved file, redrawn

    with expect_rerun(page):
        page.get_by_role("link", name="Ringkasan").click()
    metric = page.get_by_test_id("stMetric").filter(has_text="Dalam proses")
    assert metric.get_by_test_id("stMetricValue").inner_text() == "1"
    shot(page, "ringkasan_setelah_simpan")


def test_upload_an_evidence_file(page, server: Server, tmp_path) -> None:
    login(page, server)
    with expect_rerun(page):
        page.get_by_role("link", name="Sunting Bukti").click()
    grid_ready(page)
    page.get_by_text("Unggah berkas bukti").click()
    pdf = tmp_path / "Notulen Rapat.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% uji\n")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(pdf))
    page.get_by_text("Notulen Rapat.pdf").wait_for()
    with expect_rerun(page):
        page.get_by_role("button", name="Unggah dan simpan").click()
    page.get_by_text("Berkas tersimpan untuk I.1.1/1").wait_for()
    shot(page, "sunting_bukti_unggah")
    stored = server.workbook.parent / "bukti" / "I.1.1" / "Notulen-Rapat.pdf"
    assert stored.read_bytes() == pdf.read_bytes()
    row = load_plan(server.workbook).evidence.set_index(EvidenceCol.ID).loc["I.1.1/1"]
    assert (row[EvidenceCol.LINK], row[EvidenceCol.STATUS]) == (
        "bukti/I.1.1/Notulen-Rapat.pdf",
        "Ada",
    )
    # Anyone can then download it from the Bukti page.
    with expect_rerun(page):
        page.get_by_role("link", name="Bukti", exact=True).click()
    page.get_by_text("Berkas bukti yang diunggah (1)").click()
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name="Unduh berkas").click()
    saved = tmp_path / "unduhan.pdf"
    info.value.save_as(saved)
    assert saved.read_bytes() == pdf.read_bytes()


def test_two_editors_at_once_keep_their_own_sessions_and_drafts(
    page, second_page, server: Server
) -> None:
    login(page, server)
    login(second_page, server, SECOND_EDITOR, SECOND_PASSWORD)
    edit_cell(page, 1, ActionCol.NOTES, "catatan budi")
    assert read_cell(page, 1, ActionCol.NOTES) == "catatan budi"
    # ani's browser is another session: still ani, and budi's unsaved draft is not in her grid.
    sidebar = second_page.get_by_test_id("stSidebar")
    assert sidebar.get_by_text(f"Masuk sebagai penyunting {SECOND_EDITOR}").is_visible()
    assert read_cell(second_page, 1, ActionCol.ID) == read_cell(page, 1, ActionCol.ID)
    assert read_cell(second_page, 1, ActionCol.NOTES) != "catatan budi"

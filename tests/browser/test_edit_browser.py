"""In Chromium: log in, edit a cell in the grid, save, and see it in the file and the overview."""

from __future__ import annotations

import pytest

from tests.browser.conftest import EDITOR, PASSWORD, Server, shot, wait_ready
from zi_dash.contract import ActionCol, EvidenceCol, LogCol
from zi_dash.workbook import load_plan

pytestmark = pytest.mark.browser
ROW_H = 35  # Streamlit's grid: header and rows are 35 px high


def _login(page, server: Server) -> None:
    page.goto(f"{server.url}/sunting_aksi")
    wait_ready(page)
    page.get_by_label("Nama pengguna").fill(EDITOR)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.get_by_test_id("data-grid-canvas").wait_for()
    wait_ready(page)


def _type_into_cell(page, row: int, right: int, text: str) -> None:
    box = page.get_by_test_id("data-grid-canvas").bounding_box()
    # The grid's scroller sits over its canvas: click by coordinates, not on the element.
    page.mouse.click(box["x"] + 20, box["y"] + ROW_H * (row + 1) + ROW_H / 2)
    for _ in range(right):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    editor = page.locator("#portal .gdg-input").first
    editor.wait_for()
    editor.fill(text)  # keyboard.type() does not reach Python reliably; fill() does
    page.keyboard.press("Enter")


def test_edit_a_progress_cell_save_and_see_it(page, server: Server) -> None:
    _login(page, server)
    shot(page, "sunting_aksi")
    _type_into_cell(page, row=0, right=4, text="45")  # ID, Indikator, Target, Status, Progres
    page.get_by_text("Perubahan yang akan disimpan").wait_for()
    wait_ready(page)
    shot(page, "sunting_aksi_pratinjau")
    page.get_by_role("button", name="Simpan 2 perubahan").click()
    page.get_by_text("Tersimpan: 2 sel diubah oleh budi.").wait_for()
    wait_ready(page)

    plan = load_plan(server.workbook)
    row = plan.actions.set_index(ActionCol.ID).loc["I.1.1"]
    assert (row[ActionCol.PROGRESS], row[ActionCol.UPDATED_BY]) == (45.0, EDITOR)
    assert plan.history[LogCol.NEW].tolist() == ["45", "Dalam Proses"]

    page.get_by_role("link", name="Ringkasan").click()
    wait_ready(page)
    metric = page.get_by_test_id("stMetric").filter(has_text="Dalam proses")
    assert metric.get_by_test_id("stMetricValue").inner_text() == "1"
    shot(page, "ringkasan_setelah_simpan")


def test_upload_an_evidence_file(page, server: Server, tmp_path) -> None:
    _login(page, server)
    page.get_by_role("link", name="Sunting Bukti").click()
    page.get_by_test_id("data-grid-canvas").wait_for()
    wait_ready(page)
    page.get_by_text("Unggah berkas bukti").click()
    pdf = tmp_path / "Notulen Rapat.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% uji\n")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(pdf))
    page.get_by_text("Notulen Rapat.pdf").wait_for()
    page.get_by_role("button", name="Unggah dan simpan").click()
    page.get_by_text("Berkas tersimpan untuk I.1.1/1").wait_for()
    wait_ready(page)
    shot(page, "sunting_bukti_unggah")
    stored = server.workbook.parent / "bukti" / "I.1.1" / "Notulen-Rapat.pdf"
    assert stored.read_bytes() == pdf.read_bytes()
    row = load_plan(server.workbook).evidence.set_index(EvidenceCol.ID).loc["I.1.1/1"]
    assert (row[EvidenceCol.LINK], row[EvidenceCol.STATUS]) == (
        "bukti/I.1.1/Notulen-Rapat.pdf",
        "Ada",
    )
    # Anyone can then download it from the Bukti page.
    page.get_by_role("link", name="Bukti", exact=True).click()
    wait_ready(page)
    page.get_by_text("Berkas bukti yang diunggah (1)").click()
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name="Unduh berkas").click()
    saved = tmp_path / "unduhan.pdf"
    info.value.save_as(saved)
    assert saved.read_bytes() == pdf.read_bytes()

"""In Chromium: a satker's Word table becomes its own workbook on the Rencana Baru page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import plan_sources
from tests.browser.grid import login
from tests.browser.server import Server
from tests.browser.tabs import expect_rerun, shot, wait_ready
from zi_dash.base import ActionCol
from zi_dash.workbook import load_plan

pytestmark = pytest.mark.browser


def _upload(page, path: Path) -> None:
    with expect_rerun(page):
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))


def test_a_word_table_becomes_a_workbook_to_download(page, server: Server, tmp_path) -> None:
    source = plan_sources.write(tmp_path, "sk_pekalongan.docx", plan_sources.docx_pekalongan())
    page.goto(f"{server.url}/rencana_baru")
    wait_ready(page)
    # A viewer reads what the page does; uploading and building need an editor's login.
    assert page.locator('[data-testid="stFileUploader"]').count() == 0
    login(page, server, path="rencana_baru")
    _upload(page, source)
    page.get_by_text("Target Waktu terbaca:").wait_for()
    with expect_rerun(page):
        page.get_by_text("Pratinjau sudah saya periksa; buat workbook-nya").click()
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Unduh workbook baru (.xlsx)").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    plan = load_plan(saved)
    assert "Pekalongan" in plan.info.unit and saved.suffix == ".xlsx"
    assert plan.actions[ActionCol.ID].iloc[0] == "II.1.1"  # its plan has areas II, IV, V, VI
    # The workbook the dashboard runs on is untouched.
    assert load_plan(server.workbook).info.unit == "KPU Kota Tegal"


def test_a_file_that_is_no_plan_table_writes_nothing(page, server: Server, tmp_path) -> None:
    source = tmp_path / "catatan.csv"
    source.write_text("tanggal;acara\n1 Mei;rapat\n", encoding="utf-8")
    login(page, server, path="rencana_baru")
    _upload(page, source)
    page.get_by_text("Tabel tidak dapat diimpor; tidak ada berkas yang dibuat.").wait_for()
    assert page.get_by_role("button", name="Unduh workbook baru (.xlsx)").count() == 0
    assert page.get_by_text("Traceback").count() == 0


def test_a_large_yearless_table_shows_the_year_fix_without_scrolling(
    page, server: Server, tmp_path
) -> None:
    rows = [f"I;Tim {n // 50};Ind {n};Langkah {n};Notulen;April Minggu ke 3" for n in range(20_000)]
    source = tmp_path / "besar.csv"
    source.write_text("area;komponen;indikator;kegiatan;output;waktu\n" + "\n".join(rows))
    login(page, server, path="rencana_baru")
    page.set_viewport_size({"width": 1280, "height": 720})
    _upload(page, source)
    warning = page.get_by_text("Tahun rencana tidak terbaca dari berkas: isi tahunnya")
    warning.wait_for(timeout=120_000)
    warning.scroll_into_view_if_needed()
    notice = page.locator('[data-testid="stAlertContentInfo"]')
    # The fix and the notice fit one screen together: the notice is a few lines, not 20,000 IDs.
    top = warning.bounding_box()["y"]
    bottom = notice.bounding_box()["y"] + notice.bounding_box()["height"]
    assert bottom - top < 720 and notice.bounding_box()["height"] < 300
    assert "20.000 target, mis. I.1.1," in notice.inner_text()
    assert "20.000 target yang tidak menyebut tahunnya terbaca setelah itu" in warning.inner_text()
    shot(page, "rencana_baru_besar_tanpa_tahun")
    with expect_rerun(page, timeout=120_000):
        page.get_by_label("Tahun rencana").fill("2023")
        page.get_by_label("Tahun rencana").press("Enter")
    page.get_by_text("Target Waktu terbaca: 20.000 dari 20.000.").wait_for(timeout=120_000)
    assert page.get_by_text("isi tahunnya").count() == 0
    shot(page, "rencana_baru_besar_tahun_diisi")

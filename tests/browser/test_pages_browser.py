"""In Chromium, on the mixed plan: every page renders without an error, with its key figures;
the tanggal acuan and a sidebar filter change them and survive a page switch."""

from __future__ import annotations

import pytest

from tests.browser.server import Server, serve
from tests.browser.tabs import set_as_of, shot, wait_ready

pytestmark = pytest.mark.browser

PAGES = {
    "ringkasan": ("", "Ringkasan Rencana Aksi Zona Integritas"),
    "linimasa": ("linimasa", "Linimasa Target"),
    "bukti": ("bukti", "Bukti Dukung"),
    "rapat": ("rapat", "Ikhtisar"),
    "ekspor": ("ekspor", "Ekspor untuk LAKIP dan Notulen"),
    "sunting_aksi": ("sunting_aksi", "Sunting Rencana Aksi"),
    "sunting_bukti": ("sunting_bukti", "Sunting Bukti Dukung"),
}


def _metrics(page) -> dict[str, str]:
    values = {}
    for metric in page.get_by_test_id("stMetric").all():
        label = metric.get_by_test_id("stMetricLabel").inner_text().strip()
        values[label] = metric.get_by_test_id("stMetricValue").inner_text().strip()
    return values


def _no_error(page) -> None:
    assert page.get_by_test_id("stException").count() == 0
    assert "Traceback" not in page.locator("body").inner_text()


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_renders_without_an_error(page, mixed_server: Server, name: str) -> None:
    path, heading = PAGES[name]
    page.goto(f"{mixed_server.url}/{path}")
    wait_ready(page)
    page.get_by_text(heading).first.wait_for()
    _no_error(page)
    shot(page, f"halaman_{name}")


def test_the_as_of_date_and_a_filter_change_the_figures(page, mixed_server: Server) -> None:
    page.goto(mixed_server.url)
    wait_ready(page)
    set_as_of(page, "01", "05", "2022")
    page.get_by_text("status per 1 Mei 2022").wait_for()
    shown = _metrics(page)
    assert shown["Capaian"] == "46,7%" and shown["Terlambat"] == "1"
    assert (shown["Selesai"], shown["Dalam proses"], shown["Belum mulai"]) == ("2", "2", "2")

    page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.click()
    page.get_by_role("option", name="I. Manajemen Perubahan").click()
    page.keyboard.press("Escape")
    page.get_by_text("2 dari 6 aksi").first.wait_for()
    wait_ready(page)
    assert _metrics(page)["Capaian"] == "75,0%"
    shot(page, "ringkasan_saringan_area_I")

    page.get_by_role("link", name="Bukti", exact=True).click()
    wait_ready(page)
    page.get_by_text("2 dari 6 aksi").first.wait_for()  # the filter survived the switch
    assert _metrics(page)["Dokumen ada"] == "1 dari 3"
    _no_error(page)


def test_an_unreadable_workbook_lists_no_raw_page_files(page, tmp_path) -> None:
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"bukan workbook")
    with serve(broken, tmp_path) as running:
        page.goto(running.url)
        wait_ready(page)
        page.get_by_test_id("stAlertContentError").first.wait_for()
        assert "Workbook tidak dapat dibaca" in page.get_by_test_id("stMain").inner_text()
        # Without an st.navigation Streamlit listed pages/ as "ringkasan", "sunting aksi", ...
        assert page.get_by_test_id("stSidebarNav").count() == 0
        assert page.get_by_test_id("stSidebarNavLink").count() == 0
        shot(page, "workbook_rusak_tanpa_daftar_halaman")

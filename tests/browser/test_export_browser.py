"""In Chromium: a chart's PNG button and the Ekspor page's ZIP download give real files."""

from __future__ import annotations

import io
import zipfile

import pytest
from PIL import Image

from tests.browser.server import Server
from tests.browser.tabs import shot, wait_ready
from zi_dash.charts import EXPORT_SCALE, EXPORT_WIDTH

pytestmark = pytest.mark.browser


def test_a_charts_png_button_downloads_a_print_size_image(page, server: Server, tmp_path) -> None:
    page.goto(server.url)
    wait_ready(page)
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="PNG").first.click()
    download = info.value
    assert download.suggested_filename.startswith("capaian_per_area_")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert Image.open(path).width == EXPORT_WIDTH * EXPORT_SCALE


def test_the_export_page_builds_and_downloads_a_zip(page, server: Server, tmp_path) -> None:
    page.goto(f"{server.url}/ekspor")
    wait_ready(page)
    page.get_by_role("button", name="Buat berkas ekspor").click()
    page.get_by_text("berkas siap per").wait_for(timeout=120_000)
    wait_ready(page)
    shot(page, "ekspor")
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Semua (ZIP)").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert any(n.endswith("_linimasa_" + n[-14:-4] + ".png") for n in names)
        assert any(n.endswith(".docx") for n in names) and any(n.endswith(".pdf") for n in names)
        png = next(n for n in names if n.endswith(".png"))
        assert Image.open(io.BytesIO(archive.read(png))).width == EXPORT_WIDTH * EXPORT_SCALE

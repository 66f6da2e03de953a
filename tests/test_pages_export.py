"""The Ekspor page and the chart download buttons under AppTest."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import factory
from zi_dash.base import WORKBOOK_ENV
from zi_dash.charts import render
from zi_dash.ui import Key

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AppTest:
    monkeypatch.setenv(WORKBOOK_ENV, str(factory.mixed(tmp_path / "mixed.xlsx")))
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state[Key.AS_OF] = date(2022, 5, 1)
    return at.run()


def _downloads(at: AppTest) -> list[str]:
    return [b.proto.label for b in at.get("download_button")]


@pytest.mark.skipif(not render.available(), reason="Chromium tidak terpasang")
def test_every_chart_has_png_and_svg_downloads(app: AppTest) -> None:
    assert _downloads(app) == ["PNG", "SVG"] * 5  # the five charts of Ringkasan


def test_without_a_browser_the_page_points_to_the_camera_button(monkeypatch, app) -> None:
    monkeypatch.setenv(render.BROWSER_ENV, "/tidak/ada")
    app.run()
    assert not app.exception and _downloads(app) == []
    assert any("tombol kamera" in cap.value for cap in app.caption)


@pytest.mark.skipif(not render.available(), reason="Chromium tidak terpasang")
def test_the_export_page_builds_the_package(app: AppTest) -> None:
    at = app.switch_page("pages/ekspor.py").run()
    assert not at.exception
    assert _downloads(at) == ["Unduh tabel tersaring (.xlsx)"]
    at.multiselect(key="export_charts").set_value(["capaian_per_area", "kurva_s"]).run()
    at.session_state[Key.AREAS] = ["I"]  # the sidebar's filters are the export's scope
    at.run()
    next(b for b in at.button if b.label == "Buat berkas ekspor").click().run()
    try:
        assert not at.exception
        assert at.success[0].value == "7 berkas siap per 1 Mei 2022."
        assert _downloads(at) == [
            "Semua (ZIP)",
            "DOCX",
            "PDF",
            "XLSX",
            "Unduh tabel tersaring (.xlsx)",
        ]
        names = at.dataframe[0].value["Berkas"].tolist()
        assert "grafik/06_kurva_s_2022-05-01.svg" in names
        # Changing a choice makes the made files stale rather than silently wrong.
        at.session_state[Key.AREAS] = ["II"]
        at.run()
        assert any("Pilihan berubah" in i.value for i in at.info)
    finally:
        render.RENDERER.stop()


def test_the_export_page_uses_the_sidebars_tanggal_acuan(app: AppTest) -> None:
    at = app.switch_page("pages/ekspor.py").run()
    assert "Tanggal acuan 1 Mei 2022" in at.info[0].value
    # No date of its own that could drift from the sidebar's after a first visit.
    assert [w.key for w in at.date_input] == [Key.AS_OF]

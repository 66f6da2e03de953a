"""Shared widgets under AppTest, each in a small script: tables, charts with downloads, the
headline under every page title."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import factory
from zi_dash.charts import render


def _app(script, **kwargs) -> AppTest:
    return AppTest.from_function(script, default_timeout=30, kwargs=kwargs or None).run()


def _table(rows: int, empty: str | None) -> None:
    import pandas as pd

    from zi_dash import ui
    from zi_dash.base import ActionCol, EvidenceCol

    frame = pd.DataFrame(
        {
            ActionCol.ID: [f"I.1.{n}" for n in range(1, rows + 1)],
            ActionCol.PROGRESS: [40.0] * rows,
            EvidenceCol.LINK: ["https://drive.example/x"] * rows,
        }
    )
    if empty is None:
        ui.table(frame)
    else:
        ui.table(frame, empty)


@pytest.mark.parametrize(
    ("empty", "sentence"),
    [(None, "Tidak ada."), ("Tidak ada aksi terlambat.", "Tidak ada aksi terlambat.")],
)
def test_an_empty_table_is_a_sentence(empty: str | None, sentence: str) -> None:
    at = _app(_table, rows=0, empty=empty)
    assert not at.exception
    assert [i.value for i in at.info] == [sentence]
    assert len(at.dataframe) == 0


def test_a_table_shows_progress_bars_and_links_without_the_index() -> None:
    at = _app(_table, rows=2, empty="Kosong.")
    assert not at.info
    (table,) = at.dataframe
    assert table.value["ID"].tolist() == ["I.1.1", "I.1.2"]
    columns = json.loads(table.proto.columns)
    assert columns["Progres (%)"]["type_config"] == {
        "type": "progress",
        "format": "%g%%",  # a typed 40,5 is not shown as 41
        "min_value": 0,
        "max_value": 100,
    }
    assert columns["Tautan"]["type_config"] == {"type": "link"}
    assert columns["_index"] == {"hidden": True}


def _chart(downloads: bool) -> None:
    from datetime import date

    import plotly.graph_objects as go

    from zi_dash import ui

    fig = go.Figure(go.Bar(x=[1], y=["a"]), layout={"height": 400})
    ui.chart(fig, "capaian_per_area", date(2022, 5, 1), downloads=downloads)


@pytest.fixture
def browser(monkeypatch, tmp_path: Path) -> Path:
    """A configured browser that exists (never started: downloads render only on a click)."""
    path = tmp_path / "chromium"
    path.write_text("#!/bin/sh\n")
    monkeypatch.setenv(render.BROWSER_ENV, str(path))
    return path


def test_a_chart_is_drawn_as_built_with_its_print_size_camera(browser: Path) -> None:
    at = _app(_chart, downloads=True)
    assert not at.exception
    (chart,) = at.get("plotly_chart")
    assert json.loads(chart.proto.spec)["layout"]["height"] == 400
    assert json.loads(chart.proto.config)["toImageButtonOptions"] == {
        "format": "png",
        "filename": "capaian_per_area_2022-05-01",
        "width": 1000,
        "height": 400,
        "scale": 3,
    }
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == ["PNG", "SVG"]
    assert [b.proto.id.split("-", 2)[-1] for b in buttons] == [
        "download_png_capaian_per_area_2022-05-01",
        "download_svg_capaian_per_area_2022-05-01",
    ]
    assert [b.proto.help for b in buttons] == [
        "Unduh grafik ini sebagai PNG ukuran cetak",
        "Unduh grafik ini sebagai SVG ukuran cetak",
    ]
    assert not at.caption


def test_without_a_browser_the_chart_says_to_use_the_camera(monkeypatch) -> None:
    monkeypatch.setenv(render.BROWSER_ENV, "/tidak/ada/chromium")
    at = _app(_chart, downloads=True)
    assert len(at.get("plotly_chart")) == 1
    assert not at.get("download_button")
    assert [c.value for c in at.caption] == [render.unavailable_message()]


def test_a_chart_without_downloads_is_only_the_chart(monkeypatch) -> None:
    monkeypatch.setenv(render.BROWSER_ENV, "/tidak/ada/chromium")
    at = _app(_chart, downloads=False)
    assert len(at.get("plotly_chart")) == 1
    assert not at.get("download_button") and not at.caption


def _headline(path: str, areas: tuple[str, ...]) -> None:
    from datetime import date

    from zi_dash import analysis, ui
    from zi_dash.analysis import Filters
    from zi_dash.workbook import load_plan

    plan = load_plan(path)
    as_of = date(2022, 5, 1)
    filters = Filters(areas=areas)
    ui.headline(ui.Context(plan, analysis.view(plan, as_of, filters), as_of, filters))


@pytest.mark.parametrize(
    ("areas", "caption"),
    [
        ((), "KPU Kota Tegal · status per 1 Mei 2022 · 6 dari 6 aksi"),
        (("I",), "KPU Kota Tegal · status per 1 Mei 2022 · 2 dari 6 aksi · filter aktif"),
        (("IV",), "KPU Kota Tegal · status per 1 Mei 2022 · 0 dari 6 aksi · filter aktif"),
    ],
)
def test_the_headline_says_whose_figures_as_of_when(tmp_path: Path, areas, caption) -> None:
    path = factory.mixed(tmp_path / "mixed.xlsx")
    at = _app(_headline, path=str(path), areas=areas)
    assert [c.value for c in at.caption] == [caption]


def test_the_projector_style_hides_the_sidebar() -> None:
    from zi_dash.ui import PROJECTOR_CSS

    assert PROJECTOR_CSS.startswith("<style>") and PROJECTOR_CSS.endswith("</style>")
    assert 'section[data-testid="stSidebar"]' in PROJECTOR_CSS.split("{display: none;}")[0]

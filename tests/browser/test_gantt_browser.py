"""In Chromium at 1280×720 with the sidebar open: the Linimasa of a small imported plan draws
its date labels apart ("Jan 2023FebMar" was three labels on top of each other)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from tests.browser.server import serve
from tests.browser.tabs import shot, wait_ready
from tests.factory import action, make_workbook
from zi_dash.base import ActionCol

pytestmark = pytest.mark.browser

_LABELS = """() => [...document.querySelectorAll('.js-plotly-plot .xtick text')].map((t) => {
  const r = t.getBoundingClientRect();
  return {text: t.textContent, left: r.left, right: r.right};
})"""

PLANS = {
    "tiga_bulan": ["Januari 2023", "Februari 2023", "Maret 2023"],
    "lewat_tahun": ["Desember 2022 – Januari 2023", "Januari Minggu ke 3 2023"],
    "setahun": ["Januari 2023", "Juni 2023", "Januari 2024"],
}


@pytest.mark.parametrize("name", list(PLANS))
def test_a_small_plans_date_labels_do_not_touch(page, tmp_path: Path, name: str) -> None:
    # Indicators as long as a real SK's: the row labels take their 48 characters' width.
    text = "Tim kerja pembangunan Zona Integritas telah dibentuk"
    acts = [action(f"I.1.{i}", target=t, **{ActionCol.INDICATOR: text})
            for i, t in enumerate(PLANS[name], start=1)]  # fmt: skip
    workbook = make_workbook(tmp_path / "rencana_aksi.xlsx", acts)
    page.set_viewport_size({"width": 1280, "height": 720})
    with serve(workbook, tmp_path) as server:
        page.goto(f"{server.url}/linimasa")
        wait_ready(page)
        shot(page, f"linimasa_kecil_{name}")
        labels = page.evaluate(_LABELS)
    assert len(labels) >= 3
    touching = [(a["text"], b["text"]) for a, b in pairwise(labels) if b["left"] - a["right"] < 12]
    assert not touching, labels

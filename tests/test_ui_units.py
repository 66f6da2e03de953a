"""zi_dash.ui.units outside AppTest: the Rekap's DOCX download with and without chart images."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest

from zi_dash.analysis.rollup import UnitSummary
from zi_dash.charts import render
from zi_dash.export import rollup as export_rollup
from zi_dash.ui import units

AS_OF = date(2022, 6, 30)
FOLDER = units.Folder(
    Path("/srv/zi"),
    AS_OF,
    [
        UnitSummary(
            "/srv/zi/a.xlsx",
            unit="KPU Kota Tegal",
            year=2022,
            actions=70,
            completion=40.0,
            areas=(("I", 40.0),),
        )
    ],
    None,
)
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8cfc0f01f0005000201a2d6a6ef0000000049454e44ae426082"
)


def _text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_the_docx_has_both_charts_when_images_can_be_drawn(monkeypatch) -> None:
    drawn: list[str] = []
    monkeypatch.setattr(
        render, "image", lambda fig, fmt: drawn.append(fig.layout.title.text) or PNG
    )
    text = _text(export_rollup.rekap_docx_with_charts(FOLDER.summaries, FOLDER.as_of, FOLDER.path))
    assert "Gambar 1. Capaian per Satker dan Area, per 30 Juni 2022" in text
    assert "Gambar 2. Peringkat Capaian Satker, per 30 Juni 2022" in text
    assert len(drawn) == 2 and all("30 Juni 2022" in t for t in drawn)


def test_without_a_browser_the_docx_says_so_and_keeps_the_tables(monkeypatch) -> None:
    def unavailable(fig, fmt):
        raise render.RenderUnavailableError("Chrome/Chromium tidak ditemukan.")

    monkeypatch.setattr(render, "image", unavailable)
    data = export_rollup.rekap_docx_with_charts(FOLDER.summaries, FOLDER.as_of, FOLDER.path)
    assert "Grafik tidak disertakan: Chrome/Chromium tidak ditemukan." in _text(data)
    assert len(docx.Document(io.BytesIO(data)).tables) == 3  # plan, ranking, readiness


@pytest.mark.parametrize("name", ["KPU Kota Tegal · 2022 (a.xlsx)"])
def test_unit_labels_name_the_file(name: str) -> None:
    assert units.unit_label(FOLDER.summaries[0]) == name


def test_the_rekap_table_writes_decimals_the_indonesian_way() -> None:
    import pandas as pd

    from zi_dash.analysis.rollup import RekapCol

    frame = pd.DataFrame({RekapCol.COMPLETION: [75.0, float("nan")],
                          RekapCol.EVIDENCE: [11.5, 1234.5]})  # fmt: skip
    text = units.rekap_table(frame).to_string()
    assert "75,0" in text and "11,5" in text and "1.234,5" in text
    assert "nan" not in text and "75.0" not in text

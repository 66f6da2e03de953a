"""Exports opened and checked: PNG size and content, SVG, DOCX headings/captions/rows, xlsx."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from datetime import date, datetime

import docx
import openpyxl
import pytest
from PIL import Image, ImageStat

from tests import factory
from zi_dash import analysis
from zi_dash.analysis import Filters
from zi_dash.base import ActionCol
from zi_dash.base import contract as c
from zi_dash.charts import EXPORT_SCALE, EXPORT_WIDTH, catalogue, render
from zi_dash.export import bundle
from zi_dash.workbook import Plan, load_plan

AS_OF = date(2022, 5, 1)
needs_browser = pytest.mark.skipif(not render.available(), reason="Chromium tidak terpasang")


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    """The mixed plan, with a formula-looking note to prove exports keep it as text."""
    folder = tmp_path_factory.mktemp("export")
    path = factory.mixed(folder / "mixed.xlsx")
    from zi_dash.workbook import save_changes

    start = load_plan(path)
    save_changes(
        path,
        {c.Sheet.ACTIONS: {"I.1.2": {ActionCol.NOTES: '=HYPERLINK("http://x")'}}},
        user="uji",
        base_version=start.version,
        now=datetime(2022, 4, 20, 10, 0),  # before AS_OF, so the view keeps it
    )
    return load_plan(path)


@pytest.fixture(scope="module")
def package(plan: Plan) -> bundle.Package:
    if not render.available():
        pytest.skip("Chromium tidak terpasang")
    try:
        return bundle.build_package(plan, AS_OF, Filters())
    finally:
        render.RENDERER.stop()


@needs_browser
def test_every_chart_is_a_print_size_png_that_is_not_blank(package: bundle.Package) -> None:
    pngs = {n: d for n, d in package.files.items() if n.endswith(".png")}
    assert sorted(pngs) == [
        f"grafik/{catalogue.file_stem(k, AS_OF)}.png" for k in catalogue.CHART_KEYS
    ]
    for name, data in pngs.items():
        image = Image.open(io.BytesIO(data))
        assert image.width == EXPORT_WIDTH * EXPORT_SCALE >= 1600, name
        gray = ImageStat.Stat(image.convert("L"))
        assert gray.stddev[0] > 10, f"{name} looks blank"
        assert gray.extrema[0][0] < 100, f"{name} has no dark ink (no text?)"


@needs_browser
def test_every_svg_parses_and_holds_the_title(package: bundle.Package) -> None:
    svgs = {n: d for n, d in package.files.items() if n.endswith(".svg")}
    assert len(svgs) == len(catalogue.CHARTS)
    for name, data in svgs.items():
        root = ET.fromstring(data)
        assert root.tag.endswith("svg"), name
        text = " ".join(t.text or "" for t in root.iter() if t.tag.endswith("text"))
        assert "1 Mei 2022" in text, name


@needs_browser
def test_the_docx_has_title_page_figures_captions_and_tables(package: bundle.Package) -> None:
    data = package.files["laporan_rencana_aksi_zi_2022-05-01.docx"]
    document = docx.Document(io.BytesIO(data))
    texts = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert texts[0] == ("Title", "Laporan Pemantauan Rencana Aksi Zona Integritas")
    assert ("Normal", "Tanggal acuan: 1 Mei 2022") in texts
    headings = [t for s, t in texts if s.startswith("Heading")]
    assert headings == [
        "1. Ringkasan",
        "Per area",
        "Penilaian mandiri LKE (bukan nilai resmi)",
        "Cakupan LKE oleh rencana aksi",
        "2. Grafik",
        "3. Aksi terlambat dan tertinggal",
        "4. Kekurangan bukti dukung",
    ]
    captions = [t for s, t in texts if s == "Caption"]
    assert captions[:8] == [
        f"Gambar {i}. {spec.title}, per 1 Mei 2022" for i, spec in enumerate(catalogue.CHARTS, 1)
    ]
    assert len(document.inline_shapes) == 8
    summary, areas, late, gaps = document.tables
    assert [r.cells[0].text for r in summary.rows][:3] == [
        "Ukuran",
        "Capaian keseluruhan (rata-rata progres)",
        "Aksi selesai",
    ]
    assert summary.rows[2].cells[1].text == "2 dari 6"
    quoted = {r.cells[0].text: r.cells[1].text for r in summary.rows}
    assert quoted["Kurva S: realisasi per tanggal acuan"].endswith("%")
    assert quoted["Penilaian mandiri LKE (bukan nilai resmi)"] == "belum ada lembar LKE"
    assert [c.text for c in areas.rows[0].cells][:2] == ["Area", "Aksi"]
    assert [r.cells[0].text.split(" · ")[0] for r in areas.rows[1:]] == ["I", "II", "III"]
    assert [r.cells[1].text for r in areas.rows[1:]] == ["2", "2", "2"]
    assert [[c.text for c in r.cells][:2] for r in late.rows] == [
        ["ID", "Indikator"],
        ["I.1.2", "Indikator I.1.2"],
    ]
    # Done with a missing item, then late, then due soon (I.1.1 done, I.1.2 late, II.1.1 soon).
    assert [r.cells[1].text for r in gaps.rows[1:]] == ["I.1.1/2", "I.1.2/1", "II.1.1/1"]


@needs_browser
def test_the_pdf_is_made_by_chromium(package: bundle.Package) -> None:
    data = package.files["laporan_rencana_aksi_zi_2022-05-01.pdf"]
    assert data.startswith(b"%PDF-") and data.count(b"/Type /Page") + data.count(b"/Type/Page") >= 2


def test_the_xlsx_has_the_rows_and_no_formulas(plan: Plan) -> None:
    view = analysis.view(plan, AS_OF, Filters(areas=("I", "II")))
    data = bundle.tables_xlsx(plan, view, AS_OF, "Area I, II")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == [
        "Info",
        c.Sheet.ACTIONS,
        "Terlambat",
        "Kekurangan Bukti",
        c.Sheet.EVIDENCE,
    ]
    actions = book[c.Sheet.ACTIONS]
    ids = [r[0] for r in actions.iter_rows(min_row=2, values_only=True)]
    assert ids == ["I.1.1", "I.1.2", "II.1.1", "II.2.1"]
    header = [cell.value for cell in actions[1]]
    assert "Status per tanggal acuan" in header and ActionCol.NOTES in header
    note = actions.cell(3, header.index(ActionCol.NOTES) + 1)
    assert note.value == '=HYPERLINK("http://x")' and note.data_type == "s" and note.quotePrefix
    assert [r[0] for r in book["Terlambat"].iter_rows(min_row=2, values_only=True)] == ["I.1.2"]
    assert book[c.Sheet.EVIDENCE].max_row == 1 + 5
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in archive.read(name).decode()


def test_without_a_browser_the_report_and_tables_are_still_made(plan, monkeypatch) -> None:
    monkeypatch.setenv(render.BROWSER_ENV, "/tidak/ada/chromium")
    monkeypatch.setattr(render, "RENDERER", render.Renderer())
    package = bundle.build_package(plan, AS_OF, Filters())
    assert not [n for n in package.files if n.endswith((".png", ".svg", ".pdf"))]
    assert "Chrome/Chromium tidak ditemukan" in package.warnings[0]
    assert "tombol kamera" in package.warnings[0]
    document = docx.Document(io.BytesIO(package.files["laporan_rencana_aksi_zi_2022-05-01.docx"]))
    assert any("Grafik tidak disertakan" in p.text for p in document.paragraphs)


def test_the_zip_holds_every_file(plan: Plan, monkeypatch) -> None:
    monkeypatch.setenv(render.BROWSER_ENV, "/tidak/ada/chromium")
    monkeypatch.setattr(render, "RENDERER", render.Renderer())
    package = bundle.build_package(plan, AS_OF, Filters(), pdf=False)
    with zipfile.ZipFile(io.BytesIO(package.zip_bytes())) as archive:
        assert sorted(archive.namelist()) == sorted(package.files)

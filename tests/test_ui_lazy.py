"""Lazy downloads: a file made when clicked that cannot be made says why, in Indonesian, in a
file of the kind asked for; never Streamlit's "Failed to generate file for download"."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from PIL import Image
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from tests import factory
from zi_dash.base import WORKBOOK_ENV, WorkbookError
from zi_dash.charts import render
from zi_dash.export import failure
from zi_dash.ui import Key, lazy

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def _fails(exc: BaseException) -> Callable[..., bytes]:
    def make(*args: object) -> bytes:
        raise exc

    return make


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (render.RenderUnavailableError("Gambar grafik gagal dibuat di server."), "gagal dibuat"),
        (WorkbookError("Lembar Riwayat tidak ada."), "Lembar Riwayat tidak ada."),
        (FileNotFoundError(2, "No such file or directory"), "mungkin sudah dipindah"),
        (TypeError("unsupported operand"), "pengelolanya dapat melihat rinciannya di log"),
    ],
)
def test_a_failed_download_is_a_text_saying_why(exc: BaseException, reason: str) -> None:
    said = lazy(_fails(exc), "laporan.txt")().decode()
    assert said.startswith("Berkas laporan.txt tidak dapat dibuat.") and reason in said
    for english in ("No such file", "unsupported", "Error", "Failed"):
        assert english not in said


def test_a_download_that_works_is_untouched() -> None:
    assert lazy(lambda: b"isi", "a.xlsx")() == b"isi"


def test_each_kind_says_it_in_its_own_format() -> None:
    reason = "Gambar grafik gagal dibuat di server."
    png = Image.open(io.BytesIO(failure.document("grafik.png", reason)))
    assert png.format == "PNG" and png.width == 1000
    svg = failure.document("grafik <b>.svg", reason).decode()
    lines = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert svg.startswith("<svg") and " ".join(lines) == html.escape(
        failure.message("grafik <b>.svg", reason)
    )
    book = openpyxl.load_workbook(io.BytesIO(failure.document("tabel.xlsx", reason)))
    assert book["Gagal"]["A1"].value == failure.message("tabel.xlsx", reason)
    doc = Document(io.BytesIO(failure.document("laporan.docx", reason)))
    assert doc.paragraphs[0].text == failure.message("laporan.docx", reason)


@pytest.fixture
def deferred(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], bytes]]:
    """The callables the page gave its download buttons, by file name."""
    seen: dict[str, Callable[[], bytes]] = {}
    original = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        seen[str(file_name)] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return seen


def test_a_chart_image_that_fails_is_a_png_saying_why(monkeypatch, tmp_path, deferred) -> None:
    monkeypatch.setattr(render, "available", lambda: True)
    monkeypatch.setattr(
        render, "image", _fails(render.RenderUnavailableError(render.FAILED_MESSAGE))
    )
    monkeypatch.setenv(WORKBOOK_ENV, str(factory.mixed(tmp_path / "rencana_aksi.xlsx")))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[Key.AS_OF] = date(2022, 5, 1)
    at.run()
    assert not at.exception
    png = deferred["capaian_per_area_2022-05-01.png"]()  # what a click downloads: no raise
    assert Image.open(io.BytesIO(png)).format == "PNG"
    svg = deferred["capaian_per_area_2022-05-01.svg"]().decode()
    said = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    assert said == failure.message("capaian_per_area_2022-05-01.svg", render.FAILED_MESSAGE)


def test_an_evidence_file_gone_since_the_listing_says_so(monkeypatch, tmp_path, deferred) -> None:
    path = factory.mixed(tmp_path / "rencana_aksi.xlsx")
    folder = tmp_path / "bukti" / "I.1.1"
    folder.mkdir(parents=True)
    (folder / "sk.pdf").write_bytes(b"%PDF-1.4 uji")
    book = openpyxl.load_workbook(path)
    sheet = book["Bukti"]
    link = [c.value for c in sheet[1]].index("Tautan") + 1
    sheet.cell(2, link).value = "bukti/I.1.1/sk.pdf"
    book.save(path)
    monkeypatch.setenv(WORKBOOK_ENV, str(path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[Key.AS_OF] = date(2022, 5, 1)
    at.run()
    at.switch_page("pages/bukti.py").run()
    assert not at.exception
    (folder / "sk.pdf").unlink()  # deleted on the share after the page was drawn
    said = deferred["sk.pdf"]().decode()
    assert said.startswith("Berkas sk.pdf tidak dapat dibuat.") and "dihapus" in said

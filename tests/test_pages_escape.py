"""Every page under AppTest on a workbook whose texts are Markdown/HTML payloads: each is drawn
as the characters typed, never as a link, an image, bold, LaTeX, an emoji or a colour."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from google.protobuf.descriptor import FieldDescriptor
from streamlit.testing.v1 import AppTest

from tests.markup import HOSTILE, PAYLOADS, hostile_workbook, markup, read, shown
from zi_dash.analysis import meeting
from zi_dash.base import FOLDER_ENV, WORKBOOK_ENV, ActionCol, Sheet
from zi_dash.ui import Key

APP = str(Path(__file__).resolve().parent.parent / "app.py")
AS_OF = date(2022, 5, 1)
# Proto fields Streamlit draws as Markdown (bodies, labels, help, captions of widgets).
_MARKDOWN_FIELDS = {"body", "label", "help", "caption", "text"}
_LITERAL_TYPES = {"text", "code", "plotly_chart", "json", "arrow_data_frame", "exception", "html"}
_ESCAPED_HTML = "&lt;b&gt;x&lt;/b&gt;"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_workbook(tmp_path_factory.mktemp("hostile") / "rencana_aksi.xlsx")


def _app(monkeypatch: pytest.MonkeyPatch, workbook: Path, page: str, **state: Any) -> AppTest:
    monkeypatch.setenv(WORKBOOK_ENV, str(workbook))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[Key.AS_OF] = AS_OF
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    return at.switch_page(page).run() if page != "pages/ringkasan.py" else at


def _nodes(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def _items(value: Any) -> list[Any]:
    return [value] if isinstance(value, str) or hasattr(value, "ListFields") else list(value)


def _strings(message: Any) -> Iterator[str]:
    for field, value in message.ListFields():
        if field.type == FieldDescriptor.TYPE_MESSAGE:
            for item in _items(value):
                yield from _strings(item)
        elif field.type == FieldDescriptor.TYPE_STRING and field.name in _MARKDOWN_FIELDS:
            yield from _items(value)


def markdown_sources(at: AppTest) -> list[str]:
    """Every text the page hands to Streamlit's Markdown renderer, st.table cells included."""
    sources: list[str] = []
    for node in _nodes(at._tree):
        if getattr(node, "type", None) == "table":
            frame = node.value
            sources += [str(v) for v in frame.to_numpy().ravel()] + [str(i) for i in frame.index]
            continue
        proto = getattr(node, "proto", None)
        if proto is None or getattr(node, "type", None) in _LITERAL_TYPES:
            continue
        sources += list(_strings(proto))
    return sources


def figure_strings(at: AppTest) -> list[str]:
    """Every string of every plotly figure on the page (titles, ticks, hover, annotations)."""
    out: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for chart in at.get("plotly_chart"):
        walk(json.loads(chart.proto.spec))
    return out


def assert_drawn_literally(at: AppTest) -> None:
    """No payload is markup anywhere; the payload is drawn as typed somewhere on the page."""
    assert not at.exception, at.exception
    sources = markdown_sources(at)
    problems = {s: markup(s, blocks=False) for s in sources}
    assert {s: p for s, p in problems.items() if p} == {}
    assert any(HOSTILE in read(s).text for s in sources), "the payload is shown, as typed"
    for text in figure_strings(at):
        assert "<b>x</b>" not in text and "$x$" not in text and "<a" not in text, text


PAGES = [
    "pages/ringkasan.py",
    "pages/linimasa.py",
    "pages/bukti.py",
    "pages/ekspor.py",
    "pages/riwayat.py",
    "pages/rencana_baru.py",
    "pages/pengingat.py",
]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_draws_workbook_text_literally(monkeypatch, workbook: Path, page: str) -> None:
    assert_drawn_literally(_app(monkeypatch, workbook, page))


def test_the_charts_escape_area_and_component_names(monkeypatch, workbook: Path) -> None:
    texts = figure_strings(_app(monkeypatch, workbook, "pages/ringkasan.py"))
    assert any(_ESCAPED_HTML in t and "Manajemen Perubahan" in t for t in texts)  # area names
    assert any(_ESCAPED_HTML in t and "Komponen" in t for t in texts)
    texts = figure_strings(_app(monkeypatch, workbook, "pages/linimasa.py"))
    assert any(_ESCAPED_HTML in t and "Pak" in t for t in texts)  # the Gantt's hover
    assert not any("&quot;" in t for t in texts)  # plotly would show it as typed


@pytest.mark.parametrize("user", [None, "budi"])
@pytest.mark.parametrize("page", ["pages/sunting_aksi.py", "pages/sunting_bukti.py"])
def test_the_editing_pages_draw_workbook_text_literally(monkeypatch, workbook, page, user):
    state = {Key.USER: user} if user else {}
    at = _app(monkeypatch, workbook, page, **state)
    assert not at.exception
    assert all(markup(s, blocks=False) == [] for s in markdown_sources(at))


def test_every_meeting_screen_draws_workbook_text_literally(monkeypatch, workbook: Path) -> None:
    at = _app(monkeypatch, workbook, "pages/rapat.py")
    count = len(meeting.screens(_plan(workbook)))
    assert count > 2
    for screen in range(count):
        at.session_state[Key.MEETING_SCREEN] = screen
        at.run()
        sources = markdown_sources(at)
        assert {s: p for s in sources if (p := markup(s, blocks=False))} == {}
        assert not at.exception
    assert at.table, "the last screen shows a table (its cells are Markdown too)"
    cells = at.table[0].value.to_numpy().ravel()  # long texts are cut to fit the screen
    assert any(PAYLOADS["link"] in read(str(v)).text for v in cells)


def _plan(path: Path):
    from zi_dash.workbook import load_plan

    return load_plan(path)


def test_a_cell_value_quoted_in_an_error_is_drawn_literally(monkeypatch, tmp_path: Path) -> None:
    path = hostile_workbook(tmp_path / "rusak.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book[Sheet.ACTIONS]
    column = [cell.value for cell in sheet[1]].index(ActionCol.PROGRESS) + 1
    sheet.cell(2, column).value = f"lima {HOSTILE}"
    book.save(path)
    at = _app(monkeypatch, path, "pages/ringkasan.py")
    assert at.error, "the workbook is refused with the project's message"
    body = at.error[0].proto.body
    assert markup(body, blocks=False) == []
    assert HOSTILE in read(body).text


def test_folder_mode_draws_unit_names_and_files_literally(monkeypatch, tmp_path: Path) -> None:
    hostile_workbook(tmp_path / "kpu_[klik](http:evil.example)_2022.xlsx")
    monkeypatch.setenv(FOLDER_ENV, str(tmp_path))
    monkeypatch.delenv(WORKBOOK_ENV, raising=False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[Key.AS_OF] = AS_OF
    at.run()
    for page in ("pages/rekap.py", "pages/ringkasan.py"):
        at.switch_page(page).run()
        assert not at.exception
        sources = markdown_sources(at)
        assert {s: p for s in sources if (p := markup(s, blocks=False))} == {}
    labels = figure_strings(at.switch_page("pages/rekap.py").run())
    assert any(_ESCAPED_HTML in t and "KPU" in t for t in labels)  # the units' rows


@pytest.mark.parametrize("page", ["pages/ekspor.py", "pages/rapat.py"])
def test_the_filter_words_quote_workbook_text_literally(monkeypatch, workbook, page) -> None:
    pic = f"Pak {HOSTILE}"
    at = _app(monkeypatch, workbook, page, **{Key.PICS: [pic]})
    assert not at.exception
    sources = markdown_sources(at)
    assert {s: p for s in sources if (p := markup(s, blocks=False))} == {}
    assert any(pic in read(s).text for s in sources)  # "cakupan: … Penanggung jawab: Pak …"


def test_a_refused_upload_names_its_file_literally(monkeypatch, tmp_path: Path) -> None:
    path = hostile_workbook(tmp_path / "rencana_aksi.xlsx")
    at = _app(monkeypatch, path, "pages/sunting_bukti.py", **{Key.USER: "budi"})
    name = "[klik](http://evil.example/a) **tebal**.pdf"
    at.file_uploader[0].set_value((name, b"bukan pdf", "application/pdf"))
    next(b for b in at.button if b.label == "Unggah dan simpan").click().run()
    assert not at.exception
    body = at.error[0].proto.body  # "Nama berkas '…' tidak boleh berisi folder …"
    assert markup(body, blocks=False) == [] and name in shown(body)

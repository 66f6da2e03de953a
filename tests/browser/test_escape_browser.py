"""In Chromium, on a workbook whose texts are Markdown/HTML payloads: the sidebar, Ringkasan,
Mode Rapat and Ekspor draw them as typed, with no link, image, bold, LaTeX, emoji or colour
made of them, in the page or in the charts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.server import Server, serve
from tests.browser.tabs import shot, wait_ready
from tests.markup import PAYLOADS, hostile_workbook
from zi_dash.base.text import WORD_JOINER

pytestmark = pytest.mark.browser

# What Streamlit's Markdown or plotly would have made of a payload.
_MADE = """() => {
  const q = (s) => [...document.querySelectorAll(s)];
  return {
    links: q('a[href*="evil"]:not([href^="#"])').map((a) => a.outerHTML),
    images: q('img[src*="evil"], image[href*="evil"]').map((i) => i.outerHTML),
    bold: q('strong, b').filter((b) => b.textContent.trim() === 'tebal' || b.textContent === 'x')
      .map((b) => b.outerHTML),
    katex: q('.katex').length,
    colour: q('.stMarkdownColoredText').filter((s) => s.textContent === 'x').length,
    emoji: document.body.innerText.includes('😄'),
    arrow: document.body.innerText.includes('A → B'),
  };
}"""
_NOTHING = {"links": [], "images": [], "bold": [], "katex": 0, "colour": 0, "emoji": False,
            "arrow": False}  # fmt: skip


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("hostile")
    with serve(hostile_workbook(folder / "rencana_aksi.xlsx"), folder) as running:
        yield running


def _as_of_1_may(page) -> None:
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("spinbutton", name="day, Tanggal acuan").click()
    page.keyboard.type("01052022")
    page.get_by_role("heading").first.click()
    wait_ready(page)


@pytest.mark.parametrize(("path", "name"), [("", "ringkasan"), ("ekspor", "ekspor")])
def test_the_sidebar_and_pages_draw_payloads_as_typed(page, hostile_server, path, name) -> None:
    page.goto(f"{hostile_server.url}/{path}")
    wait_ready(page)
    _as_of_1_may(page)
    sidebar = page.get_by_test_id("stSidebar").inner_text().replace(WORD_JOINER, "")
    for payload in ("link", "image", "bold", "html", "latex", "color", "emoji"):
        assert PAYLOADS[payload] in sidebar, payload  # Satuan Kerja and "oleh <user>"
    assert page.get_by_test_id("stException").count() == 0
    shot(page, f"escape_{name}")
    assert page.evaluate(_MADE) == _NOTHING


def test_mode_rapat_draws_payloads_as_typed(page, hostile_server) -> None:
    page.goto(hostile_server.url)
    wait_ready(page)
    _as_of_1_may(page)
    page.get_by_role("link", name="Mode Rapat").click()
    wait_ready(page)
    for _ in range(2):  # past the LKE screen to area I: its late actions table
        page.get_by_role("button", name="Berikutnya ▶").click()
        wait_ready(page)
    page.get_by_test_id("stTable").first.wait_for()
    main = page.get_by_test_id("stMain").inner_text().replace(WORD_JOINER, "")
    assert f"Manajemen Perubahan {PAYLOADS['link']}" in main  # the screen's title, as typed
    assert PAYLOADS["link"] in page.get_by_test_id("stTable").first.inner_text().replace(
        WORD_JOINER, ""
    )
    assert PAYLOADS["emoji"] in main
    shot(page, "escape_rapat")
    assert page.evaluate(_MADE) == _NOTHING


def test_filter_options_are_plain_text(page, hostile_server) -> None:
    """Selectbox and multiselect options are not Markdown in Streamlit: checked, not assumed."""
    page.goto(hostile_server.url)
    wait_ready(page)
    page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').nth(3).click()
    option = page.get_by_role("option").first
    option.wait_for()
    assert PAYLOADS["link"] in option.inner_text()  # the Penanggung jawab, as typed
    shot(page, "escape_saringan")
    assert page.evaluate(_MADE) == _NOTHING

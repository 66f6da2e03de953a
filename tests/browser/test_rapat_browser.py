"""In Chromium, on the committed plan as of 30 June 2022: every Mode Rapat screen fits a
1280×720 and a 1366×768 projector with nothing to scroll, the overview's chart whole, and no
text below projector size or in Streamlit's faded grey, with and without a filter."""

from __future__ import annotations

import re

import pytest

from tests.browser.server import Server
from tests.browser.tabs import expect_rerun, set_as_of, shot, wait_ready
from zi_dash.charts.style import PROJECTOR_MIN_FONT

pytestmark = pytest.mark.browser

# WCAG's AAA contrast for body text: a projector washes out what a monitor shows at 4.5:1.
MIN_CONTRAST = 7.0

# Everything that makes a screen fit or not, read from the laid-out page. Text sizes and
# colours come from each text node's element, plotly's SVG text included; the colour is the
# one seen: its alpha times every ancestor's opacity, over the white page. Material icons are
# ligatures ("close"), not text; a disabled button is greyed on purpose.
_MEASURE = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const luminance = ([r, g, b]) => {
    const lin = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const seen = (el, color) => {
    const [r, g, b, a = 1] = color.match(/[\\d.]+/g).map(Number);
    let alpha = a;
    for (let e = el; e; e = e.parentElement) alpha *= +getComputedStyle(e).opacity;
    return [r, g, b].map((v) => v * alpha + 255 * (1 - alpha));
  };
  const texts = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement, text = node.textContent.trim();
    if (!text || el.closest('[data-testid="stIconMaterial"], button:disabled')) continue;
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    const style = getComputedStyle(el);
    const color = el.closest('svg') ? style.fill : style.color;
    const contrast = 1.05 / (luminance(seen(el, color)) + 0.05);
    texts.push({text: text.slice(0, 50), px: parseFloat(style.fontSize), contrast,
                bottom: box.bottom, right: box.right});
  }
  const bottoms = [...main.querySelectorAll('[data-testid="stElementContainer"]')]
    .map((e) => e.getBoundingClientRect()).filter((r) => r.height > 0).map((r) => r.bottom);
  const plot = document.querySelector('.js-plotly-plot .main-svg');
  const bars = [...document.querySelectorAll('.js-plotly-plot .bars .point')]
    .map((p) => p.getBoundingClientRect().bottom);
  const axis = [...document.querySelectorAll('.js-plotly-plot :is(.xtick text, .xtitle)')]
    .map((t) => t.getBoundingClientRect().bottom);
  return {
    width: innerWidth, height: innerHeight,
    scrollHeight: main.scrollHeight, scrollWidth: document.documentElement.scrollWidth,
    bottom: Math.max(...bottoms), texts,
    plot: plot ? plot.getBoundingClientRect().bottom : null,
    bars, axis,
  };
}"""


def _filter_statuses(page, *statuses: str) -> None:
    select = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').nth(2)
    for status in statuses:
        select.click()
        page.keyboard.type(status)  # the one option left of the list, picked by its name
        page.get_by_role("option", name=status, exact=True).wait_for()
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        wait_ready(page)


def _problems(m: dict, screen: str) -> list[str]:
    """What keeps a measured screen from being read whole from the back of the room."""
    out = []
    if m["scrollHeight"] > m["height"] or m["bottom"] > m["height"]:
        out.append(f"{screen}: ends at {m['bottom']:.0f} px, scrolls {m['scrollHeight']} px")
    if m["scrollWidth"] > m["width"]:
        out.append(f"{screen}: {m['scrollWidth']} px wide")
    for t in m["texts"]:
        if t["px"] < PROJECTOR_MIN_FONT:
            out.append(f"{screen}: {t['text']!r} at {t['px']} px")
        if t["contrast"] < MIN_CONTRAST:
            out.append(f"{screen}: {t['text']!r} at contrast {t['contrast']:.1f}")
        if t["bottom"] > m["height"] or t["right"] > m["width"]:
            out.append(f"{screen}: {t['text']!r} outside the screen")
    for what in ("bars", "axis"):
        if any(y > m["height"] for y in m[what]):
            out.append(f"{screen}: chart's {what} end at {max(m[what]):.0f} px")
    return out


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)], ids=["1280x720", "1366x768"])
@pytest.mark.parametrize("statuses", [(), ("Terlambat", "Tertinggal")], ids=["all", "filtered"])
def test_every_meeting_screen_fits_the_projector(
    page, server: Server, size: tuple[int, int], statuses: tuple[str, ...]
) -> None:
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    page.goto(server.url)
    wait_ready(page)
    set_as_of(page, "30", "06", "2022")
    _filter_statuses(page, *statuses)
    page.get_by_role("link", name="Mode Rapat").click()
    wait_ready(page)
    name = f"rapat_{width}x{height}_{'saringan' if statuses else 'semua'}"
    problems, shown, n = [], [], 1
    while True:
        where = page.get_by_text(re.compile(r"^Layar \d+ dari \d+")).inner_text()
        assert where.startswith(f"Layar {n} dari 14 · status per 30 Juni 2022"), where
        shot(page, f"{name}_{n:02d}")
        m = page.evaluate(_MEASURE)
        problems += _problems(m, f"layar {n}")
        shown.append(" ".join(t["text"] for t in m["texts"]))
        if n == 1 and (len(m["bars"]) != 6 or not m["axis"] or m["plot"] > height):
            problems.append(f"overview: {len(m['bars'])} bars, chart ends at {m['plot']} px")
        nxt = page.get_by_role("button", name="Berikutnya ▶")
        if nxt.is_disabled():
            break
        with expect_rerun(page):
            nxt.click()
        n += 1
    assert n == 14
    assert not problems, "\n".join(problems)
    everywhere = ["Keluar dari Mode Rapat"]
    if statuses:
        everywhere.append("Saringan aktif: Status: Terlambat, Tertinggal")
    assert all(all(text in s for text in everywhere) for s in shown)
    # An area with more than four late actions says how many more, inside the screen.
    assert any(re.search(r"\+\d+ lainnya", s) for s in shown[1:])


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)], ids=["1280x720", "1366x768"])
def test_a_date_outside_the_plan_year_is_one_line_and_the_screen_still_fits(
    page, server: Server, size: tuple[int, int]
) -> None:
    # The tanggal acuan starts at today, years after the 2022 plan: the page's notice box
    # and its buttons would push the overview past the screen's bottom.
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{server.url}/rapat")
    wait_ready(page)
    page.get_by_text("Tanggal acuan di luar tahun rencana 2022").wait_for()
    assert page.get_by_text("Rencana aksi ini untuk tahun 2022").count() == 0  # not the box too
    shot(page, f"rapat_{width}x{height}_di_luar_tahun")
    m = page.evaluate(_MEASURE)
    problems = _problems(m, "ikhtisar")
    assert len(m["bars"]) == 6 and m["axis"] and m["plot"] <= height
    assert not problems, "\n".join(problems)
    with expect_rerun(page):
        page.get_by_role("button", name="Pakai 31 Desember 2022").click()
    assert (
        page.get_by_text(re.compile(r"^Layar 1 dari 14"))
        .inner_text()
        .endswith("status per 31 Desember 2022")
    )
    assert page.get_by_text("Tanggal acuan di luar tahun rencana 2022").count() == 0

"""Fixtures of the browser tests: a real Streamlit server and Debian's Chromium via Playwright.

Never `playwright install`: the browser is the system's /usr/bin/chromium.

The helpers live by concern:

- `tests/browser/server.py`: `serve(workbook, folder)`, a server with the editors in USERS.
- `tests/browser/tabs.py`: `open_page(browser)` (a tab with the run tracker), `wait_ready(page)`
  (every script run asked for has finished and is on screen), `expect_rerun(page)` (around an
  action that asks for a run), `shot(page, name)`.
- `tests/browser/grid.py`: `login(page, server, user, password, path)`, and the data grid
  addressed by row position and column header: `grid_ready`, `edit_cell`, `read_cell`.
- fixtures here: `server`, `mixed_server`, `browser`, and `page` and `second_page`, two
  independent browsers (own cookies and sessions), e.g. `budi` and `ani` editing at once.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import factory
from tests.browser.server import ROOT, Server, serve
from tests.browser.tabs import BROWSER_ARGS, CHROMIUM, open_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The dashboard on a copy of the committed workbook."""
    folder = tmp_path_factory.mktemp("server")
    workbook = folder / "rencana_aksi.xlsx"
    shutil.copyfile(ROOT / "data" / "rencana_aksi.xlsx", workbook)
    with serve(workbook, folder) as running:
        yield running


@pytest.fixture(scope="module")
def mixed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The dashboard on the hand-made mixed plan, whose figures the tests know."""
    folder = tmp_path_factory.mktemp("mixed")
    with serve(factory.mixed(folder / "rencana_aksi.xlsx"), folder) as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium; the tests are skipped where it is missing."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium tidak ditemukan di {CHROMIUM} (jalankan scripts/ensure-chromium.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=BROWSER_ARGS,
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh tab, tall enough that Streamlit's inner scroller shows a whole page."""
    context, tab = open_page(browser)
    yield tab
    context.close()


@pytest.fixture
def second_page(browser):
    """A second tab in its own browser context: another user editing at the same time."""
    context, tab = open_page(browser)
    yield tab
    context.close()

"""A real Streamlit server on a free port and Debian's Chromium driven by Playwright.

Never `playwright install`: the browser is the system's /usr/bin/chromium.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import factory
from zi_dash import auth
from zi_dash.config import WORKBOOK_ENV

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
EDITOR, PASSWORD = "budi", "rahasia-123"

pytestmark = pytest.mark.browser


@dataclass
class Server:
    """A running dashboard and the files it works on."""

    url: str
    workbook: Path
    users: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("streamlit stopped before it was ready")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"streamlit not healthy at {url}")


@contextmanager
def serve(workbook: Path, folder: Path) -> Iterator[Server]:
    """`streamlit run app.py` on `workbook`, with one editor account, until the block ends."""
    users = folder / "users.json"
    auth.add_user(users, EDITOR, PASSWORD)
    port = _free_port()
    env = {**os.environ, WORKBOOK_ENV: str(workbook), auth.USERS_ENV: str(users)}
    log = (folder / "server.log").open("wb")
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", "app.py",
            "--server.headless", "true", "--server.port", str(port),
            "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
        ],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield Server(url, workbook, users)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


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
            args=["--no-sandbox", "--disable-dev-shm-usage"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, tmp_path: Path):
    """A fresh tab, tall enough that Streamlit's inner scroller shows a whole page."""
    context = browser.new_context(viewport={"width": 1500, "height": 1400}, accept_downloads=True)
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    yield tab
    context.close()


def shot(page, name: str) -> Path:
    """Save a screenshot as a test artifact, once the page's charts are drawn."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=30_000
    )
    charts = page.locator('[data-testid="stPlotlyChart"]').count()
    if charts:
        page.wait_for_function(
            f"() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= {charts}",
            timeout=30_000,
        )
        page.wait_for_timeout(300)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def wait_ready(page) -> None:
    """Until Streamlit has finished running the script for this page."""
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000
    )
    page.wait_for_timeout(400)

"""The wheel, installed into a fresh virtual environment outside the checkout, runs and serves.

The wheel is built from a copy of the checkout's sources (a stale build/ could hide a file the
wheel lacks) with the pinned setuptools of requirements-dev.txt, offline. The fresh venv gets
only the wheel; its dependencies are the already installed pinned ones, seen through a .pth
file (no download: CI has no cache of them), and `pip check` proves they satisfy the wheel's
declared requirements. Every command runs with its working directory in a temporary folder and
without PYTHONPATH, so a file the wheel misses fails here.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
# What pyproject.toml builds from; data/ without what a running server leaves beside the workbook.
SOURCES = ("pyproject.toml", "app.py", "zi_dash", "pages", "data", ".streamlit")
_LEFTOVERS = shutil.ignore_patterns("__pycache__", "*.pyc", ".backup", ".drafts", "bukti", "*.bak*")


@dataclass
class Installed:
    """A fresh venv with the wheel in it, and a folder outside the checkout to run in."""

    python: Path
    command: Path  # the zi-dash script
    package: Path  # the installed zi_dash folder
    work: Path
    env: dict[str, str]

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """`zi-dash args…` in the work folder."""
        return subprocess.run(
            [str(self.command), *args],
            cwd=self.work, env=self.env, capture_output=True, text=True, timeout=timeout,
        )  # fmt: skip


def _venv_file(venv: Path, name: str) -> Path:
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    return scripts / (f"{name}.exe" if os.name == "nt" else name)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    for name in SOURCES:
        origin = ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, src / name, ignore=_LEFTOVERS)
        else:
            src.mkdir(exist_ok=True)
            shutil.copyfile(origin, src / name)
    dist = base / "dist"
    build = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)]
    subprocess.run([*build, str(src)], check=True, capture_output=True, timeout=180)
    (wheel,) = dist.glob("zi_dash-*.whl")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = _venv_file(venv, "python")
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
    )  # fmt: skip
    (site / "zz_pinned_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", str(python)]
    subprocess.run([*pip, "install", "--no-deps", "--no-index", "--quiet", str(wheel)], check=True)
    check = subprocess.run([*pip, "check"], capture_output=True, text=True)
    assert "zi-dash" not in check.stdout.lower(), check.stdout  # its requirements are met
    work = base / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "ZI_"))}
    env |= {"HOME": str(work), "USERPROFILE": str(work)}  # the users file and sample copy
    return Installed(python, _venv_file(venv, "zi-dash"), site / "zi_dash", work, env)


def test_the_package_is_imported_from_the_venv_not_the_checkout(installed: Installed) -> None:
    where = subprocess.run(
        [str(installed.python), "-c", "import zi_dash; print(zi_dash.__file__)"],
        cwd=installed.work, env=installed.env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert Path(where.strip()).parent == installed.package
    assert (installed.package / "_app" / "app.py").is_file()


def test_help_is_indonesian_and_names_every_command(installed: Installed) -> None:
    done = installed.run("--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("penggunaan: zi-dash")
    for command in ("serve", "lke-score", "build-workbook", "add-user", "rekap"):
        assert command in done.stdout


def test_lke_score_reads_the_shipped_sample_and_bank(installed: Installed) -> None:
    sample = installed.package / "_app" / "data" / "rencana_aksi.xlsx"
    done = installed.run("lke-score", "--workbook", str(sample))
    assert done.returncode == 0, done.stderr
    checkout = [sys.executable, "-m", "zi_dash", "lke-score", "--workbook", "data/" + sample.name]
    here = subprocess.run(checkout, cwd=ROOT, capture_output=True, text=True).stdout
    assert done.stdout == here  # the checkout's figures, from the wheel's files
    assert "penilaian mandiri" in done.stdout.lower()


def test_build_workbook_reads_the_shipped_sk_text(installed: Installed) -> None:
    out = installed.work / "dari_sk.xlsx"
    done = installed.run("build-workbook", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 10_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served(installed: Installed) -> Iterator[str]:
    """`zi-dash serve` with no workbook named: the installed sample, copied to the home."""
    port = _free_port()
    log = (installed.work / "serve.log").open("wb")
    server = subprocess.Popen(
        [str(installed.command), "serve", "--port", str(port), "--address", "127.0.0.1"],
        cwd=installed.work, env=installed.env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, (installed.work / "serve.log").read_text()
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                    assert answer.read() == b"ok"
                    break
            except OSError:
                assert time.monotonic() < deadline, "zi-dash serve did not answer"
                time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def test_serve_answers_and_serves_a_copy_of_the_sample(installed: Installed, served: str) -> None:
    with urllib.request.urlopen(served, timeout=10) as answer:
        assert answer.status == 200
        assert b'id="root"' in answer.read()
    copy = installed.work / "zi-dash" / "rencana_aksi.xlsx"
    sample = installed.package / "_app" / "data" / "rencana_aksi.xlsx"
    assert copy.read_bytes() == sample.read_bytes()


# In a process of its own: the browser suite's session-wide Playwright may be running in this
# one, and a second sync_playwright in the same thread refuses to start.
_RENDER = """
import sys
from playwright.sync_api import sync_playwright

url, chromium, args = sys.argv[1], sys.argv[2], sys.argv[3:]
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=chromium, headless=True, args=args)
    tab = browser.new_page()
    tab.goto(url)
    tab.get_by_role("heading", name="Ringkasan Rencana Aksi Zona Integritas").wait_for(
        timeout=60_000
    )
    print("traceback" if tab.get_by_text("Traceback").count() else "ok")
    browser.close()
"""


def test_serve_renders_the_first_page_in_chromium(served: str) -> None:
    from tests.browser.tabs import BROWSER_ARGS, CHROMIUM

    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium tidak ditemukan di {CHROMIUM}")
    done = subprocess.run(
        [sys.executable, "-c", _RENDER, served, CHROMIUM, *BROWSER_ARGS],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert (done.returncode, done.stdout.strip()) == (0, "ok"), done.stderr[-2000:]

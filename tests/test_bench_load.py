"""bench.load's own pieces: the server's CPU and memory read from /proc, the table's
percentiles, which responses count as failed loads; the server settings it measured; and a
quick run end to end in Chromium (N = 2, one save per editor)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest

from bench import load, proc

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("values", "q", "shown"),
    [
        ([], 0.5, "–"),
        ([3.0], 0.95, "3.0 s"),
        ([4.0, 1.0, 3.0, 2.0, 5.0], 0.5, "3.0 s"),
        ([float(i) for i in range(1, 21)], 0.95, "19.0 s"),
        ([float(i) for i in range(1, 21)], 1.0, "20.0 s"),
    ],
)
def test_percentiles_of_the_table(values: list[float], q: float, shown: str) -> None:
    assert load._pct(values, q) == shown


@pytest.mark.parametrize(
    ("status", "url", "failed"),
    [
        (200, "http://127.0.0.1:1/rapat", False),
        # The frontend probes /<page>/_stcore/ for the server's base path before the root's.
        (404, "http://127.0.0.1:1/rapat/_stcore/host-config", False),
        (404, "http://127.0.0.1:1/static/js/index.js", True),
        (403, "http://127.0.0.1:1/rapat", True),
        (500, "http://127.0.0.1:1/_stcore/host-config", True),
    ],
)
def test_which_responses_are_failed_loads(status: int, url: str, failed: bool) -> None:
    assert load._failed(SimpleNamespace(status=status, url=url)) is failed


def test_cpu_and_memory_count_the_whole_process_tree() -> None:
    spin = (
        "import time\nend = time.process_time() + 0.3\n"
        "while time.process_time() < end: pass\nprint('spun', flush=True)\ninput()"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", spin], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == "spun\n"
        assert child.pid in proc.tree(os.getpid())
        assert proc.cpu_seconds(os.getpid()) > proc.cpu_seconds(child.pid) >= 0.29
        assert proc.peak_mb(os.getpid()) > proc.peak_mb(child.pid) > 0
    finally:
        child.communicate("\n", timeout=30)
    assert child.pid not in proc.tree(os.getpid())


def test_the_server_spares_each_new_session_the_watcher_and_a_full_gc() -> None:
    # What bench.load's profile found in a new session's CPU besides the page itself.
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["fileWatcherType"] == "none"
    assert config["runner"]["postScriptGC"] is False


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.timeout(620)  # bench.load stops itself first (--timeout); a busy machine is slow
def test_a_quick_load_run_reports_no_error_and_no_lost_edit() -> None:
    if not Path(load.CHROMIUM).exists():
        pytest.skip(f"Chromium tidak ditemukan di {load.CHROMIUM}")
    done = subprocess.run(
        [sys.executable, "-m", "bench.load", "--quick", "--timeout", "560"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    rows = {line.split("|")[1].strip(): line for line in done.stdout.splitlines() if "|" in line}
    assert rows["errors"].replace(" ", "") == "|errors|0|0|0|"
    assert rows["edits saved / lost"].replace(" ", "") == "|editssaved/lost|–|2/0|–|"
    assert "server CPU per new session" in rows

"""A real Streamlit server on a free port, on a workbook of the test's, with two editors."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from zi_dash.base import WORKBOOK_ENV
from zi_dash.edit import accounts

ROOT = Path(__file__).resolve().parents[2]
EDITOR, PASSWORD = "budi", "rahasia-123"
SECOND_EDITOR, SECOND_PASSWORD = "ani", "sandi-ani-456"
USERS = {EDITOR: PASSWORD, SECOND_EDITOR: SECOND_PASSWORD}


@dataclass
class Server:
    """A running dashboard and the files it works on."""

    url: str
    workbook: Path
    users: Path
    pid: int  # the server process (bench.load reads its CPU time and memory)


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
def serve(
    workbook: Path, folder: Path, script: str = "app.py", env: dict[str, str] | None = None
) -> Iterator[Server]:
    """`streamlit run app.py` (or `script`) on `workbook`, with the accounts in USERS and
    `env` added to the environment, until the block ends."""
    users = folder / "users.json"
    for name, password in USERS.items():
        accounts.add_user(users, name, password)
    port = _free_port()
    env = {**os.environ, WORKBOOK_ENV: str(workbook), accounts.USERS_ENV: str(users), **(env or {})}
    log = (folder / "server.log").open("wb")
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", script,
            "--server.headless", "true", "--server.port", str(port),
            "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
        ],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield Server(url, workbook, users, proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()

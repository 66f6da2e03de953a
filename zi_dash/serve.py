"""`zi-dash serve`: the dashboard's server, as scripts/run.sh starts it, from a checkout or a wheel.

Streamlit runs app.py in this process with the working directory at app.py's folder, as run.sh's
`cd` and `exec` do, so .streamlit/config.toml and the pages/ beside it are the ones read. Paths
given on the command line or in $ZI_WORKBOOK, $ZI_FOLDER and $ZI_USERS are relative to where
the command was typed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Final

from zi_dash.base import (
    DEFAULT_WORKBOOK,
    FOLDER_ENV,
    INSTALLED,
    PROJECT_ROOT,
    WORKBOOK_ENV,
    durable,
)
from zi_dash.edit.accounts import USERS_ENV

DEFAULT_PORT: Final = 8501
# An installed package's sample is never served in place: an upgrade or uninstall would delete
# the office's edits with it. The first `zi-dash serve` copies it here instead.
HOME_WORKBOOK: Final = Path.home() / "zi-dash" / "rencana_aksi.xlsx"


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"port {text!r} harus angka 1–65535")
    return int(text)


def server_env(
    environ: Mapping[str, str], cwd: Path, workbook: Path | None, folder: Path | None
) -> dict[str, str]:
    """The server's environment: the caller's, the workbook or folder chosen, paths absolute."""
    env = dict(environ)
    if workbook is not None:
        env[WORKBOOK_ENV] = str(workbook)
        env.pop(FOLDER_ENV, None)  # folder mode would win over the workbook asked for
    if folder is not None:
        env[FOLDER_ENV] = str(folder)
    for name in (WORKBOOK_ENV, FOLDER_ENV, USERS_ENV):
        value = env.get(name, "").strip()
        if value:
            env[name] = str(cwd / Path(value).expanduser())  # an absolute value stays as it is
    return env


def _home_workbook() -> Path:
    """The installed sample's copy in the user's home, made on the first start."""
    if not HOME_WORKBOOK.exists():
        HOME_WORKBOOK.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DEFAULT_WORKBOOK, HOME_WORKBOOK)
        print(f"Contoh workbook disalin ke {HOME_WORKBOOK}")
    return HOME_WORKBOOK


def _problem(env: Mapping[str, str]) -> str:
    """Why the server cannot start on this workbook or folder; "" when it can."""
    folder = env.get(FOLDER_ENV, "").strip()
    if folder:
        ok = Path(folder).is_dir()
        return "" if ok else f'Folder "{folder}" tidak ditemukan atau bukan folder.'
    workbook = env.get(WORKBOOK_ENV, "").strip()
    if workbook and not Path(workbook).is_file():
        return f'Workbook "{workbook}" tidak ditemukan.'
    return ""


def warm_command(folder: str) -> list[str]:
    """The background look a folder server starts with: every file's summary kept beside it."""
    return [sys.executable, "-m", "zi_dash", "rekap", "--folder", folder, "--warm"]


def start_warm(env: Mapping[str, str]) -> subprocess.Popen[bytes] | None:
    """In folder mode, fill the Rekap's kept summaries in a child process, so that no user waits
    for the folder's first look; None when not in folder mode or when it cannot start.

    Never the server's concern: its output is dropped, its failure only means the pages read
    the files themselves. The store's writes are atomic (a temporary file renamed), so the
    child and a page writing at once lose at most each other's new entries, read again later.
    """
    folder = env.get(FOLDER_ENV, "").strip()
    if not folder:
        return None
    try:
        child = subprocess.Popen(
            warm_command(folder), env=dict(env), cwd=PROJECT_ROOT, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
    except OSError as exc:
        print(f"Ringkasan Rekap tidak disiapkan di latar: {durable.reason(exc)}", file=sys.stderr)
        return None
    threading.Thread(target=child.wait, daemon=True).start()  # reaped when done: no zombie
    return child


def _serve(args: argparse.Namespace) -> int:
    env = server_env(os.environ, Path.cwd(), args.workbook, args.folder)
    chosen = env.get(WORKBOOK_ENV, "").strip() or env.get(FOLDER_ENV, "").strip()
    if INSTALLED and not chosen:
        try:
            env[WORKBOOK_ENV] = str(_home_workbook())
        except OSError as exc:
            print(f"Gagal menyalin contoh workbook: {durable.reason(exc)}", file=sys.stderr)
            return 1
    problem = _problem(env)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    options = ["--server.port", str(args.port)]
    if args.address:
        options += ["--server.address", args.address]
    for name in set(os.environ) - set(env):
        del os.environ[name]
    os.environ.update(env)
    os.chdir(PROJECT_ROOT)
    start_warm(env)
    from zi_dash.ui import server  # streamlit and the pages' modules: only for a server

    return server.run_server(PROJECT_ROOT / "app.py", options)


def commands(sub: argparse._SubParsersAction) -> dict[str, Callable[[argparse.Namespace], int]]:
    """serve: the dashboard's server on one workbook or a folder of them."""
    srv = sub.add_parser("serve", help="jalankan dasbor (seperti scripts/run.sh)")
    where = srv.add_mutually_exclusive_group()
    where.add_argument("--workbook", type=Path, help="workbook .xlsx (bawaan: $ZI_WORKBOOK)")
    where.add_argument("--folder", type=Path, help="folder workbook satker (bawaan: $ZI_FOLDER)")
    srv.add_argument("--port", type=_port, default=DEFAULT_PORT, help="port (bawaan: 8501)")
    srv.add_argument("--address", help="alamat yang didengar (bawaan: semua)")
    return {"serve": _serve}

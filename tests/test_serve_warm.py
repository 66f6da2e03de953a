"""A folder server fills the Rekap's kept summaries in a child process as it starts: no user
waits for the folder's first look, and a warm that cannot start never stops the server."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests import factory
from zi_dash import serve
from zi_dash.analysis import rollup_store
from zi_dash.base import FOLDER_ENV, WORKBOOK_ENV
from zi_dash.ui import server


def _folder(tmp_path: Path, real_workbook: Path) -> Path:
    where = tmp_path / "zi"
    where.mkdir()
    shutil.copyfile(real_workbook, where / "a_tegal.xlsx")
    factory.mixed(where / "b_mixed.xlsx")
    return where


def test_the_warm_child_fills_the_store_the_page_reads(tmp_path: Path, real_workbook: Path) -> None:
    where = _folder(tmp_path, real_workbook)
    child = serve.start_warm({**os.environ, FOLDER_ENV: str(where)})
    assert child is not None
    assert child.wait(timeout=300) == 0
    kept = (where / rollup_store.FILE_NAME).read_text(encoding="utf-8")
    assert str(where / "a_tegal.xlsx") in kept and str(where / "b_mixed.xlsx") in kept


@pytest.mark.parametrize("env", [{}, {FOLDER_ENV: " "}, {WORKBOOK_ENV: "/srv/zi/a.xlsx"}])
def test_no_warm_outside_folder_mode(monkeypatch: pytest.MonkeyPatch, env: dict) -> None:
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: pytest.fail("started"))
    assert serve.start_warm(env) is None


def test_a_warm_that_cannot_start_leaves_the_server_to_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    started: list[Path] = []
    monkeypatch.setattr(server, "run_server", lambda app, options: started.append(app) or 0)
    monkeypatch.setenv(FOLDER_ENV, str(tmp_path))
    monkeypatch.chdir(tmp_path)  # serve moves to the project: back after the test
    code = serve._serve(serve_args(tmp_path))
    assert code == 0 and started and started[0].name == "app.py"
    assert "Ringkasan Rekap tidak disiapkan di latar" in capsys.readouterr().err


def serve_args(folder: Path) -> argparse.Namespace:
    """`serve --folder FOLDER` as the command line parses it."""
    parser = argparse.ArgumentParser()
    serve.commands(parser.add_subparsers())
    return parser.parse_args(["serve", "--folder", str(folder)])


def test_the_warm_command_is_the_rekap_commands_warm() -> None:
    assert serve.warm_command("/srv/zi") == [
        sys.executable, "-m", "zi_dash", "rekap", "--folder", "/srv/zi", "--warm",
    ]  # fmt: skip

"""pyproject.toml and `zi-dash serve`, without building: the slow install is tests/test_wheel.py."""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path
from typing import ClassVar

import pytest

from zi_dash import cli, serve
from zi_dash.base import FOLDER_ENV, PROJECT_ROOT, WORKBOOK_ENV
from zi_dash.ui import server

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_dependencies_are_the_pinned_runtime_requirements() -> None:
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pinned = [line.split("#")[0].strip() for line in lines if line.strip() and line[0] != "#"]
    assert PROJECT["project"]["dependencies"] == pinned


def test_every_subpackage_is_in_the_wheel() -> None:
    folders = {p.parent for p in (ROOT / "zi_dash").rglob("__init__.py")}
    names = {".".join(f.relative_to(ROOT).parts) for f in folders}
    listed = set(PROJECT["tool"]["setuptools"]["packages"])
    assert listed - {"zi_dash._app", "zi_dash._app.pages"} == names


def test_the_command_is_zi_dash() -> None:
    assert PROJECT["project"]["scripts"] == {"zi-dash": "zi_dash.cli:main"}


@pytest.mark.parametrize(
    ("argv0", "prog"),
    [
        ("/srv/venv/bin/zi-dash", "zi-dash"),
        (r"C:\ZI\.venv\Scripts\zi-dash.exe", "zi-dash"),
        ("/srv/zi_dash/__main__.py", "python -m zi_dash"),
    ],
)
def test_help_names_the_command_it_was_called_by(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv0: str, prog: str
) -> None:
    monkeypatch.setattr(sys, "argv", [argv0])
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert capsys.readouterr().out.startswith(f"penggunaan: {prog} ")


def test_server_env_makes_paths_absolute_from_where_the_command_was_typed(tmp_path: Path) -> None:
    env = serve.server_env({"ZI_USERS": "akun/users.json", "PATH": "x"}, tmp_path, None, None)
    assert env == {"ZI_USERS": str(tmp_path / "akun" / "users.json"), "PATH": "x"}


def test_a_workbook_asked_for_turns_folder_mode_off(tmp_path: Path) -> None:
    env = serve.server_env({FOLDER_ENV: "/srv/zi"}, tmp_path, Path("a.xlsx"), None)
    assert env == {WORKBOOK_ENV: str(tmp_path / "a.xlsx")}
    env = serve.server_env({WORKBOOK_ENV: "/srv/a.xlsx"}, tmp_path, None, Path("/srv/zi"))
    assert env == {WORKBOOK_ENV: "/srv/a.xlsx", FOLDER_ENV: "/srv/zi"}  # folder mode wins


class _Server:
    seen: ClassVar[dict[str, object]] = {}

    @staticmethod
    def run(app: Path, options: list[str]) -> int:
        _Server.seen = {"app": app, "options": options, "cwd": Path.cwd(), "env": dict(os.environ)}
        return 0


def _serve(monkeypatch: pytest.MonkeyPatch, *argv: str) -> int:
    """`zi-dash serve argv…` with the server replaced; cwd and environment restored after."""
    monkeypatch.setattr(server, "run_server", _Server.run)
    monkeypatch.setattr(os, "environ", dict(os.environ))
    monkeypatch.chdir(Path.cwd())
    return cli.main(["serve", *argv])


def test_serve_runs_app_py_as_run_sh_does(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    workbook = tmp_path / "rencana.xlsx"
    workbook.write_bytes(b"x")
    monkeypatch.chdir(tmp_path)
    assert _serve(monkeypatch, "--workbook", "rencana.xlsx", "--port", "8600") == 0
    assert _Server.seen["app"] == PROJECT_ROOT / "app.py"
    assert _Server.seen["options"] == ["--server.port", "8600"]
    assert _Server.seen["cwd"] == PROJECT_ROOT  # its .streamlit/config.toml, as run.sh's cd
    assert _Server.seen["env"][WORKBOOK_ENV] == str(workbook)  # type: ignore[index]


def test_an_installed_serve_copies_the_sample_out_of_the_package(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    home = tmp_path / "zi-dash" / "rencana_aksi.xlsx"
    monkeypatch.setattr(serve, "INSTALLED", True)
    monkeypatch.setattr(serve, "HOME_WORKBOOK", home)
    monkeypatch.delenv(WORKBOOK_ENV, raising=False)
    monkeypatch.delenv(FOLDER_ENV, raising=False)
    assert _serve(monkeypatch) == 0
    assert _Server.seen["env"][WORKBOOK_ENV] == str(home)  # type: ignore[index]
    assert home.read_bytes() == (ROOT / "data" / "rencana_aksi.xlsx").read_bytes()
    home.write_bytes(b"diedit")  # the office's edits: never copied over again
    assert _serve(monkeypatch) == 0
    assert home.read_bytes() == b"diedit"


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--workbook", "tidak-ada.xlsx"], 'Workbook "{}" tidak ditemukan.'),
        (["--folder", "tidak-ada"], 'Folder "{}" tidak ditemukan atau bukan folder.'),
    ],
)
def test_serve_says_what_is_missing(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    argv: list[str],
    said: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _serve(monkeypatch, *argv) == 1
    assert capsys.readouterr().err.strip() == said.format(tmp_path / argv[1])


@pytest.mark.parametrize("port", ["0", "65536", "http", "-1"])
def test_a_port_outside_1_to_65535_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], port: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        _serve(monkeypatch, "--port", port)
    assert stopped.value.code == 2
    assert "harus angka 1–65535" in capsys.readouterr().err

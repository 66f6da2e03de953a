"""zi_dash.base.config: which workbook the dashboard reads ($ZI_WORKBOOK, else the default)."""

from __future__ import annotations

from pathlib import Path

import pytest

from zi_dash.base import config

HOME = Path("/rumah/budi")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, config.DEFAULT_WORKBOOK),
        ("", config.DEFAULT_WORKBOOK),
        ("   ", config.DEFAULT_WORKBOOK),
        ("\t\n", config.DEFAULT_WORKBOOK),
        ("/srv/zi/rencana.xlsx", Path("/srv/zi/rencana.xlsx")),
        ("  /srv/zi/rencana.xlsx  ", Path("/srv/zi/rencana.xlsx")),
        ("data/lain.xlsx", Path("data/lain.xlsx")),  # relative: left to the working directory
        ("~/zi/rencana.xlsx", HOME / "zi" / "rencana.xlsx"),
        ("/srv/Rencana Aksi 2022.xlsx", Path("/srv/Rencana Aksi 2022.xlsx")),
    ],
    ids=[
        "unset",
        "empty",
        "spaces",
        "white space",
        "absolute",
        "stripped",
        "relative",
        "home",
        "inner spaces kept",
    ],
)
def test_workbook_path(monkeypatch: pytest.MonkeyPatch, value: str | None, expected: Path) -> None:
    monkeypatch.setenv("HOME", str(HOME))
    if value is None:
        monkeypatch.delenv(config.WORKBOOK_ENV, raising=False)
    else:
        monkeypatch.setenv(config.WORKBOOK_ENV, value)
    assert config.workbook_path() == expected


def test_the_variable_is_read_at_call_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.WORKBOOK_ENV, "/a.xlsx")
    assert config.workbook_path() == Path("/a.xlsx")
    monkeypatch.setenv(config.WORKBOOK_ENV, "/b.xlsx")
    assert config.workbook_path() == Path("/b.xlsx")


def test_the_variable_name_is_the_documented_one() -> None:
    assert config.WORKBOOK_ENV == "ZI_WORKBOOK"


def test_the_default_is_the_committed_workbook_of_this_project() -> None:
    root = Path(__file__).resolve().parent.parent
    assert root == config.PROJECT_ROOT
    assert root / "data" / "rencana_aksi.xlsx" == config.DEFAULT_WORKBOOK
    assert config.DEFAULT_WORKBOOK.is_file()
    assert (config.PROJECT_ROOT / "zi_dash" / "base" / "config.py").is_file()


def test_folder_mode_is_off_unless_zi_folder_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(HOME))
    monkeypatch.delenv(config.FOLDER_ENV, raising=False)
    assert config.folder_path() is None
    monkeypatch.setenv(config.FOLDER_ENV, "  ")
    assert config.folder_path() is None
    monkeypatch.setenv(config.FOLDER_ENV, "~/zi ")
    assert config.folder_path() == HOME / "zi"
    assert config.FOLDER_ENV == "ZI_FOLDER"


def test_a_folder_lists_its_workbooks_by_name(tmp_path: Path) -> None:
    for name in ("b.xlsx", "A.xlsx", "c.XLSX", "lama.xls", "d.ods", "~$b.xlsx", ".tersembunyi.xlsx",
                 "catatan.txt", "laporan.pdf"):  # fmt: skip
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "sub.xlsx").mkdir()  # a folder, not a workbook
    names = [p.name for p in config.workbooks_in(tmp_path)]
    assert names == ["A.xlsx", "b.xlsx", "c.XLSX", "d.ods", "lama.xls"]
    assert config.workbooks_in(tmp_path / "tidak-ada") == []

"""Where the workbooks live: one file ($ZI_WORKBOOK or the default) or a folder ($ZI_FOLDER)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

_PACKAGE: Final = Path(__file__).resolve().parents[1]
# An installed wheel carries app.py, pages/, data/ and .streamlit/ inside the package, in
# zi_dash/_app (pyproject.toml's package-dir); a checkout has them beside zi_dash/.
_BUNDLE: Final = _PACKAGE / "_app"
INSTALLED: Final = (_BUNDLE / "app.py").is_file()
PROJECT_ROOT: Final = _BUNDLE if INSTALLED else _PACKAGE.parent
SOURCES: Final = PROJECT_ROOT / "data" / "sumber"  # the SK text and its hand-checked LKE links
DEFAULT_WORKBOOK: Final = PROJECT_ROOT / "data" / "rencana_aksi.xlsx"
WORKBOOK_ENV: Final = "ZI_WORKBOOK"


def workbook_path() -> Path:
    """The workbook the dashboard reads: $ZI_WORKBOOK, else data/rencana_aksi.xlsx."""
    value = os.environ.get(WORKBOOK_ENV, "").strip()
    return Path(value).expanduser() if value else DEFAULT_WORKBOOK


FOLDER_ENV: Final = "ZI_FOLDER"
# The address's ?berkas=<file name in the folder>: the unit shown (a reload, a bookmark, a link).
UNIT_PARAM: Final = "berkas"
# A folder holds one workbook per satker and year; these suffixes are listed (an .xls or .ods
# gets the loader's own message in the roll-up), Excel's "~$" owner files and hidden files not.
FOLDER_SUFFIXES: Final = (".xlsx", ".xlsm", ".xls", ".ods")


def folder_path() -> Path | None:
    """The folder of workbooks of folder mode ($ZI_FOLDER), or None for one workbook."""
    value = os.environ.get(FOLDER_ENV, "").strip()
    return Path(value).expanduser() if value else None


def workbooks_in(folder: Path) -> list[Path]:
    """The folder's workbooks, by file name (the folder listing's order); [] when unreadable."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    names = sorted(
        e.name
        for e in entries
        if e.name.lower().endswith(FOLDER_SUFFIXES)
        and not e.name.startswith(("~$", "."))
        and e.is_file()
    )
    return [folder / name for name in names]


BASE_URL_ENV: Final = "ZI_BASE_URL"
DEFAULT_BASE_URL: Final = "http://localhost:8501"


def base_url() -> str:
    """The dashboard's address for links in messages: $ZI_BASE_URL, else the local one."""
    value = os.environ.get(BASE_URL_ENV, "").strip()
    return (value or DEFAULT_BASE_URL).rstrip("/")

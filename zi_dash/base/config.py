"""Where the workbook lives: one environment variable, one default."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

PROJECT_ROOT: Final = Path(__file__).resolve().parents[2]
DEFAULT_WORKBOOK: Final = PROJECT_ROOT / "data" / "rencana_aksi.xlsx"
WORKBOOK_ENV: Final = "ZI_WORKBOOK"


def workbook_path() -> Path:
    """The workbook the dashboard reads: $ZI_WORKBOOK, else data/rencana_aksi.xlsx."""
    value = os.environ.get(WORKBOOK_ENV, "").strip()
    return Path(value).expanduser() if value else DEFAULT_WORKBOOK

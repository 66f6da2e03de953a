"""The annex of Keputusan KPU Kota Tegal Nomor 5/2022 (the action plan), read as a table.

The SK's text holds the annex as tab-separated lines; they go through the same table reader as
any other satker's .xlsx, .csv or .docx (`zi_dash.sk.table`), so the SK is one user of it.
"""

from __future__ import annotations

from pathlib import Path

from zi_dash.base import SOURCES
from zi_dash.sk.table import SkRow, SourceError, read_table

SOURCE = SOURCES / "sk-kpu-kota-tegal-5-2022.txt"

_ANNEX_START = "LAMPIRAN"

__all__ = ["SOURCE", "SkRow", "SourceError", "annex_grid", "load_sk_rows", "read_annex"]


def annex_grid(text: str) -> list[list[str]]:
    """The annex as rows of cells: its title lines, then the table's tab-separated lines."""
    start = text.find(_ANNEX_START)
    if start < 0:
        raise SourceError("teks SK tidak memuat LAMPIRAN")
    grid: list[list[str]] = []
    in_table = False
    for line in text[start:].splitlines():
        if "\t" in line:
            in_table = True
            grid.append([c.strip() for c in line.split("\t")])
        elif not in_table and line.strip():
            grid.append([line.strip()])  # the title above the header
        # Below the table start, lines without tabs are the signature block and page text.
    return grid


def read_annex(text: str) -> list[SkRow]:
    """Parse the annex table into its action rows, in the SK's order."""
    return read_table(annex_grid(text)).rows


def load_sk_rows(path: Path = SOURCE) -> list[SkRow]:
    """Read the SK text file and return its action rows."""
    return read_annex(path.read_text(encoding="utf-8"))

"""TEMPORARY: workbook.add_lke_sheet (i20-writers) once merged; until then a refusal."""

from __future__ import annotations

from pathlib import Path

from zi_dash.base import WorkbookError
from zi_dash.workbook import Plan


def add_lke_sheet(path: Path, user: str, base_version: str) -> Plan:
    """workbook.add_lke_sheet, or a refusal."""
    from zi_dash import workbook

    if real := getattr(workbook, "add_lke_sheet", None):
        return real(path, user, base_version)
    raise WorkbookError("Penambahan lembar LKE belum tersedia di versi ini.")

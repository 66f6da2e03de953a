"""Writing a new workbook beside the others: never over an existing file unless asked."""

from __future__ import annotations

import errno
import re
from pathlib import Path

from zi_dash.base import durable
from zi_dash.sk import OTHER_GUIDE, workbook_bytes


class OutputExistsError(FileExistsError):
    """The output file exists and overwriting it was not asked for."""


def write_new(out: Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write `data` to `out` atomically; refuses an existing file unless `overwrite`."""
    if out.exists() and not overwrite:
        raise OutputExistsError(
            f'Berkas "{out}" sudah ada dan tidak ditimpa: pilih nama lain, atau tambahkan '
            "--timpa bila memang hendak menggantinya."
        )
    try:
        durable.make_dir(out.parent)
        durable.atomic_write(out, data)
    except durable.WriteError as exc:
        # An OSError, as the commands report a file they cannot write; its reason kept.
        raise OSError(exc.errno or errno.EACCES, str(exc)) from exc
    return out


def template_bytes() -> bytes:
    """A blank workbook of the contract: every sheet, dropdown and the Petunjuk, no rows."""
    return workbook_bytes(
        [], [], year=None, unit="", legal_basis="", enacted=None, guide=OTHER_GUIDE
    )


def workbook_name(unit: str, year: int | None) -> str:
    """A file name for a new workbook: "rencana_aksi_kpu_kota_tegal_2023.xlsx"."""
    slug = re.sub(r"[^a-z0-9]+", "_", unit.casefold()).strip("_")
    parts = ["rencana_aksi", slug, str(year or "")]
    return "_".join(p for p in parts if p) + ".xlsx"

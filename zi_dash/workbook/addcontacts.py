"""Adding penanggung jawab to the Kontak sheet (and the sheet to a workbook made before it).

One click on the Pengingat page, under the rules of every save (as `add_lke_sheet`): locked,
refused if the file changed since the page read it, checked by reading the result back, backed
up, swapped in atomically and logged in Riwayat. The new rows' Nomor WA and Email stay blank:
staff fill them in the grid or in Excel.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Final

import zi_dash.workbook.outside as outside
import zi_dash.workbook.save as saving
import zi_dash.workbook.write as writing
from zi_dash.base import ContactCol, WorkbookError, fold
from zi_dash.base import contract as c
from zi_dash.sk import add_contacts_sheet_to
from zi_dash.workbook.cells import as_text
from zi_dash.workbook.merge import CellChange
from zi_dash.workbook.package import read_bytes
from zi_dash.workbook.read import Plan, load_known, load_plan

SHEET_ADDED: Final = "lembar ditambahkan (kosong)"
ROW_ADDED: Final = "baris ditambahkan"


def add_contacts(
    path: Path, user: str, base_version: str, names: Sequence[str], *, now: datetime | None = None
) -> Plan:
    """Add a Kontak row per name in `names` (and the sheet when it lacks one); the new Plan.

    Refused with a WorkbookError (Indonesian) when the file changed since `base_version`, a name
    is blank or already listed, or the file is held by Excel; then nothing is written.
    """
    path = Path(path)
    user = as_text(user)
    if not user:
        raise WorkbookError("Nama pengguna wajib diisi untuk menambahkan kontak.")
    saving.check_not_held(path)
    with saving.held(path):
        moment = (now or datetime.now()).replace(microsecond=0)
        return _add_locked(path, user, base_version, [as_text(n) for n in names], moment)


def _add_locked(path: Path, user: str, base_version: str, names: list[str], now: datetime) -> Plan:
    data = read_bytes(path)
    current = load_known(path, data)
    if current.version != base_version:
        raise saving.ConflictError(
            f'Workbook "{path.name}" telah diubah sejak Anda memuatnya. Kontak tidak '
            "ditambahkan; muat ulang halaman, lalu coba lagi.",
            [],
        )
    listed = set(current.frame(c.Sheet.CONTACTS)[ContactCol.PIC])
    bad = [n for n in names if not n or n in listed]
    if bad or len(set(names)) != len(names):
        raise WorkbookError(
            f'Kontak tidak ditambahkan: nama kosong atau sudah ada di lembar "{c.Sheet.CONTACTS}"'
            f" ({', '.join(repr(n) for n in bad) or 'nama ganda'}). Workbook tidak diubah."
        )
    book = writing.open_whole(path, data)
    added: list[CellChange] = []
    if not current.has(c.Sheet.CONTACTS):
        ws = add_contacts_sheet_to(book, [])
        added.append(CellChange(c.Sheet.CONTACTS, "", "", None, SHEET_ADDED))
        row = 2
    else:
        ws = book[next(n for n in book.sheetnames if fold(n) == fold(c.Sheet.CONTACTS))]
        row = current.extents[c.Sheet.CONTACTS][1] + 1
    column = current.columns.get(c.Sheet.CONTACTS, {}).get(ContactCol.PIC, 0) + 1
    for offset, name in enumerate(names):
        ws.cell(row + offset, column).value = name
        added.append(CellChange(c.Sheet.CONTACTS, name, ContactCol.PIC, None, ROW_ADDED))
    found = outside.found_outside(path, current)
    logged = [(ch, c.OUTSIDE_USER, outside.outside_time(current)) for ch in found]
    logged += [(ch, user, now) for ch in added]
    writing.apply_writes(book, {c.Sheet.LOG: writing.log_writes(current, logged)})
    buffer = io.BytesIO()
    book.save(buffer)
    new = buffer.getvalue()
    written = _verify(path, new, current, names, len(logged))
    saving.swap_in(path, data, new, current.version, written, saving.KEEP_BACKUPS)
    return written


def _verify(path: Path, new: bytes, current: Plan, names: list[str], logged: int) -> Plan:
    """The new bytes read back: the Kontak sheet gained exactly `names`; the rest as before."""
    try:
        written = load_plan(path, new)
    except WorkbookError as exc:
        raise WorkbookError(
            f"Kontak tidak ditambahkan: hasilnya tidak lolos pemeriksaan ({exc}). "
            "Workbook tidak diubah."
        ) from exc
    before = list(current.frame(c.Sheet.CONTACTS)[ContactCol.PIC])
    if list(written.frame(c.Sheet.CONTACTS)[ContactCol.PIC]) != before + names:
        raise WorkbookError(
            f'Kontak tidak ditambahkan: lembar "{c.Sheet.CONTACTS}" tidak terbaca kembali '
            "seperti yang ditulis. Workbook tidak diubah."
        )
    expected = dataclasses.replace(current, contacts=written.frame(c.Sheet.CONTACTS))
    return writing.verify(path, new, expected, [], logged)

"""Changing one part of an .xlsx's zip, for tests of damaged and hostile files."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from zi_dash.base import DEFAULT_WORKBOOK

ACTIONS_PART = "xl/worksheets/sheet1.xml"
EVIDENCE_PART = "xl/worksheets/sheet2.xml"
LOG_PART = "xl/worksheets/sheet4.xml"


def parts(data: bytes | None = None) -> dict[str, bytes]:
    """Every part of the workbook (the committed one by default), in zip order."""
    with zipfile.ZipFile(io.BytesIO(data or DEFAULT_WORKBOOK.read_bytes())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def pack(contents: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of these parts."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
    return out.getvalue()


def with_part(part: str, change: Callable[[bytes], bytes], data: bytes | None = None) -> bytes:
    """The workbook with one part's bytes changed."""
    contents = parts(data)
    contents[part] = change(contents[part])
    return pack(contents)


def add_cell(ref: str, row: int) -> Callable[[bytes], bytes]:
    """A change that adds a number cell at `ref` (in row `row`) at the end of the sheet data."""
    cell = f'<row r="{row}"><c r="{ref}"><v>1</v></c></row>'.encode()
    return lambda xml: xml.replace(b"</sheetData>", cell + b"</sheetData>")


def newer_zip_version(data: bytes) -> bytes:
    """The zip with its first entry claiming a zip version Python cannot extract (13.8)."""
    out = bytearray(data)
    central = out.find(b"PK\x01\x02")
    out[central + 6 : central + 8] = (138).to_bytes(2, "little")
    return bytes(out)


def encrypted_flag(data: bytes, part: str) -> bytes:
    """The zip with `part` flagged as encrypted (general purpose bit 0) in its headers."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at >= 0:
        name_len = int.from_bytes(out[at + 28 : at + 30], "little")
        if out[at + 46 : at + 46 + name_len] == part.encode():
            out[at + 8] |= 1
            local = int.from_bytes(out[at + 42 : at + 46], "little")
            out[local + 6] |= 1
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)

"""Bounds on every file the app opens, checked before anything decompresses or parses it.

An .xlsx or .docx is a zip: its directory is checked (entries, each entry's size and the total,
the compression ratio), then every part a parser will read is decompressed here under the same
bounds (headers can lie: zipfile stops at the declared size and checks the CRC). A worksheet is
scanned for its largest cell reference, since calamine builds a dense grid from A1 to the last
cell whatever the <dimension> element claims: a single cell at XFD1048576 would be 17 billion.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter
from typing import Final
from xml.etree import ElementTree

MB: Final = 1024 * 1024


@dataclass(frozen=True)
class Bounds:
    """What a plan file may hold: far beyond a real plan, small enough to parse quickly."""

    # A plan is dozens of parts; Excel adds a few per sheet, image or comment.
    entries: int = 2_000
    # A 40,000-row plan's action sheet is about 42 MB of XML; Riwayat grows over the years.
    entry_bytes: int = 128 * MB
    total_bytes: int = 256 * MB
    # Sheet XML compresses about 7:1 (the SK's workbook); a zip bomb, thousands to one.
    ratio: int = 100
    ratio_floor: int = 1 * MB  # small parts (an empty sheet) may compress better
    # Rows of a plan: thousands (the 40,000-action benchmark has 68,000 evidence rows);
    # Riwayat grows by the cells saved. 100,000 text rows read in ~2-5 s (bench.limits).
    rows: int = 100_000
    columns: int = 256
    # calamine's grid is rows x columns cells: 3 million is ~0.2 s and ~130 MB (bench.limits).
    cells: int = 3_000_000
    total_cells: int = 6_000_000  # over all sheets read from one file
    csv_rows: int = 100_000


BOUNDS: Final = Bounds()


# What zipfile raises for an archive whose directory it cannot read (cut off, a newer zip).
ZIP_OPEN_ERRORS: Final = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    ValueError,
    EOFError,
    NotImplementedError,
)


class LimitError(ValueError):
    """A file beyond the bounds, or unreadable as a zip; the message is Indonesian."""


class DamagedError(LimitError):
    """The zip, or one of its parts, cannot be read at all (not a zip, cut off, bad CRC)."""


# Cells with their reference, found by one findall in C; tags without one are counted apart.
_CELL_REF: Final = re.compile(rb'<(?:\w+:)?c\b[^>]*?\sr="\$?([A-Za-z]+)\$?(\d+)"')
_CELL_TAG: Final = re.compile(rb"<(?:\w+:)?c[\s/>]")
_ROW_TAG: Final = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_ROW_REF: Final = re.compile(rb'\sr="(\d+)"')
# A reference with two letters or five digits could reach beyond column Z or row 9,999.
_BIG_REF: Final = re.compile(rb' r="\$?(?:[A-Za-z]{2}|[A-Za-z]\$?\d{5})')
SMALL_EXTENT: Final = (9_999, 26)
_REL_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _mb(size: int) -> str:
    return f"{size / MB:.0f} MB"


def _refuse(name: str, what: str) -> LimitError:
    return LimitError(f'Berkas "{name}" ditolak: {what}.')


def open_zip(name: str, data: bytes, bounds: Bounds = BOUNDS) -> zipfile.ZipFile:
    """The zip of `data` after its directory is checked; LimitError when beyond the bounds."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_OPEN_ERRORS as exc:
        raise DamagedError(f'Berkas "{name}" rusak: isi zip-nya tidak dapat dibaca.') from exc
    try:
        check_directory(name, archive, bounds)
    except LimitError:
        archive.close()
        raise
    return archive


def check_directory(name: str, archive: zipfile.ZipFile, bounds: Bounds = BOUNDS) -> None:
    """Check an open zip's directory (entries, sizes, ratios); LimitError when beyond the bounds."""
    infos = archive.infolist()
    if len(infos) > bounds.entries:
        raise _refuse(name, f"berisi {len(infos)} bagian (paling banyak {bounds.entries})")
    total = 0
    for info in infos:
        if info.file_size > bounds.entry_bytes:
            raise _refuse(
                name,
                f'bagian "{info.filename}" berukuran {_mb(info.file_size)} setelah dibuka '
                f"(paling besar {_mb(bounds.entry_bytes)})",
            )
        total += info.file_size
        if total > bounds.total_bytes:
            raise _refuse(name, f"isinya lebih dari {_mb(bounds.total_bytes)} setelah dibuka")
        if info.file_size > bounds.ratio_floor and info.file_size > bounds.ratio * max(
            info.compress_size, 1
        ):
            raise _refuse(name, f'bagian "{info.filename}" dimampatkan secara tidak wajar')


def read_part(name: str, archive: zipfile.ZipFile, part: str, bounds: Bounds = BOUNDS) -> bytes:
    """One part's bytes, never more than the bounds even when the zip's headers lie."""
    try:
        with archive.open(part) as stream:
            data = stream.read(bounds.entry_bytes + 1)
    except KeyError as exc:
        raise DamagedError(f'Berkas "{name}" rusak: bagian "{part}" tidak ada.') from exc
    # RuntimeError: an entry flagged as encrypted (zipfile wants its password).
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        ValueError,
        NotImplementedError,
        RuntimeError,
    ) as exc:
        raise DamagedError(f'Berkas "{name}" rusak: bagian "{part}" tidak dapat dibuka.') from exc
    if len(data) > bounds.entry_bytes:
        raise _refuse(name, f'bagian "{part}" lebih dari {_mb(bounds.entry_bytes)}')
    return data


def column_number(letters: str | bytes) -> int:
    """Excel's column letters as a 1-based number ("A" is 1, "AA" 27), in either case."""
    codes = letters.encode("ascii") if isinstance(letters, str) else letters
    number = 0
    for code in codes.upper():
        number = number * 26 + code - 64
    return number


def _cell_tags(xml: bytes) -> int:
    if b":c " in xml or b":c>" in xml:  # a namespace prefix (x:c): count with the regex
        return len(_CELL_TAG.findall(xml))
    return xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b"<c/>")


def sheet_extent(xml: bytes) -> tuple[int, int]:
    """An upper bound on the last row and column of a worksheet's cells, from its XML."""
    refs = _CELL_REF.findall(xml)
    last_row = max(map(int, map(itemgetter(1), refs)), default=0)
    last_col = max(map(column_number, set(map(itemgetter(0), refs))), default=0)
    unnumbered = _cell_tags(xml) - len(refs)
    if unnumbered > 0:
        # A cell without a reference follows the one before it, in its row or the next row
        # (a row without one follows the row before): count each as one more.
        rows = [_ROW_REF.search(attrs) for attrs in _ROW_TAG.findall(xml)]
        numbered = [int(m.group(1)) for m in rows if m]
        last_row = max(last_row, *numbered, 0) + len(rows) - len(numbered)
        last_col += unnumbered
    return last_row, last_col


def _small(xml: bytes) -> bool:
    """True when every cell is `<c r="..."` with a reference within Z9999: most plans.

    Byte counts and one search with a literal prefix: a tenth of the full scan, which the
    roll-up's 550 small workbooks would pay on every first load. Anything unusual (a prefix,
    another separator, a cell without a reference) is left to the full scan.
    """
    # A separator byte is found at memory speed and most sheets have none: only then is the
    # slower two-byte search needed.
    if b":c" in xml or any(sep in xml and sep + b'r="' in xml for sep in (b"\t", b"\n", b"\r")):
        return False
    # Within <sheetData> every tag starting "<c" should be a cell with its reference first
    # (a rich text's <color> makes them differ: then the full scan decides).
    start, end = xml.find(b"<sheetData"), xml.rfind(b"</sheetData>")
    if start < 0 or end < start:
        return xml.count(b"<c") == 0 and _BIG_REF.search(xml) is None
    tags = xml.count(b"<c", start, end)
    return tags == xml.count(b'<c r="', start, end) and _BIG_REF.search(xml) is None


def check_sheet(name: str, sheet: str, xml: bytes, bounds: Bounds = BOUNDS) -> tuple[int, int]:
    """An upper bound on the sheet's extent; LimitError naming the file and sheet if beyond."""
    if _small(xml):
        return SMALL_EXTENT
    rows, cols = sheet_extent(xml)
    where = f'lembar "{sheet}"'
    if rows > bounds.rows:
        raise _refuse(name, f"{where} terisi sampai baris {rows} (paling banyak {bounds.rows})")
    if cols > bounds.columns:
        raise _refuse(
            name, f"{where} terisi sampai kolom ke-{cols} (paling banyak {bounds.columns})"
        )
    if rows * cols > bounds.cells:
        raise _refuse(
            name,
            f"{where} terisi sampai baris {rows} dan kolom ke-{cols}: {rows * cols} sel "
            f"(paling banyak {bounds.cells})",
        )
    return rows, cols


@dataclass(frozen=True)
class XlsxParts:
    """The checked parts of an .xlsx: each worksheet's XML by sheet name, and styles.xml."""

    sheets: dict[str, bytes]
    styles: bytes


def _part_name(target: str) -> str:
    part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
    return posixpath.normpath(part)


def _sheet_parts(
    name: str, archive: zipfile.ZipFile, bounds: Bounds
) -> tuple[dict[str, str], set[str]]:
    """Sheet name -> its part, as the workbook and its relationships say; every sheet part."""
    try:
        book = ElementTree.fromstring(read_part(name, archive, "xl/workbook.xml", bounds))
        rels = ElementTree.fromstring(
            read_part(name, archive, "xl/_rels/workbook.xml.rels", bounds)
        )
    except ElementTree.ParseError as exc:
        raise DamagedError(f'Berkas "{name}" rusak: daftar lembarnya tidak terbaca.') from exc
    targets: dict[str | None, str] = {}
    worksheets: set[str] = set()
    for rel in rels:
        if rel.tag.endswith("}Relationship") and rel.get("Target"):
            part = _part_name(rel.get("Target", ""))
            targets.setdefault(rel.get("Id"), part)
            if rel.get("Type", "").endswith("/worksheet"):
                worksheets.add(part)
    parts: dict[str, str] = {}
    for element in book.iter():
        if element.tag.endswith("}sheet"):
            part = targets.get(element.get(f"{{{_REL_NS}}}id"))
            if part:
                parts.setdefault(element.get("name", ""), part)
    return parts, worksheets | set(parts.values())


def check_xlsx(
    name: str,
    data: bytes,
    wanted: Callable[[str], bool] = lambda sheet: True,
    bounds: Bounds = BOUNDS,
) -> XlsxParts:
    """Check an .xlsx's zip and every worksheet against the bounds; the XML of those `wanted`.

    Every worksheet part is checked, also those of sheets nobody reads and parts no sheet
    names: a parser that resolves a broken workbook.xml otherwise must not meet an unchecked
    sheet. A wanted sheet whose part cannot be found is left out (the reader calls it damaged).
    """
    with open_zip(name, data, bounds) as archive:
        return _checked_parts(name, archive, wanted, bounds)


def check_xlsx_archive(
    name: str,
    archive: zipfile.ZipFile,
    wanted: Callable[[str], bool] = lambda sheet: True,
    bounds: Bounds = BOUNDS,
) -> XlsxParts:
    """check_xlsx of a zip the caller opened already (one directory read per file, not two)."""
    check_directory(name, archive, bounds)
    return _checked_parts(name, archive, wanted, bounds)


def _checked_parts(
    name: str, archive: zipfile.ZipFile, wanted: Callable[[str], bool], bounds: Bounds
) -> XlsxParts:
    names = set(archive.namelist())
    by_name, sheet_parts = _sheet_parts(name, archive, bounds)
    label = {part: sheet for sheet, part in reversed(list(by_name.items()))}
    sheet_parts |= {n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")}
    checked: dict[str, bytes] = {}
    cells = 0
    for part in sorted(sheet_parts & names):
        xml = read_part(name, archive, part, bounds)
        rows, cols = check_sheet(name, label.get(part, part), xml, bounds)
        cells += rows * cols
        if cells > bounds.total_cells:
            raise _refuse(name, f"lembar-lembarnya berisi lebih dari {bounds.total_cells} sel")
        checked[part] = xml
    sheets = {s: checked[p] for s, p in by_name.items() if wanted(s) and p in checked}
    styles = read_part(name, archive, "xl/styles.xml", bounds) if "xl/styles.xml" in names else b""
    return XlsxParts(sheets, styles)


def check_zip_parts(name: str, data: bytes, bounds: Bounds = BOUNDS) -> None:
    """Check a zip (a .docx) and decompress each part under the bounds, before a parser does."""
    with open_zip(name, data, bounds) as archive:
        for info in archive.infolist():
            if not info.is_dir():
                read_part(name, archive, info.filename, bounds)


def check_csv(name: str, text: str, delimiter: str, bounds: Bounds = BOUNDS) -> None:
    """Refuse a CSV text with more lines or columns than a plan has, before it is split."""
    lines = text.count("\n") + 1
    if lines > bounds.csv_rows:
        raise _refuse(name, f"berisi {lines} baris (paling banyak {bounds.csv_rows})")
    # A delimiter inside a quoted text counts too: a bound, not the exact width.
    widest = max((line.count(delimiter) for line in text.splitlines()), default=0) + 1
    if widest > 4 * bounds.columns:
        raise _refuse(
            name, f"sebuah barisnya berisi {widest} kolom (paling banyak {bounds.columns})"
        )

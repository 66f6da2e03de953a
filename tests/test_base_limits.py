"""Bounds on files: checked from the zip's directory and the sheet XML, before any parser runs."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from tests import zipparts
from zi_dash.base import limits

SMALL = limits.Bounds(entries=20, entry_bytes=2_000_000, total_bytes=3_000_000, ratio_floor=1000)


@pytest.mark.parametrize(
    ("xml", "extent"),
    [
        (b"<sheetData/>", (0, 0)),
        (b'<row r="3"><c r="B3"/><c r="AA3" s="1"><v>1</v></c></row>', (3, 27)),
        (b'<row r="1"><c r="$C$9"/></row>', (9, 3)),  # a cell beyond its row's number
        (b'<x:row r="2"><x:c r="XFD1048576"/></x:row>', (1048576, 16384)),  # prefixed tags
        # <dimension> is not believed; cells without references follow the one before.
        (b'<dimension ref="A1:B2"/><row><c/><c/></row><row r="5"><c/></row>', (6, 3)),
        (b'<row r="7" spans="1:3"><c t="s"><v>0</v></c></row>', (7, 1)),
    ],
)
def test_a_sheets_extent_is_bounded_from_its_cells(xml: bytes, extent: tuple[int, int]) -> None:
    rows, cols = limits.sheet_extent(xml)
    assert rows >= extent[0] and cols >= extent[1]
    assert (rows, cols) == extent


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (b'<row r="1048576"><c r="XFD1048576"/></row>', "sampai baris 1048576"),
        (b'<row r="1"><c r="A1"/><c r="IW1"/></row>', "kolom ke-257"),
        (b'<row r="20000"><c r="GR20000"/></row>', "4000000 sel"),  # the 5 KB file
    ],
)
def test_a_sheet_beyond_the_bounds_is_refused_naming_file_and_sheet(
    xml: bytes, message: str
) -> None:
    with pytest.raises(limits.LimitError) as info:
        limits.check_sheet("rencana.xlsx", "Rencana Aksi", xml)
    assert 'Berkas "rencana.xlsx" ditolak: lembar "Rencana Aksi"' in str(info.value)
    assert message in str(info.value)


def test_a_plan_sized_sheet_passes() -> None:
    rows = b"".join(b'<row r="%d"><c r="Q%d"/></row>' % (r, r) for r in (1, 40_000))
    assert limits.check_sheet("x.xlsx", "Rencana Aksi", rows) == (40_000, 17)


def _zip(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    return zipparts.pack(entries, method)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_zip({f"p{i}.xml": b"x" for i in range(21)}), "berisi 21 bagian"),
        (_zip({"a.xml": b"x" * 2_100_000}, zipfile.ZIP_STORED), 'bagian "a.xml" berukuran'),
        (
            _zip({"a.xml": b"y" * 1_500_000, "b.xml": b"z" * 1_600_000}, zipfile.ZIP_STORED),
            "isinya lebih dari",
        ),
        (_zip({"bomb.xml": b"\0" * 1_500_000}), "dimampatkan secara tidak wajar"),
    ],
)
def test_a_zip_beyond_the_bounds_is_refused_from_its_directory(data: bytes, message: str) -> None:
    with pytest.raises(limits.LimitError, match=message):
        limits.open_zip("bukti.docx", data, SMALL)


def _lying(data: bytes, part: str, size: int) -> bytes:
    """The zip with `part`'s declared uncompressed size replaced (local and central headers)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(part)
    out = bytearray(data)
    local = info.header_offset
    out[local + 22 : local + 26] = struct.pack("<I", size)
    central = out.find(b"PK\x01\x02")
    while central >= 0:
        name_len = struct.unpack("<H", out[central + 28 : central + 30])[0]
        if out[central + 46 : central + 46 + name_len] == part.encode():
            out[central + 24 : central + 28] = struct.pack("<I", size)
        central = out.find(b"PK\x01\x02", central + 4)
    return bytes(out)


def test_a_part_whose_header_lies_about_its_size_is_refused_when_read() -> None:
    data = _lying(_zip({"a.xml": b"<a>" + b"x" * 50_000 + b"</a>"}), "a.xml", 100)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.getinfo("a.xml").file_size == 100  # the directory believes it
    with pytest.raises(limits.LimitError, match=r'bagian "a\.xml" tidak dapat dibuka'):
        limits.check_zip_parts("a.docx", data, SMALL)


def test_the_committed_workbook_is_within_the_bounds() -> None:
    parts = limits.check_xlsx("rencana_aksi.xlsx", zipparts.pack(zipparts.parts()))
    assert {"Rencana Aksi", "Bukti", "Area", "Riwayat", "Info", "Petunjuk"} <= set(parts.sheets)
    assert b"cellXfs" in parts.styles


def test_every_worksheet_is_checked_also_those_not_read() -> None:
    """A parser resolving a broken workbook.xml its own way must never meet an unchecked sheet."""
    far = zipparts.with_part("xl/worksheets/sheet6.xml", zipparts.add_cell("GR20000", 20000))
    with pytest.raises(limits.LimitError, match='lembar "Petunjuk"'):
        limits.check_xlsx("x.xlsx", far, lambda s: s != "Petunjuk")
    stray = zipparts.pack({**zipparts.parts(), "xl/worksheets/sheet9.xml": b'<c r="XFD1"/>'})
    with pytest.raises(limits.LimitError, match=r'lembar "xl/worksheets/sheet9\.xml"'):
        limits.check_xlsx("x.xlsx", stray)
    parts = limits.check_xlsx("x.xlsx", zipparts.pack(zipparts.parts()), lambda s: s == "Bukti")
    assert list(parts.sheets) == ["Bukti"]


def test_a_csv_beyond_the_bounds_is_refused() -> None:
    with pytest.raises(limits.LimitError, match="berisi 100001 baris"):
        limits.check_csv("a.csv", "a\n" * 100_000, ",")
    with pytest.raises(limits.LimitError, match="1025 kolom"):
        limits.check_csv("a.csv", ";" * 1024, ";")
    limits.check_csv("a.csv", "a,b\n" * 1000, ",")


def test_a_zip_python_cannot_extract_is_damaged_not_a_crash() -> None:
    data = zipparts.newer_zip_version(zipparts.pack(zipparts.parts()))
    with pytest.raises(limits.DamagedError, match="isi zip-nya tidak dapat dibaca"):
        limits.open_zip("x.xlsx", data)


@pytest.mark.parametrize(
    "xml",
    [
        b'<sheetData><row r="1"><c\tr="XFD1048576"/></row></sheetData>',  # another separator
        b'<sheetData><row r="1"><c s="1" r="XFD1048576"/></row></sheetData>',  # r not first
        b'<sheetData><row r="1"><x:c r="XFD1048576"/></row></sheetData>',  # a prefix
        b'<sheetData><row r="1"><c r="$XFD$1048576"/></row></sheetData>',
        b'<sheetData><row r="1048576"><c r="A1048576"/></row></sheetData>',
    ],
)
def test_the_quick_path_for_small_sheets_lets_no_far_cell_through(xml: bytes) -> None:
    with pytest.raises(limits.LimitError, match="1048576"):
        limits.check_sheet("x.xlsx", "Riwayat", xml)


def test_a_small_sheet_is_bounded_without_the_full_scan() -> None:
    xml = b'<sheetData><row r="2"><c r="Q9999" s="3"><v>1</v></c></row></sheetData>'
    assert limits.check_sheet("x.xlsx", "Rencana Aksi", xml) == limits.SMALL_EXTENT


def test_the_sheets_of_one_file_are_bounded_together() -> None:
    bounds = limits.Bounds(cells=100_000, total_cells=150_000)
    far = zipparts.add_cell("AA3000", 3000)  # 81,000 cells each: two are too many
    data = zipparts.with_part(zipparts.ACTIONS_PART, far)
    data = zipparts.with_part(zipparts.EVIDENCE_PART, far, data)
    with pytest.raises(limits.LimitError, match="lebih dari 150000 sel"):
        limits.check_xlsx("x.xlsx", data, bounds=bounds)


@pytest.mark.parametrize(
    ("letters", "number"),
    [
        ("A", 1),
        ("Z", 26),
        ("AA", 27),
        ("AZ", 52),
        ("BA", 53),
        ("XFD", 16384),
        (b"a", 1),
        (b"xfd", 16384),
        ("xFd", 16384),
        (b"AMJ", 1024),
    ],
)
def test_column_letters_are_decoded_in_one_place(letters: str | bytes, number: int) -> None:
    """The bounds scan, the shown formats and the cell patch share one decoding, str or bytes."""
    assert limits.column_number(letters) == number

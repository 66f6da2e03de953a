"""Excel's number formats where they change what a cell means: a percent shows 0.75 as 75 %.

calamine gives values without their formats, so styles.xml's cell formats and the sheet XML's
style indexes are read here, only when the workbook has a percent format at all.
"""

from __future__ import annotations

import re
from typing import Final

# Built-in number formats 9 ("0%") and 10 ("0.00%").
_PERCENT_BUILTINS: Final = frozenset({9, 10})
_CELL_XFS: Final = re.compile(rb"<(?:\w+:)?cellXfs\b[^>]*>(.*?)</(?:\w+:)?cellXfs>", re.DOTALL)
_XF: Final = re.compile(rb"<(?:\w+:)?xf\b([^>]*)>")
_NUM_FMT: Final = re.compile(rb"<(?:\w+:)?numFmt\b([^>]*)>")
_CELL: Final = re.compile(rb"<(?:\w+:)?c\b([^>]*)>")
_REF: Final = re.compile(rb'\br="\$?([A-Za-z]{1,3})\$?(\d+)"')
_STYLE: Final = re.compile(rb'\bs="(\d+)"')
# Quoted literals, [colours or conditions], and \x _x *x escapes: a % there is shown as is.
_LITERALS: Final = re.compile(r'"[^"]*"|\[[^\]]*\]|[\\_*].')


def _attr(attrs: bytes, name: bytes) -> bytes | None:
    match = re.search(rb"\b" + name + rb'="([^"]*)"', attrs)
    return match.group(1) if match else None


def is_percent_code(code: str) -> bool:
    """True when a number format code scales by 100 (an unquoted %)."""
    return "%" in _LITERALS.sub("", code)


def percent_styles(styles: bytes) -> frozenset[int]:
    """Indexes of the cell formats (cellXfs) that show a number as a percent."""
    if b"%" not in styles and b'numFmtId="9"' not in styles and b'numFmtId="10"' not in styles:
        return frozenset()  # the usual case, decided without parsing
    codes: dict[int, str] = {}
    for attrs in _NUM_FMT.findall(styles):
        fmt_id, code = _attr(attrs, b"numFmtId"), _attr(attrs, b"formatCode")
        if fmt_id is not None and fmt_id.isdigit():
            text = (code or b"").decode("utf-8", "replace")
            codes[int(fmt_id)] = text.replace("&quot;", '"').replace("&amp;", "&")
    block = _CELL_XFS.search(styles)
    if block is None:
        return frozenset()
    found: set[int] = set()
    for index, attrs in enumerate(_XF.findall(block.group(1))):
        fmt = _attr(attrs, b"numFmtId")
        fmt_id = int(fmt) if fmt is not None and fmt.isdigit() else 0
        if fmt_id in _PERCENT_BUILTINS or is_percent_code(codes.get(fmt_id, "")):
            found.add(index)
    return frozenset(found)


def _column_index(letters: bytes) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ch - 64
    return number - 1


def styled_cells(sheet_xml: bytes, styles: frozenset[int]) -> list[tuple[int, int]]:
    """0-based (row, column) of the sheet's cells whose format is one of `styles`."""
    wanted = {str(s).encode() for s in styles}
    if not any(b's="' + s + b'"' in sheet_xml for s in wanted):
        return []
    cells: list[tuple[int, int]] = []
    for attrs in _CELL.findall(sheet_xml):
        style = _STYLE.search(attrs)
        if style is None or style.group(1) not in wanted:
            continue
        ref = _REF.search(attrs)
        if ref is not None:
            cells.append((int(ref.group(2)) - 1, _column_index(ref.group(1))))
    return cells


def percent_text(value: float) -> str:
    """A fraction as the percent Excel shows: 0.75 -> '75%', 0.125 -> '12.5%'."""
    scaled = round(value * 100, 9)  # 0.07 * 100 is 7.000000000000001
    return f"{scaled:.9f}".rstrip("0").rstrip(".") + "%"

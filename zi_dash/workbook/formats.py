"""Excel's number formats where they change what a cell means: a percent shows 0.75 as 75 %,
"mmm-yy" shows the date Excel made of a typed "April 2022" as Apr-22, not as 1 April.

calamine gives values without their formats, so styles.xml's cell formats and the sheet XML's
style indexes are read here, the sheet only when the workbook has such a format at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from enum import Enum
from typing import Final
from xml.sax.saxutils import unescape as xml_unescape

from zi_dash.base import MONTHS_ID, limits

# Built-in number formats 9 ("0%") and 10 ("0.00%"); 17 is "mmm-yy", a date without its day.
_PERCENT_BUILTINS: Final = frozenset({9, 10})
_MONTH_YEAR_BUILTIN: Final = 17
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


class Shown(Enum):
    """What a cell format shows that its stored value does not say."""

    PERCENT = "percent"  # 0.75 shown as 75%
    MONTH_YEAR = "month_year"  # a date shown as its month and year only
    YEAR = "year"
    MONTH = "month"


def date_shown(code: str) -> Shown | None:
    """How a date format without a day shows a date (None for formats with a day, or times)."""
    bare = _LITERALS.sub("", code).lower()
    if any(ch in bare for ch in "dhs") or "am/pm" in bare or "general" in bare:
        return None
    has_y, has_m = "y" in bare, "m" in bare
    if has_y and has_m:
        return Shown.MONTH_YEAR
    if has_y:
        return Shown.YEAR
    return Shown.MONTH if has_m else None


def unescape(text: str) -> str:
    """XML attribute text back to plain text."""
    return xml_unescape(text, {"&quot;": '"', "&apos;": "'"})


def shown_styles(styles: bytes) -> dict[int, Shown]:
    """Cell formats (cellXfs indexes) whose numbers show as something else: see `Shown`."""
    if b"numFmtId" not in styles:
        return {}
    codes: dict[int, str] = {}
    for attrs in _NUM_FMT.findall(styles):
        fmt_id, code = _attr(attrs, b"numFmtId"), _attr(attrs, b"formatCode")
        if fmt_id is not None and fmt_id.isdigit():
            text = (code or b"").decode("utf-8", "replace")
            codes[int(fmt_id)] = unescape(text)
    block = _CELL_XFS.search(styles)
    if block is None:
        return {}
    found: dict[int, Shown] = {}
    for index, attrs in enumerate(_XF.findall(block.group(1))):
        fmt = _attr(attrs, b"numFmtId")
        fmt_id = int(fmt) if fmt is not None and fmt.isdigit() else 0
        code = codes.get(fmt_id, "")
        if fmt_id in _PERCENT_BUILTINS or is_percent_code(code):
            found[index] = Shown.PERCENT
        elif fmt_id == _MONTH_YEAR_BUILTIN:
            found[index] = Shown.MONTH_YEAR
        elif code and (shown := date_shown(code)) is not None:
            found[index] = shown
    return found


def percent_styles(styles: bytes) -> frozenset[int]:
    """Indexes of the cell formats (cellXfs) that show a number as a percent."""
    return frozenset(i for i, shown in shown_styles(styles).items() if shown is Shown.PERCENT)


def shown_value(value: object, shown: Shown) -> object:
    """A cell's value as its format shows it: '75%', 'April 2022'; other values unchanged."""
    if shown is Shown.PERCENT:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return percent_text(value)
        return value
    if not isinstance(value, date):  # a datetime is a date too
        return value
    if shown is Shown.MONTH_YEAR:
        return f"{MONTHS_ID[value.month - 1]} {value.year}"
    if shown is Shown.YEAR:
        return str(value.year)
    return MONTHS_ID[value.month - 1]


def styled_cells(sheet_xml: bytes, styles: Iterable[int]) -> list[tuple[int, int, int]]:
    """0-based (row, column) and format of the sheet's cells whose format is one of `styles`."""
    wanted = {str(s).encode(): s for s in styles}
    if not any(b's="' + s + b'"' in sheet_xml for s in wanted):
        return []
    cells: list[tuple[int, int, int]] = []
    for attrs in _CELL.findall(sheet_xml):
        style = _STYLE.search(attrs)
        if style is None or style.group(1) not in wanted:
            continue
        ref = _REF.search(attrs)
        if ref is not None:
            row, col = int(ref.group(2)) - 1, limits.column_number(ref.group(1)) - 1
            cells.append((row, col, wanted[style.group(1)]))
    return cells


def percent_text(value: float) -> str:
    """A fraction as the percent Excel shows: 0.75 -> '75%', 0.125 -> '12.5%'."""
    scaled = round(value * 100, 9)  # 0.07 * 100 is 7.000000000000001
    return f"{scaled:.9f}".rstrip("0").rstrip(".") + "%"

"""styles.xml for the in-place patch: finds or adds the cell formats a write needs.

A text cell that could pass for a formula gets a quote-prefixed copy of its format; a date in a
cell without a date format gets a copy that shows dates. Everything else is left as it is.
"""

from __future__ import annotations

import re
from typing import Final
from xml.sax.saxutils import escape

from zi_dash.base import DATE_FORMAT, DATETIME_FORMAT
from zi_dash.workbook.formats import percent_styles, unescape

# Built-in number formats that show a date (time-only ones such as 18–21 and 45–47 do not).
_DATE_BUILTINS: Final = frozenset({*range(14, 18), 22, *range(27, 37), *range(50, 59)})


class PatchUnsupportedError(Exception):
    """The package is laid out in a way this module does not edit; use openpyxl instead."""


def attr(attrs: str, name: str) -> str | None:
    """The value of attribute `name` in a tag's text, or None."""
    match = re.search(rf'\b{name}="([^"]*)"', attrs)
    return match.group(1) if match else None


def set_attr(tag: str, name: str, value: str) -> str:
    """Set an attribute on an opening tag string like '<xf a="1">' or '<xf a="1"/>'."""
    if re.search(rf'\b{name}="[^"]*"', tag):
        return re.sub(rf'\b{name}="[^"]*"', f'{name}="{value}"', tag, count=1)
    end = -2 if tag.endswith("/>") else -1
    return f'{tag[:end].rstrip()} {name}="{value}"{tag[end:]}'


class Styles:
    """styles.xml: finds or adds the cell formats a write needs (text prefix, date)."""

    def __init__(self, xml: str) -> None:
        self.xml = xml
        self.changed = False
        self._derived: dict[tuple[int, str], int] = {}
        self._percent: frozenset[int] | None = None
        match = re.search(r"<cellXfs\b[^>]*>(.*?)</cellXfs>", xml, re.DOTALL)
        if match is None:
            raise PatchUnsupportedError("styles.xml has no cellXfs")
        self._xfs = re.findall(r"<xf\b[^>]*?(?:/>|>.*?</xf>)", match.group(1), re.DOTALL)
        # Attributes in any order (LibreOffice writes formatCode first); codes unescaped.
        self._formats: dict[int, str] = {}
        for tag in re.findall(r"<numFmt\b[^>]*>", xml):
            fmt_id, code = attr(tag, "numFmtId"), attr(tag, "formatCode")
            if fmt_id is not None and fmt_id.isdigit():
                self._formats[int(fmt_id)] = unescape(code or "")

    def is_percent(self, style: int) -> bool:
        """True when cell format `style` shows a number as a percent (0.4 as 40 %)."""
        if self._percent is None:
            self._percent = percent_styles(self.xml.encode("utf-8"))
        return style in self._percent

    def _is_date_format(self, fmt_id: int) -> bool:
        if fmt_id in _DATE_BUILTINS:
            return True
        # Drop quoted literals, [colours], and \x _x *x escapes before looking for d and y.
        code = re.sub(r'"[^"]*"|\[[^\]]*\]|[\\_*].', "", self._formats.get(fmt_id, "")).lower()
        return "d" in code and "y" in code

    def _format_id(self, code: str) -> int:
        for fmt_id, existing in self._formats.items():
            if existing == code:
                return fmt_id
        fmt_id = max([163, *self._formats]) + 1
        element = f'<numFmt numFmtId="{fmt_id}" formatCode="{escape(code)}"/>'
        empty = re.search(r"<numFmts\b[^>]*/>", self.xml)
        if empty:
            self.xml = (
                self.xml[: empty.start()]
                + f'<numFmts count="1">{element}</numFmts>'
                + self.xml[empty.end() :]
            )
        elif "<numFmts" in self.xml:
            self.xml = re.sub(r"</numFmts>", element + "</numFmts>", self.xml, count=1)
            self.xml = re.sub(
                r'(<numFmts\b[^>]*?count=")(\d+)"',
                lambda m: f'{m.group(1)}{int(m.group(2)) + 1}"',
                self.xml,
                count=1,
            )
        else:
            self.xml = re.sub(
                r"(<styleSheet\b[^>]*>)",
                rf'\1<numFmts count="1">{element}</numFmts>',
                self.xml,
                count=1,
            )
        self._formats[fmt_id] = code
        return fmt_id

    def derive(self, style: int, need: str) -> int:
        """A cell format like `style` that is text-prefixed ("text") or shows a date."""
        key = (style, need)
        if key in self._derived:
            return self._derived[key]
        if style >= len(self._xfs):
            raise PatchUnsupportedError(f"cell style {style} is not in styles.xml")
        xf = self._xfs[style]
        head = re.match(r"<xf\b[^>]*?/?>", xf)
        assert head is not None
        tag = head.group(0)
        if need == "text":
            if attr(tag, "quotePrefix") == "1":
                self._derived[key] = style
                return style
            tag = set_attr(tag, "quotePrefix", "1")
        else:
            number_format = attr(tag, "numFmtId") or "0"
            if not number_format.isdigit():
                raise PatchUnsupportedError(f"cell style {style} has numFmtId {number_format!r}")
            if self._is_date_format(int(number_format)):
                self._derived[key] = style
                return style
            fmt_id = self._format_id(DATE_FORMAT if need == "date" else DATETIME_FORMAT)
            tag = set_attr(set_attr(tag, "numFmtId", str(fmt_id)), "applyNumberFormat", "1")
        new_xf = tag + xf[len(head.group(0)) :]
        self._xfs.append(new_xf)
        index = len(self._xfs) - 1
        self.xml = re.sub(r"</cellXfs>", new_xf + "</cellXfs>", self.xml, count=1)
        self.xml = re.sub(
            r'(<cellXfs\b[^>]*?count=")(\d+)"', rf'\g<1>{len(self._xfs)}"', self.xml, count=1
        )
        self.changed = True
        self._derived[key] = index
        return index

"""Changing cells of an .xlsx in place: only the touched rows of the sheet XML are rewritten.

Every other part of the package (styles aside, which may gain a cell format) is copied byte for
byte, so nothing Excel wrote is lost: validations of any version, conditional formats, data
bars, shapes, comments, pivot tables. It is also fast at any size: no workbook object model is
built. Files this module does not understand raise PatchUnsupportedError and the caller falls
back to openpyxl.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Final
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

from zi_dash.base import Kind, fold, limits
from zi_dash.workbook.xlsx_styles import PatchUnsupportedError, Styles, attr, set_attr, unescape

_MAIN_NS: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_ROW: Final = re.compile(r"<row\b([^>]*?)(/?)>")
_CELL: Final = re.compile(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.DOTALL)
_REF: Final = re.compile(r'\br="([A-Z]{1,3})(\d+)"')
_ROW_NUMBER: Final = re.compile(r'\br="(\d+)"')
_STYLE: Final = re.compile(r'\bs="(\d+)"')
_EPOCH: Final = datetime(1899, 12, 30)
FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r", "\n")


@dataclass(frozen=True)
class CellWrite:
    """One cell to set: 1-based row and column, its kind and typed value."""

    row: int
    col: int
    kind: Kind
    value: object
    style_from: int | None = None  # a row whose cell in this column lends its style


def _serial(value: date) -> float:
    moment = value if isinstance(value, datetime) else datetime.combine(value, time())
    delta = moment - _EPOCH
    return delta.days + delta.seconds / 86_400


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _text_xml(text: str) -> str:
    # Excel reads "_x0041_" as "A": its own escape protects a literal one. A CR would come
    # back as LF through XML: keep it as a character reference.
    text = re.sub(r"_(x[0-9A-Fa-f]{4}_)", r"_x005F_\1", text)
    return escape(text).replace("\r", "&#13;")


class _Sheet:
    """One worksheet's XML with row positions, edited row by row."""

    def __init__(self, xml: str) -> None:
        if not xml.lstrip().startswith(("<worksheet", "<?xml")) or "<x:" in xml[:2000]:
            raise PatchUnsupportedError("worksheet uses a namespace prefix")
        self.xml = xml
        self.formula_overwritten = False

    def _rows(self) -> dict[int, tuple[int, int]]:
        """Row number -> (start, end) of its element in the XML."""
        found: dict[int, tuple[int, int]] = {}
        for match in _ROW.finditer(self.xml):
            number = _ROW_NUMBER.search(match.group(1))
            if number is None:
                raise PatchUnsupportedError("a row without its number")
            end = match.end() if match.group(2) else self.xml.index("</row>", match.end()) + 6
            found[int(number.group(1))] = (match.start(), end)
        return found

    def apply(self, writes: list[CellWrite], styles: Styles) -> None:
        rows = self._rows()
        by_row: dict[int, list[CellWrite]] = {}
        for write in writes:
            by_row.setdefault(write.row, []).append(write)
        edits: dict[tuple[int, int], str] = {}
        for number in sorted(by_row):  # new rows at one position must stay in ascending order
            row_writes = by_row[number]
            if number in rows:
                start, end = rows[number]
                new = self._row_xml(self.xml[start:end], number, row_writes, rows, styles)
                edits[(start, end)] = new
            else:
                position = self._insert_position(rows, number)
                new = self._row_xml(f'<row r="{number}"/>', number, row_writes, rows, styles)
                edits[(position, position)] = edits.get((position, position), "") + new
        for (start, end), text in sorted(edits.items(), reverse=True):
            self.xml = self.xml[:start] + text + self.xml[end:]
        self._extend_ranges(max(by_row), max(w.col for w in writes))

    def _insert_position(self, rows: dict[int, tuple[int, int]], number: int) -> int:
        later = [start for r, (start, _) in rows.items() if r > number]
        if later:
            return min(later)
        close = self.xml.find("</sheetData>")
        if close >= 0:
            return close
        empty = self.xml.find("<sheetData/>")
        if empty < 0:
            raise PatchUnsupportedError("no sheetData")
        self.xml = self.xml[:empty] + "<sheetData></sheetData>" + self.xml[empty + 12 :]
        return empty + len("<sheetData>")

    def _style_of(self, rows: dict[int, tuple[int, int]], row: int, col: int) -> int | None:
        if row not in rows:
            return None
        start, end = rows[row]
        for match in _CELL.finditer(self.xml[start:end]):
            ref = _REF.search(match.group(1))
            if ref and limits.column_number(ref.group(1)) == col:
                style = _STYLE.search(match.group(1))
                return int(style.group(1)) if style else None
        return None

    def _row_xml(
        self,
        row_xml: str,
        number: int,
        writes: list[CellWrite],
        rows: dict[int, tuple[int, int]],
        styles: Styles,
    ) -> str:
        head = _ROW.match(row_xml)
        assert head is not None
        attrs = re.sub(r'\s*\bspans="[^"]*"', "", head.group(1))  # spans is a hint; drop it
        body = "" if head.group(2) else row_xml[head.end() : -len("</row>")]
        cells: dict[int, tuple[str, str]] = {}  # column -> (attrs, xml)
        for match in _CELL.finditer(body):
            ref = _REF.search(match.group(1))
            if ref is None or int(ref.group(2)) != number:
                raise PatchUnsupportedError("a cell without its reference")
            cells[limits.column_number(ref.group(1))] = (match.group(1), match.group(0))
        if _CELL.sub("", body).strip():
            raise PatchUnsupportedError("unexpected content in a row")
        for write in writes:
            old = cells.get(write.col)
            style: int | None = None
            if old is not None:
                found = _STYLE.search(old[0])
                style = int(found.group(1)) if found else None
                formula = re.search(r"<f\b[^>]*>", old[1])
                if formula and re.search(r'\b(ref|t)="', formula.group(0)):
                    # A shared or array formula's master: other cells point at it.
                    raise PatchUnsupportedError("overwriting a shared or array formula")
                self.formula_overwritten |= formula is not None
            elif write.style_from is not None:
                style = self._style_of(rows, write.style_from, write.col)
            cells[write.col] = ("", self._cell_xml(write, style, styles))
        inner = "".join(xml for _, (_, xml) in sorted(cells.items()))
        return f"<row{attrs}>{inner}</row>"

    def _cell_xml(self, write: CellWrite, style: int | None, styles: Styles) -> str:
        ref = f"{get_column_letter(write.col)}{write.row}"
        value = write.value
        if value is None or value == "":
            return f'<c r="{ref}"{self._s(style)}/>'
        if write.kind in (Kind.DATE, Kind.DATETIME) and isinstance(value, date):
            need = "date" if write.kind is Kind.DATE else "datetime"
            style = styles.derive(style or 0, need)
            return f'<c r="{ref}"{self._s(style)}><v>{_number_text(_serial(value))}</v></c>'
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if write.kind is Kind.PERCENT and styles.is_percent(style or 0):
                value = value / 100  # Excel shows 0.4 in a percent format as 40 %
            return f'<c r="{ref}"{self._s(style)}><v>{_number_text(value)}</v></c>'
        text = str(value)
        if text.startswith(FORMULA_START):
            style = styles.derive(style or 0, "text")  # Excel keeps it text when edited
        space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
        body = f"<is><t{space}>{_text_xml(text)}</t></is>"
        return f'<c r="{ref}"{self._s(style)} t="inlineStr">{body}</c>'

    @staticmethod
    def _s(style: int | None) -> str:
        return f' s="{style}"' if style else ""

    def _extend_ranges(self, last_row: int, last_col: int) -> None:
        def grow(match: re.Match[str]) -> str:
            first_col, first_row = match.group(2), match.group(3)
            col = limits.column_number(match.group(4) or first_col)
            if match.group(1) == "<dimension ref":
                col = max(col, last_col)
            row = max(int(match.group(5) or first_row), last_row)
            return f'{match.group(1)}="{first_col}{first_row}:{get_column_letter(col)}{row}"'

        pattern = r'="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"'
        for tag in ("<dimension ref", "<autoFilter ref"):
            self.xml = re.sub(f"({tag}){pattern}", grow, self.xml, count=1)


def _part_name(target: str) -> str:
    target = target.lstrip("/")
    return target if target.startswith("xl/") else f"xl/{target}"


def _text(source: zipfile.ZipFile, name: str) -> str:
    """A part as text; XML in another encoding than UTF-8 (UTF-16 is allowed) is not patched."""
    try:
        return source.read(name).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PatchUnsupportedError(f"{name} is not UTF-8") from exc


def patch(data: bytes, writes: dict[str, list[CellWrite]]) -> bytes:
    """The package with each sheet's writes applied; raises PatchUnsupportedError."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        raise PatchUnsupportedError("workbook parts are not where Excel puts them")
    workbook = _text(source, "xl/workbook.xml")
    if f'xmlns="{_MAIN_NS}"' not in workbook:
        raise PatchUnsupportedError("workbook.xml is not in the main namespace")
    rels = _text(source, "xl/_rels/workbook.xml.rels")
    targets = {
        attr(m.group(0), "Id"): attr(m.group(0), "Target")
        for m in re.finditer(r"<Relationship\b[^>]*>", rels)
    }
    parts: dict[str, str] = {}
    for match in re.finditer(r"<sheet\b[^>]*>", workbook):
        name = attr(match.group(0), "name")
        rid = attr(match.group(0), "r:id")
        target = targets.get(rid)
        if name is None or target is None:
            raise PatchUnsupportedError("a sheet without its part")
        parts[fold(unescape(name))] = _part_name(target)
    styles_name = next((n for n in names if n == "xl/styles.xml"), None)
    if styles_name is None:
        raise PatchUnsupportedError("no styles.xml")
    styles = Styles(_text(source, styles_name))
    changed: dict[str, bytes] = {}
    drop_calc_chain = False
    for sheet, sheet_writes in writes.items():
        part = parts.get(fold(sheet))
        if part is None or part not in names:
            raise PatchUnsupportedError(f"sheet {sheet!r} not found")
        ws = _Sheet(_text(source, part))
        ws.apply(sheet_writes, styles)
        drop_calc_chain |= ws.formula_overwritten
        changed[part] = ws.xml.encode("utf-8")
    if styles.changed:
        changed[styles_name] = styles.xml.encode("utf-8")
    if any(b"<f" in source.read(p) for p in parts.values() if p in names):
        # Formulas that depend on an edited cell must not show their old cached result.
        changed["xl/workbook.xml"] = _full_calc_on_load(workbook).encode("utf-8")
    return _repack(source, changed, drop_calc_chain)


def _full_calc_on_load(workbook: str) -> str:
    calc = re.search(r"<calcPr\b[^>]*?/?>", workbook)
    if calc:
        tag = set_attr(calc.group(0), "fullCalcOnLoad", "1")
        return workbook[: calc.start()] + tag + workbook[calc.end() :]
    anchor = "</definedNames>" if "</definedNames>" in workbook else "</sheets>"
    return workbook.replace(anchor, anchor + '<calcPr fullCalcOnLoad="1"/>', 1)


def _repack(source: zipfile.ZipFile, changed: dict[str, bytes], drop_calc_chain: bool) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            name = info.filename
            data = changed.get(name)
            if data is None:
                data = source.read(name)
            if drop_calc_chain:
                # A value now stands where a formula was: Excel rebuilds its calculation chain.
                if name == "xl/calcChain.xml":
                    continue
                if name == "[Content_Types].xml":
                    data = re.sub(rb"<Override\b[^>]*calcChain[^>]*/>", b"", data)
                if name == "xl/_rels/workbook.xml.rels":
                    data = re.sub(rb"<Relationship\b[^>]*calcChain[^>]*/>", b"", data)
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()

"""The in-place XML patch: cells replaced or inserted in order, formats derived, parts kept."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
import python_calamine

from zi_dash.base import Kind
from zi_dash.workbook import CellWrite, PatchUnsupportedError, patch


def _book(tmp_path: Path) -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Data"
    ws.append(["a", "b", "c", "d"])
    ws.append(["x", None, 3, None])  # B2 and D2 are absent cells
    ws["C2"].number_format = "0.000"
    ws.append(["=1+1", "y", "z", "w"])  # A3 is a formula
    ws["A5"] = "after a gap"
    ws.auto_filter.ref = "A1:D5"
    path = tmp_path / "t.xlsx"
    book.save(path)
    return path.read_bytes()


def _values(data: bytes) -> list[list[object]]:
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    return book.get_sheet_by_name("Data").to_python(skip_empty_area=False)


def _xml(data: bytes, name: str = "xl/worksheets/sheet1.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode()


@pytest.mark.parametrize(
    ("write", "expected"),
    [
        (CellWrite(2, 2, Kind.TEXT, "baru"), (1, 1, "baru")),  # inserted between A2 and C2
        (CellWrite(2, 4, Kind.TEXT, "ujung"), (1, 3, "ujung")),  # appended after C2
        (CellWrite(2, 3, Kind.NUMBER, 45.5), (1, 2, 45.5)),  # replaced, format kept
        (CellWrite(4, 2, Kind.TEXT, "baris 4"), (3, 1, "baris 4")),  # new row between 3 and 5
        (CellWrite(9, 1, Kind.TEXT, "akhir"), (8, 0, "akhir")),  # new row at the end
        (CellWrite(2, 1, Kind.TEXT, None), (1, 0, "")),  # cleared
        (CellWrite(2, 1, Kind.TEXT, "a < b & c > d"), (1, 0, "a < b & c > d")),
        (CellWrite(2, 1, Kind.TEXT, "  spasi  "), (1, 0, "  spasi  ")),
        (CellWrite(2, 1, Kind.TEXT, "dua\nbaris"), (1, 0, "dua\nbaris")),
        (CellWrite(2, 1, Kind.TEXT, "Ĕ ✓ 日本"), (1, 0, "Ĕ ✓ 日本")),
    ],
)
def test_a_cell_is_written_where_it_belongs(tmp_path: Path, write: CellWrite, expected) -> None:
    out = patch(_book(tmp_path), {"Data": [write]})
    row, col, value = expected
    assert _values(out)[row][col] == value
    refs = re.findall(r'<c r="([A-Z]+)(\d+)"', _xml(out))
    keys = [(int(r), ord(c)) for c, r in refs]
    assert keys == sorted(keys), "rows and cells must stay in order for Excel"
    book = openpyxl.load_workbook(io.BytesIO(out))  # a second reader agrees
    assert (book["Data"].cell(row + 1, col + 1).value or "") == value


def test_other_cells_and_parts_are_untouched(tmp_path: Path) -> None:
    data = _book(tmp_path)
    out = patch(data, {"Data": [CellWrite(2, 2, Kind.TEXT, "baru")]})
    before, after = _values(data), _values(out)
    assert after[1][1] == "baru"
    after[1][1] = before[1][1]
    assert after == before
    with zipfile.ZipFile(io.BytesIO(data)) as a, zipfile.ZipFile(io.BytesIO(out)) as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if name != "xl/worksheets/sheet1.xml":
                assert a.read(name) == b.read(name), name
    assert openpyxl.load_workbook(io.BytesIO(out))["Data"]["C2"].number_format == "0.000"


@pytest.mark.parametrize("text", ["=1+1", "+62", "-5", "@A1", "\t=1", "\r=1"])
def test_formula_like_text_gets_a_quote_prefix_format(tmp_path: Path, text: str) -> None:
    out = patch(_book(tmp_path), {"Data": [CellWrite(2, 1, Kind.TEXT, text)]})
    cell = openpyxl.load_workbook(io.BytesIO(out))["Data"]["A2"]
    assert cell.value == text and cell.data_type == "s" and cell.quotePrefix
    assert "<f>" not in _xml(out).split('r="A2"')[1].split("</c>")[0]


def test_dates_get_a_date_format_and_keep_an_existing_one(tmp_path: Path) -> None:
    out = patch(
        _book(tmp_path),
        {
            "Data": [
                CellWrite(2, 2, Kind.DATE, date(2022, 4, 15)),
                CellWrite(2, 4, Kind.DATETIME, datetime(2022, 4, 15, 10, 30)),
            ]
        },
    )
    ws = openpyxl.load_workbook(io.BytesIO(out))["Data"]
    assert ws["B2"].value == datetime(2022, 4, 15) and ws["B2"].number_format == "dd/mm/yyyy"
    assert ws["D2"].value == datetime(2022, 4, 15, 10, 30)
    assert ws["D2"].number_format == "dd/mm/yyyy hh:mm"
    again = patch(out, {"Data": [CellWrite(3, 2, Kind.DATE, date(2022, 5, 1))]})
    styles = _xml(again, "xl/styles.xml")
    assert styles.count('formatCode="dd/mm/yyyy"') == 1  # reused, not added twice


def test_overwriting_a_formula_drops_the_calculation_chain(tmp_path: Path) -> None:
    data = _book(tmp_path)
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buffer, "w") as dst:
        for item in src.infolist():
            content = src.read(item)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/calcChain.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
                )
            dst.writestr(item, content)
        dst.writestr("xl/calcChain.xml", b'<calcChain><c r="A3" i="1"/></calcChain>')
    out = patch(buffer.getvalue(), {"Data": [CellWrite(3, 1, Kind.NUMBER, 7)]})
    with zipfile.ZipFile(io.BytesIO(out)) as archive:
        assert "xl/calcChain.xml" not in archive.namelist()
        assert b"calcChain" not in archive.read("[Content_Types].xml")
    assert _values(out)[2][0] == 7


def test_ranges_grow_with_new_rows(tmp_path: Path) -> None:
    out = patch(_book(tmp_path), {"Data": [CellWrite(12, 1, Kind.TEXT, "x")]})
    xml = _xml(out)
    assert '<dimension ref="A1:D12"' in xml and '<autoFilter ref="A1:D12"' in xml


def test_style_is_borrowed_from_a_template_row(tmp_path: Path) -> None:
    out = patch(_book(tmp_path), {"Data": [CellWrite(6, 3, Kind.NUMBER, 1.5, style_from=2)]})
    assert openpyxl.load_workbook(io.BytesIO(out))["Data"]["C6"].number_format == "0.000"


def test_an_unknown_sheet_is_unsupported(tmp_path: Path) -> None:
    with pytest.raises(PatchUnsupportedError):
        patch(_book(tmp_path), {"Lain": [CellWrite(1, 1, Kind.TEXT, "x")]})


def _restyle(data: bytes, old: bytes, new: bytes, part: str = "xl/styles.xml") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item)
            dst.writestr(item, content.replace(old, new) if item.filename == part else content)
    return out.getvalue()


def test_excel_escapes_in_text_are_kept_literally(tmp_path: Path) -> None:
    out = patch(_book(tmp_path), {"Data": [CellWrite(2, 1, Kind.TEXT, "kode _x0041_ tetap")]})
    assert _values(out)[1][0] == "kode _x0041_ tetap"


def test_a_shared_formula_master_is_left_to_the_fallback(tmp_path: Path) -> None:
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="B1"><f t="shared" ref="B1:B2" si="0">A1*2</f><v>2</v></c>'
        '</row><row r="2"><c r="B2"><f t="shared" si="0"/><v>4</v></c></row></sheetData>'
        "</worksheet>"
    )
    data = _book(tmp_path)
    original = _xml(data)
    data = _restyle(data, original.encode(), sheet.encode(), "xl/worksheets/sheet1.xml")
    with pytest.raises(PatchUnsupportedError, match="shared"):
        patch(data, {"Data": [CellWrite(1, 2, Kind.NUMBER, 7)]})


def test_formulas_are_recalculated_when_the_file_opens(tmp_path: Path) -> None:
    out = patch(_book(tmp_path), {"Data": [CellWrite(2, 2, Kind.NUMBER, 5)]})
    assert 'fullCalcOnLoad="1"' in _xml(out, "xl/workbook.xml")


def test_the_dimension_grows_to_a_new_column(tmp_path: Path) -> None:
    out = patch(_book(tmp_path), {"Data": [CellWrite(2, 8, Kind.TEXT, "jauh")]})
    assert '<dimension ref="A1:H5"' in _xml(out)


def _recode(data: bytes, part: str) -> bytes:
    """The package with `part` re-encoded as UTF-16 (XML allows it; the patch reads UTF-8)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item)
            if item.filename == part:
                content = content.decode().replace("UTF-8", "UTF-16").encode("utf-16")
            dst.writestr(item, content)
    return out.getvalue()


@pytest.mark.parametrize("part", ["xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/workbook.xml"])
def test_a_part_not_in_utf8_is_unsupported_not_a_decode_error(tmp_path: Path, part: str) -> None:
    with pytest.raises(PatchUnsupportedError, match="UTF-8"):
        patch(_recode(_book(tmp_path), part), {"Data": [CellWrite(2, 1, Kind.TEXT, "x")]})


def test_a_style_with_an_odd_number_format_is_unsupported(tmp_path: Path) -> None:
    data = _book(tmp_path)
    styles = zipfile.ZipFile(io.BytesIO(data)).read("xl/styles.xml")
    odd = re.sub(rb'(<cellXfs\b[^>]*>\s*<xf\b[^>]*?)numFmtId="\d+"', rb'\1numFmtId="x"', styles)
    assert odd != styles
    with pytest.raises(PatchUnsupportedError, match="numFmtId"):
        patch(
            _restyle(data, styles, odd), {"Data": [CellWrite(2, 1, Kind.DATE, date(2022, 4, 15))]}
        )

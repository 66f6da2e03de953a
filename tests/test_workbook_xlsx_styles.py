"""zi_dash.workbook.xlsx_styles: the cell formats the in-place patch finds or adds in styles.xml."""

from __future__ import annotations

import re

import pytest

from zi_dash.workbook.xlsx_styles import PatchUnsupportedError, Styles, attr, set_attr, unescape


def styles_xml(xfs: list[str], num_fmts: str | None = None) -> str:
    """A small styles.xml: optional <numFmts> part, then these <xf> elements in cellXfs."""
    fmts = "" if num_fmts is None else num_fmts
    return (
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'{fmts}<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
        f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs></styleSheet>'
    )


def cell_xfs(xml: str) -> list[str]:
    inner = re.search(r"<cellXfs\b[^>]*>(.*?)</cellXfs>", xml, re.DOTALL)
    assert inner is not None
    return re.findall(r"<xf\b[^>]*?(?:/>|>.*?</xf>)", inner.group(1), re.DOTALL)


def num_fmts(xml: str) -> dict[str, str]:
    return {
        attr(tag, "numFmtId") or "": attr(tag, "formatCode") or ""
        for tag in re.findall(r"<numFmt\b[^>]*>", xml)
    }


# --- attribute helpers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("attrs", "name", "expected"),
    [
        ('numFmtId="164" formatCode="0.0"', "numFmtId", "164"),
        ('formatCode="0.0" numFmtId="164"', "numFmtId", "164"),  # LibreOffice's order
        ('numFmtId="164" formatCode="0.0"', "formatCode", "0.0"),
        ('numFmtId=""', "numFmtId", ""),
        ('xnumFmtId="1"', "numFmtId", None),  # a longer name is another attribute
        ('a="1"', "b", None),
    ],
)
def test_attr(attrs: str, name: str, expected: str | None) -> None:
    assert attr(attrs, name) == expected


@pytest.mark.parametrize(
    ("tag", "name", "value", "expected"),
    [
        ('<xf a="1">', "b", "2", '<xf a="1" b="2">'),
        ('<xf a="1"/>', "b", "2", '<xf a="1" b="2"/>'),
        ('<xf a="1" />', "b", "2", '<xf a="1" b="2"/>'),
        ('<xf a="1"/>', "a", "3", '<xf a="3"/>'),
        ('<xf a="1" c="1"/>', "c", "0", '<xf a="1" c="0"/>'),
        ("<xf>", "b", "2", '<xf b="2">'),
        ("<xf/>", "b", "2", '<xf b="2"/>'),
    ],
)
def test_set_attr(tag: str, name: str, value: str, expected: str) -> None:
    assert set_attr(tag, name, value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.000", "0.000"),
        ("&lt;a&gt; &amp; b", "<a> & b"),
        ("0&quot; hari&quot;", '0" hari"'),
        ("&apos;x&apos;", "'x'"),
    ],
)
def test_unescape(text: str, expected: str) -> None:
    assert unescape(text) == expected


# --- Styles ---------------------------------------------------------------------------------


def test_styles_without_cell_formats_are_unsupported() -> None:
    with pytest.raises(PatchUnsupportedError, match="no cellXfs"):
        Styles("<styleSheet/>")


def test_a_style_beyond_the_list_is_unsupported() -> None:
    styles = Styles(styles_xml(['<xf numFmtId="0"/>']))
    with pytest.raises(PatchUnsupportedError, match=r"cell style 1 is not in styles\.xml"):
        styles.derive(1, "text")


def test_text_gets_a_quote_prefixed_copy_of_its_format() -> None:
    xml = styles_xml(['<xf numFmtId="0" fontId="0"/>', '<xf numFmtId="0" fontId="1"/>'])
    styles = Styles(xml)
    assert styles.derive(1, "text") == 2
    assert styles.changed
    xfs = cell_xfs(styles.xml)
    assert xfs[2] == '<xf numFmtId="0" fontId="1" quotePrefix="1"/>'
    assert xfs[:2] == cell_xfs(xml)  # the existing formats are untouched
    assert '<cellXfs count="3">' in styles.xml
    assert '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>' in styles.xml


def test_a_format_already_quote_prefixed_is_used_as_it_is() -> None:
    xml = styles_xml(['<xf numFmtId="0"/>', '<xf numFmtId="0" quotePrefix="1"/>'])
    styles = Styles(xml)
    assert styles.derive(1, "text") == 1
    assert not styles.changed and styles.xml == xml


def test_a_derived_format_is_made_once() -> None:
    styles = Styles(styles_xml(['<xf numFmtId="0"/>']))
    assert [styles.derive(0, "text") for _ in range(3)] == [1, 1, 1]
    assert [styles.derive(0, "date") for _ in range(2)] == [2, 2]
    assert len(cell_xfs(styles.xml)) == 3


def test_a_derived_format_keeps_its_children() -> None:
    xml = styles_xml(['<xf numFmtId="2" fontId="1"><alignment wrapText="1"/></xf>'])
    styles = Styles(xml)
    index = styles.derive(0, "date")
    assert cell_xfs(styles.xml)[index] == (
        '<xf numFmtId="164" fontId="1" applyNumberFormat="1"><alignment wrapText="1"/></xf>'
    )


# numFmtId -> whether a cell of that format already shows a date
BUILT_IN = [
    (14, True),
    (15, True),
    (17, True),
    (22, True),  # date and time
    (30, True),
    (57, True),
    (0, False),  # General
    (2, False),  # 0.00
    (18, False),  # h:mm AM/PM: a time only
    (20, False),
    (45, False),
    (49, False),  # @ (text)
]


@pytest.mark.parametrize(("fmt_id", "is_date"), BUILT_IN)
def test_built_in_date_formats_are_kept(fmt_id: int, is_date: bool) -> None:
    styles = Styles(styles_xml([f'<xf numFmtId="{fmt_id}"/>']))
    index = styles.derive(0, "date")
    assert (index == 0) is is_date
    assert styles.changed is not is_date


CUSTOM = [
    ("dd/mm/yyyy", True),
    ("d mmmm yyyy", True),
    ("[$-421]dd mmmm yyyy", True),
    ("yyyy-mm-dd h:mm", True),
    ("d/m/yy;@", True),
    ("0.000", False),
    ("#,##0", False),
    ("[Red]0.00", False),
    ("h:mm:ss", False),
    ("mmm yyyy", False),  # shows no day
    ('0" hari yang lalu"', False),  # moved from test_workbook_xlsx_patch.py: quoted letters
    ('"yyyy" 0', False),
    ("0\\d\\y", False),  # backslash escapes
    ("_(* #,##0_)", False),
]


@pytest.mark.parametrize(("code", "is_date"), CUSTOM)
def test_custom_formats_showing_day_and_year_are_dates(code: str, is_date: bool) -> None:
    escaped = code.replace("&", "&amp;").replace('"', "&quot;")
    xml = styles_xml(
        ['<xf numFmtId="164"/>'],
        f'<numFmts count="1"><numFmt numFmtId="164" formatCode="{escaped}"/></numFmts>',
    )
    styles = Styles(xml)
    index = styles.derive(0, "date")
    assert (index == 0) is is_date
    if not is_date:
        assert num_fmts(styles.xml) == {"164": escaped, "165": "dd/mm/yyyy"}


def test_number_formats_in_libreoffice_attribute_order_are_read() -> None:
    # Moved from test_workbook_xlsx_patch.py: "0.000" in LibreOffice's order is not a date, and
    # the new date format takes the next free ID instead of overwriting it.
    xml = styles_xml(
        ['<xf numFmtId="164"/>'],
        '<numFmts count="1"><numFmt formatCode="0.000" numFmtId="164"/></numFmts>',
    )
    styles = Styles(xml)
    assert styles.derive(0, "date") == 1
    assert cell_xfs(styles.xml)[1] == '<xf numFmtId="165" applyNumberFormat="1"/>'
    assert num_fmts(styles.xml) == {"164": "0.000", "165": "dd/mm/yyyy"}
    assert '<numFmts count="2">' in styles.xml


@pytest.mark.parametrize(
    ("need", "code"), [("date", "dd/mm/yyyy"), ("datetime", "dd/mm/yyyy hh:mm")]
)
def test_dates_and_times_get_the_contract_formats(need: str, code: str) -> None:
    styles = Styles(styles_xml(['<xf numFmtId="0"/>']))
    styles.derive(0, need)
    assert num_fmts(styles.xml) == {"164": code}


@pytest.mark.parametrize(
    ("fmts", "expected_part"),
    [
        (None, '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'),
        (
            '<numFmts count="0"/>',
            '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>',
        ),
        (
            '<numFmts count="1"><numFmt numFmtId="170" formatCode="0.0"/></numFmts>',
            '<numFmts count="2"><numFmt numFmtId="170" formatCode="0.0"/>'
            '<numFmt numFmtId="171" formatCode="dd/mm/yyyy"/></numFmts>',
        ),
    ],
    ids=["no numFmts", "empty numFmts", "after the highest ID"],
)
def test_a_new_number_format_is_added_where_excel_expects_it(
    fmts: str | None, expected_part: str
) -> None:
    styles = Styles(styles_xml(['<xf numFmtId="0"/>'], fmts))
    styles.derive(0, "date")
    assert expected_part in styles.xml
    assert styles.xml.index("<numFmts") < styles.xml.index("<cellStyleXfs")


def test_an_existing_date_format_is_reused() -> None:
    xml = styles_xml(
        ['<xf numFmtId="2"/>', '<xf numFmtId="3"/>'],
        '<numFmts count="1"><numFmt numFmtId="200" formatCode="dd/mm/yyyy"/></numFmts>',
    )
    styles = Styles(xml)
    assert [styles.derive(0, "date"), styles.derive(1, "date")] == [2, 3]
    assert num_fmts(styles.xml) == {"200": "dd/mm/yyyy"}  # not added again
    assert [attr(x, "numFmtId") for x in cell_xfs(styles.xml)] == ["2", "3", "200", "200"]

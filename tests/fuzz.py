"""Seeded mutations of the real workbook: bytes of the zip, of each part, and cell values.

Each mutation is a name (what was done, for a failure's message) and the mutated file's bytes.
"""

from __future__ import annotations

import io
import random
import re
from collections.abc import Callable, Iterator
from datetime import date

import openpyxl

from tests import zipparts
from zi_dash.base import DEFAULT_WORKBOOK, ActionCol
from zi_dash.base import contract as c

Parts = dict[str, bytes]
_CELL = re.compile(rb"<c\b[^>]*?(?:/>|>.*?</c>)", re.DOTALL)
_ATTR = re.compile(rb'\b(r|s|t|count|numFmtId|sheetId|ref|spans)="([^"]*)"')
_JUNK = [b"\x00", b"&", b"<", b">", b"&amp", b"\xff\xfe", b"]]>", b"<x>", b'"', b"\n", b"\xc3"]


def bases() -> list[tuple[str, bytes]]:
    """The committed workbook, and the same saved by openpyxl (shared strings, other styles,
    percent and month formats as Excel users make them)."""
    book = openpyxl.load_workbook(DEFAULT_WORKBOOK)
    actions = book[c.Sheet.ACTIONS]
    progress = c.ACTIONS.headers.index(ActionCol.PROGRESS) + 1
    target = c.ACTIONS.headers.index(ActionCol.TARGET) + 1
    for row in range(2, 12):
        actions.cell(row, progress).number_format = "0%"
        actions.cell(row, target, date(2022, row % 12 + 1, 1)).number_format = "mmm-yy"
    out = io.BytesIO()
    book.save(out)
    return [("asli", DEFAULT_WORKBOOK.read_bytes()), ("openpyxl", out.getvalue())]


def _texts(rng: random.Random) -> bytes:
    return rng.choice(
        [
            b"15/04/2022\n10:30",
            b"1.000",
            b"12,500",
            b"75%",
            b"Selesai",
            b"belum mulai ",
            b"\xe2\x80\x8b",
            b"=1+1",
            b"I.1.1",
            b"Minggu ke-4 April 2022",
            b"31/02/2022",
            b"9999-99-99",
            b"-",
            b"Area VII",
            b" ",
            b"x" * rng.randrange(1, 3000),
            bytes(rng.randrange(32, 127) for _ in range(rng.randrange(1, 40))),
        ]
    )


def _cell(rng: random.Random, ref: bytes) -> bytes:
    """A random cell of any type at `ref`."""
    kind = rng.randrange(9)
    style = b' s="%d"' % rng.randrange(0, 40) if rng.random() < 0.4 else b""
    head = b'<c r="' + ref + b'"' + style
    if kind == 0:
        number = rng.choice(
            [
                b"0",
                b"-1",
                b"0.75",
                b"100",
                b"150",
                b"44666.4375",
                b"1e308",
                b"1e309",
                b"NaN",
                b"-0",
                b"2958466",
                b"abc",
                b"",
                b"1" * 400,
            ]
        )
        return head + b"><v>" + number + b"</v></c>"
    if kind == 1:
        return head + b' t="s"><v>' + str(rng.randrange(-2, 400)).encode() + b"</v></c>"
    if kind == 2:
        return head + b' t="b"><v>' + rng.choice([b"0", b"1", b"2", b"x"]) + b"</v></c>"
    if kind == 3:
        return head + b' t="e"><v>' + rng.choice([b"#DIV/0!", b"#N/A", b"#REF!"]) + b"</v></c>"
    if kind == 4:
        return head + b' t="str"><f>1+1</f><v>' + _texts(rng) + b"</v></c>"
    if kind == 5:
        date = rng.choice([b"2022-04-15", b"2022-04-15T10:30:00", b"2022-13-45", b"x", b""])
        return head + b' t="d"><v>' + date + b"</v></c>"
    if kind == 6:
        return head + b' t="inlineStr"><is><t>' + _texts(rng) + b"</t></is></c>"
    if kind == 7:
        return head + b"/>"
    return head + b' t="' + rng.choice([b"n", b"zz", b""]) + b'"><v>1</v></c>'


def _mutate_cells(rng: random.Random, xml: bytes) -> bytes:
    cells = list(_CELL.finditer(xml))
    if not cells:
        return xml
    out = bytearray(xml)
    for match in sorted(
        rng.sample(cells, min(len(cells), rng.randrange(1, 6))), key=lambda m: -m.start()
    ):
        ref = re.search(rb'\br="([A-Z]+\d+)"', match.group(0))
        new = _cell(rng, ref.group(1) if ref else b"A1")
        out[match.start() : match.end()] = new
    return bytes(out)


def _mutate_attrs(rng: random.Random, xml: bytes) -> bytes:
    found = list(_ATTR.finditer(xml))
    if not found:
        return xml
    match = rng.choice(found)
    value = rng.choice(
        [
            b"",
            b"-1",
            b"0",
            b"999999",
            b"A0",
            b"XFD1048576",
            b"ZZZZ1",
            b"1:99999",
            b"x",
            b"1" * 30,
            match.group(2) * 2,
        ]
    )
    return xml[: match.start(2)] + value + xml[match.end(2) :]


def _mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    op = rng.randrange(5)
    at = rng.randrange(len(data))
    if op == 0:  # cut off
        return data[:at]
    if op == 1:  # flip a few bytes
        out = bytearray(data)
        for _ in range(rng.randrange(1, 9)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    if op == 2:  # drop a span
        return data[:at] + data[at + rng.randrange(1, 200) :]
    if op == 3:  # repeat a span
        return data[:at] + data[at : at + rng.randrange(1, 200)] * rng.randrange(2, 4) + data[at:]
    return data[:at] + rng.choice(_JUNK) + data[at:]


def _part_mutation(rng: random.Random, parts: Parts) -> tuple[str, Parts]:
    weighted = [p for p in parts if p.startswith("xl/worksheets/")] * 3 + [
        p for p in parts if p.endswith(".xml") or p.endswith(".rels")
    ]
    part = rng.choice(weighted)
    how: Callable[[random.Random, bytes], bytes] = rng.choice(
        [_mutate_bytes, _mutate_attrs, _mutate_cells]
        if part.startswith("xl/worksheets/")
        else [_mutate_bytes, _mutate_attrs]
    )
    changed = dict(parts)
    changed[part] = how(rng, parts[part])
    if rng.random() < 0.05:
        del changed[rng.choice(list(changed))]
    return f"{how.__name__} of {part}", changed


def mutations(seed: int, count: int) -> Iterator[tuple[str, bytes]]:
    """`count` mutated workbooks, the same for the same seed."""
    rng = random.Random(seed)
    sources = [(name, data, zipparts.parts(data)) for name, data in bases()]
    for i in range(count):
        base, data, parts = sources[i % len(sources)]
        choice = rng.random()
        if choice < 0.2:
            yield f"#{i} {base}: zip bytes", _mutate_bytes(rng, data)
        else:
            what, changed = _part_mutation(rng, parts)
            yield f"#{i} {base}: {what}", zipparts.pack(changed)

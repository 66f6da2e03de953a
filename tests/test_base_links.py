"""The Tautan cell as one link or file path per line: reading, adding, and showing it."""

from __future__ import annotations

import pandas as pd
import pytest

from zi_dash.analysis import tables
from zi_dash.base import EvidenceCol, add_link, is_web_link, split_links

DRIVE = "https://drive.google.com/drive/folders/1AbC"
A, B = "bukti/I.1.1/a.pdf", "bukti/I.1.1/b.pdf"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        (None, []),
        ("  \n \r\n ", []),
        (DRIVE, [DRIVE]),
        (f"{DRIVE}\nbukti/I.1.1/a.pdf", [DRIVE, "bukti/I.1.1/a.pdf"]),
        (f"  {DRIVE}  \r\n\r\nbukti/I.1.1/a.pdf\r", [DRIVE, "bukti/I.1.1/a.pdf"]),
        ("b\na\nb", ["b", "a", "b"]),  # order and repeats kept
        ("Map arsip,  lemari 2\tatas", ["Map arsip,  lemari 2\tatas"]),  # inner text as is
        ("satu\u2028dua", ["satu\u2028dua"]),  # only CR and LF break lines, as in Excel
    ],
)
def test_split_links(text: str | None, expected: list[str]) -> None:
    assert split_links(text) == expected


@pytest.mark.parametrize(
    ("text", "link", "expected"),
    [
        ("", A, A),
        (None, A, A),
        ("   ", A, A),
        (DRIVE, A, f"{DRIVE}\n{A}"),
        (f"{DRIVE}\n{A}", B, f"{DRIVE}\n{A}\n{B}"),
        (f"{DRIVE}\r\n", A, f"{DRIVE}\r\n{A}"),
        (f"  {DRIVE} ", A, f"  {DRIVE} \n{A}"),
        (f"{A}\n{DRIVE}", A, f"{A}\n{DRIVE}"),  # already there: unchanged
        (f"{DRIVE}\n  {A}  ", f" {A}", f"{DRIVE}\n  {A}  "),
        (f"{A}.bak", A, f"{A}.bak\n{A}"),  # a line, not a substring
    ],
)
def test_add_link(text: str | None, link: str, expected: str) -> None:
    result = add_link(text, link)
    assert result == expected
    assert result.startswith(text or "") or not (text or "").strip()
    assert split_links(result)[: len(split_links(text))] == split_links(text)


@pytest.mark.parametrize("link", ["", "  ", "a\nb", "a\r\nb"])
def test_a_link_is_one_line(link: str) -> None:
    with pytest.raises(ValueError, match="satu baris"):
        add_link(DRIVE, link)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (DRIVE, True),
        ("HTTPS://Drive.Google.com/x", True),
        ("http://intranet.kpu.local/arsip?id=5#a", True),
        ("https://", False),
        ("https:///pfad", False),
        ("https://drive.google.com/x lihat folder", False),
        ("www.google.com", False),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT://x.com/%0aalert(1)", False),
        ("data:text/html,<b>x</b>", False),
        ("ftp://arsip.kpu/x", False),
        ("file:///etc/passwd", False),
        ("bukti/I.1.1/a.pdf", False),
        ("https://[::1", False),  # not a URL at all
    ],
)
def test_only_http_addresses_are_web_links(line: str, expected: bool) -> None:
    assert is_web_link(line) is expected


@pytest.mark.parametrize(
    ("cell", "first", "rest"),
    [
        ("", None, ""),
        (DRIVE, DRIVE, ""),
        (f"{A}\n{DRIVE}\n{B}", DRIVE, f"{A} · {B}"),
        (f"{DRIVE}\n{DRIVE}", DRIVE, DRIVE),
        ("javascript:alert(1)", None, "javascript:alert(1)"),
    ],
)
def test_tables_show_the_first_web_link_and_list_the_rest(cell, first, rest) -> None:
    frame = pd.DataFrame({EvidenceCol.ID: ["I.1.1/1"], EvidenceCol.LINK: [cell], "x": [1]})
    shown = tables.with_web_links(frame)
    assert list(shown.columns) == [EvidenceCol.ID, EvidenceCol.LINK, tables.OTHER_LINKS, "x"]
    assert (shown[EvidenceCol.LINK][0], shown[tables.OTHER_LINKS][0]) == (first, rest)

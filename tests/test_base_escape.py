"""zi_dash.base.text escapers: a text drawn as Markdown, plotly or HTML shows as typed."""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.markup import PAYLOADS, markup, read
from zi_dash.base import escape_html, escape_md, escape_plot
from zi_dash.base.text import WORD_JOINER


@pytest.mark.parametrize("name", list(PAYLOADS))
def test_each_payload_is_markup_unescaped_and_text_escaped(name: str) -> None:
    payload = PAYLOADS[name]
    if name not in ("entity", "quote"):  # these two are plain text either way
        assert markup(payload), f"the test cannot see {name} as markup"
    assert markup(escape_md(payload)) == []
    assert read(escape_md(payload)).text == payload


@pytest.mark.parametrize(
    "text",
    [
        "Sekretaris **KPU** [klik](http://x) ![i](http://x/i.png) <b>x</b> $x$ :red[x]",
        "Pukul 10:30 :smile: :+1: :material/home: :material_home: :streamlit: :x:",
        "a -> b <- c <-> d -- e >= f <= g ~= h",
        "1. daftar",
        "- daftar",
        "> kutipan",
        "    kode berindentasi",
        "\tTab di depan",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "Judul\n===",
        "Judul\n---",
        "baris satu\nbaris dua",
        "baris satu\r\n\r\n    baris tiga",
        "`kode` ``dua`` ~~coret~~ _miring_ *miring*",
        "[^1] catatan kaki\n\n[^1]: isi",
        "<http://evil.example> <mail@evil.example> http://evil.example www.evil.example",
        "&copy; &#65; \\* \\",
        "$$\nx\n$$",
        "<!-- komentar --> <script>alert(1)</script>",
        "[tautan][ref]\n\n[ref]: http://evil.example",
        "",
        "   ",
    ],
)
def test_escaped_markdown_reads_back_as_the_text(text: str) -> None:
    source = escape_md(text)
    found = read(source)
    assert markup(source) == []
    assert (found.links, found.images, found.html) == ([], [], [])
    # A line break stays one; leading blanks are no-break spaces (a parser may trim them).
    assert _lines(found.text) == _lines(text)


def _lines(text: str) -> list[str]:
    return [line.strip(" \t\u00a0") for line in text.replace("\r\n", "\n").split("\n")]


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))))
def test_any_single_line_text_reads_back_exactly(text: str) -> None:
    source = escape_md(text)
    found = read(source)
    assert markup(source) == []
    assert found.text.strip(" \t\u00a0") == text.strip(" \t\u00a0")


def test_escaping_is_invisible_on_plain_words() -> None:
    assert escape_md("KPU Kota Tegal") == "KPU Kota Tegal"
    assert escape_md(None) == ""
    assert WORD_JOINER not in escape_md("Pukul 10:30 · a->b · tanpa spasi:->")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
        ('<a href="http://evil">klik</a>', '&lt;a href="http://evil"&gt;klik&lt;/a&gt;'),
        ("A & B", "A &amp; B"),
        ("&lt;", "&amp;lt;"),  # an entity typed stays the characters typed
        ("$x$", "&#36;x&#36;"),
        ('Tim "ZI"', 'Tim "ZI"'),  # plotly decodes no &quot;: a quote stays a quote
        ("a<br>b", "a&lt;br&gt;b"),
        (None, ""),
    ],
)
def test_plotly_text_is_escaped(text: object, expected: str) -> None:
    assert escape_plot(text) == expected


def test_html_text_is_escaped_quotes_included() -> None:
    payload = "<img src=x onerror=\"alert(1)\"> & 'q'"
    assert escape_html(payload) == html.escape(payload, quote=True)
    assert "<" not in escape_html(payload) and '"' not in escape_html(payload)

"""Small text helpers: tidying SK text, comparison keys, and escaping text where it is drawn."""

from __future__ import annotations

import html
import re
from typing import Final

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;:.)])")
_SPACE_AFTER_PAREN = re.compile(r"\(\s+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def untagged(text: str) -> str:
    """The text with each HTML tag ("<br>", "<b>") replaced by a space."""
    return _TAG.sub(" ", text)


def tidy(text: object) -> str:
    """Drop HTML tags, unescape entities and collapse white space, keeping the words verbatim."""
    if text is None:
        return ""
    s = html.unescape(untagged(str(text)))
    s = _SPACE.sub(" ", s).strip()
    s = _SPACE_BEFORE_PUNCT.sub(r"\1", s)
    return _SPACE_AFTER_PAREN.sub("(", s)


def tidy_lines(text: object) -> str:
    """`tidy` for each line of a cell, keeping its line breaks (its blank lines dropped)."""
    if text is None:
        return ""
    lines = (tidy(line) for line in _LINE_BREAK.split(str(text)))
    return "\n".join(line for line in lines if line)


def fold(text: object) -> str:
    """Case- and space-insensitive key for comparing what Excel users type."""
    return _SPACE.sub(" ", str(text)).strip().casefold()


# Escaping at the point of drawing: a workbook or user text shown literally, never as markup.
# The data keeps the text exactly as typed; only what a renderer reads is escaped.

WORD_JOINER: Final = "\u2060"  # invisible, breaks no line: splits a pattern Streamlit rewrites
_NBSP: Final = "\u00a0"
_LINE_BREAK: Final = re.compile(r"\r\n|\r|\n")  # CommonMark's line endings
_LEADING: Final = re.compile(r"^[ \t]+")
_ASCII_PUNCT: Final = re.compile(r"([!-/:-@\[-`{-~])")  # CommonMark escapes every one of them
# Streamlit rewrites these in text already parsed, where a backslash escape no longer counts:
# :smile: and :material/icon: (and its source-level ":material/"), :streamlit:, and -> <- <->
# -- >= <= ~= between spaces. A word joiner after the first character keeps them as typed.
_SHORTCODE: Final = re.compile(r":(?=[\w+-][\w+/-]*:)")
_TYPOGRAPHY: Final = re.compile(r"(?<!\S)(?:<->|->|<-|--|>=|<=|~=)(?!\S)")
# GFM links bare addresses (http://…, www.…, a@b.c) in parsed text too: a word joiner after
# the scheme's colon, after "www" and before "@" leaves them text.
_AUTOLINK: Final = re.compile(r"(?i)(?<=[a-z]:)(?=//)|(?<=\bwww)(?=\.)|(?<=[\w.+-])(?=@)")


def _md_line(line: str) -> str:
    line = _SHORTCODE.sub(":" + WORD_JOINER, line)
    line = _AUTOLINK.sub(WORD_JOINER, line)
    line = _TYPOGRAPHY.sub(lambda m: m[0][0] + WORD_JOINER + m[0][1:], line)
    line = _ASCII_PUNCT.sub(r"\\\1", line)
    # Leading blanks would make an indented code block or a blank line end the paragraph.
    lead = _LEADING.match(line)
    if lead:
        line = _NBSP * len(lead[0].expandtabs(4)) + line[lead.end() :]
    return line or _NBSP


def escape_md(text: object) -> str:
    """Text for Streamlit Markdown (st.markdown, captions, alerts, labels, toasts, st.table cells)
    that shows exactly as typed: no link, image, emphasis, heading, list, LaTeX, emoji, icon,
    colour directive or HTML. Line breaks stay line breaks."""
    if text is None:
        return ""
    return "  \n".join(_md_line(line) for line in _LINE_BREAK.split(str(text)))


def escape_plot(text: object) -> str:
    """Text for a plotly title, annotation, tick, bar text or hover label, shown as typed.

    Plotly reads a subset of HTML (<b>, <br>, <a href>, entities) and $…$ as LaTeX; it decodes
    &amp; &lt; &gt; and numeric entities only (so not &quot;).
    """
    if text is None:
        return ""
    s = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace("$", "&#36;")


def escape_html(text: object) -> str:
    """Text for an HTML page (the PDF report), quotes included, shown as typed."""
    return "" if text is None else html.escape(str(text), quote=True)

"""Small text helpers shared by the SK reader, the evidence splitter and the loader."""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;:.)])")
_SPACE_AFTER_PAREN = re.compile(r"\(\s+")


def tidy(text: object) -> str:
    """Drop HTML tags, unescape entities and collapse white space, keeping the words verbatim."""
    if text is None:
        return ""
    s = html.unescape(_TAG.sub(" ", str(text)))
    s = _SPACE.sub(" ", s).strip()
    s = _SPACE_BEFORE_PUNCT.sub(r"\1", s)
    return _SPACE_AFTER_PAREN.sub("(", s)


def fold(text: object) -> str:
    """Case- and space-insensitive key for comparing what Excel users type."""
    return _SPACE.sub(" ", str(text)).strip().casefold()

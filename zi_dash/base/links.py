"""The Tautan cell: one link or file path per line, as an Excel user reads it (Alt+Enter).

An evidence item may have several documents: a Google Drive folder typed by hand and files
uploaded from the dashboard. Adding one never drops, reorders or rewrites the others.
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import urlsplit

_LINE_BREAK: Final = re.compile(r"\r\n|\r|\n")
_WEB_SCHEMES: Final = frozenset({"http", "https"})
_NOT_IN_URL: Final = re.compile(r"[\s\x00-\x1f\x7f]")


def split_links(text: str | None) -> list[str]:
    """The links of a Tautan cell in order: one per line, outer spaces stripped, blanks dropped.

    Only line breaks (LF, CR LF, CR) separate links; the text of each line is kept as it is.
    """
    if not text:
        return []
    return [line.strip() for line in _LINE_BREAK.split(text) if line.strip()]


def add_link(text: str | None, link: str) -> str:
    """`text` with `link` appended as a new line, unless one of its lines already is `link`.

    The existing text is kept byte for byte as the prefix of the result; a blank cell becomes
    just the link. A link must be one non-blank line (ValueError otherwise).
    """
    new = link.strip()
    if not new or _LINE_BREAK.search(new):
        raise ValueError(f"Tautan harus satu baris yang tidak kosong, bukan {link!r}.")
    old = text or ""
    if not old.strip():
        return new
    if new in split_links(old):
        return old
    separator = "" if old.endswith(("\n", "\r")) else "\n"
    return f"{old}{separator}{new}"


def is_web_link(line: str) -> bool:
    """True for an http(s) address with a host and no spaces: safe to show as a clickable link."""
    if _NOT_IN_URL.search(line):
        return False
    try:
        parts = urlsplit(line)
    except ValueError:
        return False
    return parts.scheme.lower() in _WEB_SCHEMES and bool(parts.hostname)

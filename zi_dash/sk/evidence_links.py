"""A plan's link column (`link_bukti`) matched to the evidence items its row names.

Only http(s) addresses count as links, written one per line so the Bukti sheet's Tautan reads
them as the dashboard does (zi_dash.base.links). A link says where a document may be, not that
it is there: the evidence's Status Bukti stays Belum Ada whatever the column holds.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from zi_dash.base import is_web_link, tidy, untagged
from zi_dash.sk.evidence_split import split_evidence

# Links are separated by white space, or by a comma or semicolon right before the next one
# (a comma inside an address, as in a query string, stays part of it).
_SEPARATOR: Final = re.compile(r"\s+|[,;]+(?=\s*https?://)", re.IGNORECASE)
# A sentence's full stop after an address ("lihat https://…/doc.") is no part of it.
_TRAILING: Final = ",;."
# In an address only an entity closed by ";" is one ("&amp;"): "&region=1" or "&copy=2" is a
# query, which html.unescape alone would garble.
_ENTITY: Final = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.IGNORECASE)


@dataclass(frozen=True)
class CellLinks:
    """What a link cell holds: its http(s) addresses in order, and any other text in it."""

    links: tuple[str, ...]
    other: str  # a file name, "-", "belum": not a link, listed for the user, never dropped


def cell_links(cell: str) -> CellLinks:
    """The http(s) links of a link column's cell and the rest of its text (tidied)."""
    links: list[str] = []
    other: list[str] = []
    # An HTML export's tags between links ("<br>") separate them as white space does.
    for token in _SEPARATOR.split(untagged(cell).strip()):
        word = _ENTITY.sub(lambda m: html.unescape(m.group()), _unwrapped(token))
        if is_web_link(word):
            links.append(word)
        elif token:
            other.append(token)
    return CellLinks(tuple(links), tidy(" ".join(other)))


def _unwrapped(token: str) -> str:
    # "(https://…)" or "https://…)." around an address in a sentence; a ")" the address
    # opened itself ("…/Daftar_(2024)") stays.
    word = token.rstrip(_TRAILING)
    if word.startswith("("):
        word = word[1:]
    if word.endswith(")") and word.count(")") > word.count("("):
        word = word[:-1].rstrip(_TRAILING)
    return word


def evidence_items(evidence: str) -> list[str]:
    """The evidence items a Bukti Fisik text names: its documents, or itself, or none."""
    # A text the splitter names no document in is one document; a blank one names none.
    return split_evidence(evidence) or ([evidence] if evidence.strip() else [])


def item_links(items: Sequence[str], cell: str) -> list[str | None]:
    """The Tautan of each evidence item from the row's link cell (None where it has none)."""
    links = cell_links(cell).links
    if not links or not items:
        return [None] * len(items)
    if len(links) == len(items):
        return list(links)  # one link per document, in the order both are written
    # One link (mostly a folder holding all of them) or a count that does not match: kept
    # once, every link on its own line of the first item, not copied onto each item, where it
    # would read as each document having its own; the Rencana Aksi sheet has no link column.
    # The preview names these rows (zi_dash.newplan.links).
    return ["\n".join(links), *[None] * (len(items) - 1)]

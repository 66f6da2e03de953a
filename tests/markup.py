"""What Streamlit's Markdown and plotly would make of a text: links, images, emphasis, LaTeX...

Streamlit 1.67 renders Markdown with CommonMark + GFM (react-markdown), then rewrites parsed
text (emoji shortcodes, :material/ icons, the :streamlit: logo, arrows such as ->), reads
:name[...] directives and $...$ LaTeX. CommonMark parsing is checked with markdown-it-py; the
rest with the regular expressions of Streamlit's own frontend (static/js/StreamlitMarkdown.*).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import openpyxl
from markdown_it import MarkdownIt
from markdown_it.token import Token

from zi_dash.base.text import WORD_JOINER

# A workbook text in each Markdown/HTML form an office might type, or a hostile user would.
PAYLOADS = {
    "link": "[klik](http://evil.example/a)",
    "image": "![x](http://evil.example/x.png)",
    "bold": "**tebal**",
    "html": "<b>x</b>",
    "latex": "$x$",
    "color": ":red[x]",
    "emoji": ":smile:",
    "icon": ":material/home:",
    "arrow": "A -> B",
    "autolink": "www.evil.example",
    "heading": "# Judul",
    "entity": "&amp; &lt;",
    "quote": 'Tim "ZI"',
}

_PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
# Streamlit's frontend (StreamlitMarkdown.*.js), verbatim.
_EMOJI_SOURCE = re.compile(r":(?!material/|streamlit:)[\w+-][\w_+-]*:")
_EMOJI_TEXT = re.compile(r":\+1:|:-1:|:[\w-]+:")
_ICON_TEXT = re.compile(r":material_(\w+):")
_TYPOGRAPHY = [re.compile(rf"(^|\s){p}(\s|$)") for p in ("<->", "->", "<-", "--", ">=", "<=", "~=")]
_MATH_STRIP = re.compile(  # fenced and inline code, and escaped \\ \$ \`: never LaTeX
    r"(?:(?<=^)|(?<=\n)) {0,3}(`{3,}|~{3,})[\s\S]*?(?:\n[ \t]*\1|$)"
    r"|(?<!`)(`+)[^`\n]+\2(?!`)|\\[\\$`]"
)
_MATH = [
    re.compile(r"(?<!\$)\$\$+(?!\$)[\s\S]*?\$\$"),
    re.compile(r"(?<!\$)\$(?![\s$])[^$\n]*?[^\s$]\$(?!\d)"),
]
_DIRECTIVE = re.compile(r"(?<!\\):[A-Za-z][\w-]*\[")
# GFM's literal links (remark-gfm, in parsed text): http://, https://, www., a@b.c
_AUTOLINK = re.compile(r"(?i)(?:https?|mailto|xmpp)://|\bwww\.|[\w.+-]@[\w-]+\.")


@dataclass
class Reading:
    """What a Markdown source turns into."""

    links: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    strong: list[str] = field(default_factory=list)
    emphasis: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    rewrites: list[str] = field(default_factory=list)  # emoji, icon, logo, arrows, LaTeX...
    blocks: list[str] = field(default_factory=list)  # headings, lists, quotes, code, tables
    text: str = ""


def _walk(tokens: Iterable[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def _inner_text(tokens: list[Token], start: int) -> str:
    depth, out = 0, []
    for token in tokens[start:]:
        depth += token.nesting
        if token.type == "text":
            out.append(token.content)
        if depth <= 0:
            break
    return "".join(out)


def read(source: str) -> Reading:
    """What Streamlit's Markdown would draw from `source`."""
    found = Reading()
    texts: list[str] = []
    for block in _PARSER.parse(source):
        if block.type == "html_block":
            found.html.append(block.content)
        elif block.nesting >= 0 and block.type not in ("paragraph_open", "inline"):
            found.blocks.append(block.type)
        children = block.children or []
        for i, token in enumerate(children):
            if token.type == "link_open":
                found.links.append(str(token.attrs.get("href")))
            elif token.type == "image":
                found.images.append(str(token.attrs.get("src")))
            elif token.type == "html_inline":
                found.html.append(token.content)
            elif token.type == "strong_open":
                found.strong.append(_inner_text(children, i))
            elif token.type == "em_open":
                found.emphasis.append(_inner_text(children, i))
        for token in _walk(children):
            if token.type == "text":
                texts.append(token.content)
            elif token.type in ("softbreak", "hardbreak"):
                texts.append("\n")
    if ":material/" in source:
        found.rewrites.append("icon")
    if _DIRECTIVE.search(source):
        found.rewrites.append("directive")
    stripped = _MATH_STRIP.sub("_", source)
    if any(p.search(stripped) for p in _MATH):
        found.rewrites.append("latex")
    for text in texts:
        if _EMOJI_SOURCE.search(source) and _EMOJI_TEXT.search(text):
            found.rewrites.append("emoji")
        if _ICON_TEXT.search(text):
            found.rewrites.append("icon")
        if _AUTOLINK.search(text):
            found.rewrites.append("autolink")
        if ":streamlit:" in text:
            found.rewrites.append("logo")
        if any(p.search(text) for p in _TYPOGRAPHY):
            found.rewrites.append("typography")
    found.text = "".join(texts).replace(WORD_JOINER, "")
    return found


def shown(source: str) -> str:
    """The text a reader sees of a Markdown source (escapes resolved, line breaks as \\n)."""
    return read(source).text


def markup(source: str, blocks: bool = True) -> list[str]:
    """What in `source` a payload of PAYLOADS turned into markup instead of its text.

    `blocks=False` leaves out headings and the like, for a page's own "### …".
    """
    found = read(source)
    problems = [f"link {h}" for h in found.links if "evil" in h]
    problems += [f"image {s}" for s in found.images if "evil" in s]
    problems += [f"bold {t}" for t in found.strong if t == "tebal"]  # the payload's own
    problems += [f"html {h}" for h in found.html]
    problems += [f"emphasis {t}" for t in found.emphasis]
    return problems + found.rewrites + (found.blocks if blocks else [])


# Every payload in one line: what a hostile or careless user types into each text cell.
HOSTILE = " ".join(PAYLOADS[k] for k in ("link", "image", "bold", "html", "latex", "color",
                                         "emoji", "arrow"))  # fmt: skip


def hostile_workbook(path: Path) -> Path:
    """The mixed plan with HOSTILE in every text a page draws: Satuan Kerja, Nama Area,
    Komponen, Indikator, Langkah Aksi, Bukti Fisik, Penanggung Jawab, Catatan, evidence items,
    their notes, and Riwayat's Pengguna (the sidebar's "oleh …")."""
    from tests import factory
    from zi_dash.base import ActionCol, AreaCol, EvidenceCol, LogCol, Sheet, Status

    texts = {
        ActionCol.COMPONENT: f"Komponen {HOSTILE}",
        ActionCol.INDICATOR: f"Indikator {HOSTILE}",
        ActionCol.STEP: f"Langkah {HOSTILE}",
        ActionCol.EVIDENCE: f"Bukti {HOSTILE}",
        ActionCol.PIC: f"Pak {HOSTILE}",
        ActionCol.NOTES: f"Catatan {HOSTILE}",
    }
    actions = [
        factory.action("I.1.1", Status.DONE, 100, "April Minggu ke 1 2022", **texts),
        factory.action("I.1.2", Status.IN_PROGRESS, 50, "April Minggu ke 3 2022", **texts),
        factory.action("II.1.1", Status.NOT_STARTED, 0, "Mei Minggu ke 2 2022", **texts),
        factory.action("II.2.1", Status.IN_PROGRESS, 30, "kalau sempat", **texts),
    ]
    items = [
        factory.evidence(a[ActionCol.ID], 1, **{EvidenceCol.ITEM: f"Dokumen {HOSTILE}",
                                                 EvidenceCol.NOTES: f"Catatan {HOSTILE}"})
        for a in actions
    ]  # fmt: skip
    log = [{
        LogCol.TIME: datetime(2022, 4, 20, 9), LogCol.USER: f"ani {HOSTILE}",
        LogCol.SHEET: Sheet.ACTIONS, LogCol.ID: "I.1.2", LogCol.COLUMN: ActionCol.NOTES,
        LogCol.OLD: "", LogCol.NEW: f"Catatan {HOSTILE}",
    }]  # fmt: skip
    factory.make_workbook(path, actions, items, unit=f"KPU {HOSTILE}", log=log)
    book = openpyxl.load_workbook(path)
    sheet = book[Sheet.AREAS]
    names = [cell.value for cell in sheet[1]].index(AreaCol.NAME) + 1
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row, names).value = f"{sheet.cell(row, names).value} {HOSTILE}"
    book.save(path)
    return path

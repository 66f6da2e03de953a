"""Tokens, syntax nodes and the tokenizer for free-text target periods (see zi_dash.schedule)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import NamedTuple

# "minggu terakhir" depends on the month (week 5, or week 4 in a 28-day February),
# so it stays symbolic until the year is known.
LAST_WEEK = -1

WeekSpec = tuple[int, int]  # inclusive range of week numbers; LAST_WEEK allowed on either side


class TargetTextError(Exception):
    """A user-facing reason (Bahasa Indonesia) why a target text cannot be read."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class Tok(NamedTuple):
    """One token: its kind, a numeric value where relevant, and the (lowercased) source text."""

    kind: str
    value: int
    raw: str
    ymd: tuple[int, int, int] | None = None


# --- AST -------------------------------------------------------------------------------------


@dataclass
class Period:
    """Base of every dated node; `year` stays None until year resolution when the text omits it."""

    year: int | None = None

    def key(self) -> int:
        """Month used to order neighbouring items when years are chained."""
        return 1


@dataclass
class DayNode(Period):
    """One calendar day; month None means 'take the month of the date to the right' (1-15 April)."""

    day: int = 1
    month: int | None = None
    raw: str = ""

    def key(self) -> int:
        """Month used to order neighbouring items when years are chained."""
        return self.month or 1


@dataclass
class MonthNode(Period):
    """A whole month, or some of its weeks."""

    month: int = 1
    weeks: tuple[WeekSpec, ...] | None = None

    def key(self) -> int:
        """Month used to order neighbouring items when years are chained."""
        return self.month


@dataclass
class BlockNode(Period):
    """A quarter (size 3) or a semester (size 6)."""

    size: int = 3
    index: int = 1

    def key(self) -> int:
        """Month used to order neighbouring items when years are chained."""
        return (self.index - 1) * self.size + 1


@dataclass
class YearNode(Period):
    """A whole year."""


@dataclass
class RangeNode:
    """From the start of `left` to the end of `right`."""

    left: Period
    right: Period


@dataclass
class RecurNode:
    """'setiap bulan/triwulan/...'; unit is month, quarter, semester, year or continuous."""

    unit: str
    weeks: tuple[WeekSpec, ...] | None
    scope: Period | RangeNode
    implicit_scope: bool
    anchored: bool = False


Item = Period | RangeNode | RecurNode

# --- tokenizer -------------------------------------------------------------------------------

_WORDS: dict[str, tuple[str, int]] = {}


def _add(kind: str, value: int, *words: str) -> None:
    for word in words:
        _WORDS[word] = (kind, value)


for _i, _names in enumerate(
    [
        "januari jan january",
        "februari feb peb pebruari february",
        "maret mar march",
        "april apr",
        "mei may",
        "juni jun june",
        "juli jul july",
        "agustus agu agt ags agust agus aug august",
        "september sep sept",
        "oktober okt oct october",
        "november nov nop nopember",
        "desember des dec december",
    ],
    start=1,
):
    _add("MONTH", _i, *_names.split())
_add("WEEK", 0, "minggu", "mg", "mgg", "pekan")
_add("KE", 0, "ke")
for _i, _word in enumerate(["pertama", "kedua", "ketiga", "keempat", "kelima", "keenam"], 1):
    _add("ORD", _i, _word)
_add("ORD", 1, "kesatu")
for _i, _word in enumerate(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"], 1):
    _add("ROMAN", _i, _word)
_add("LAST", LAST_WEEK, "terakhir", "akhir")
_add("BLOCK", 3, "triwulan", "tw", "q", "kuartal")
_add("BLOCK", 6, "semester", "smt")
_add("TAHUN", 0, "tahun", "thn")
_add("EVERY", 0, "setiap", "tiap", "per", "saban")
_add("BULAN", 0, "bulan", "bln")
_add("HARI", 0, "hari")
_add("SEP", 0, "dan", "serta", ",", ";", "&")
_add("RANGE", 0, "sd", "sampai", "hingga", "-")
_add("FILLER", 0, "tanggal", "tgl", "pada")
_add("DARI", 0, "dari")
_add("SEPANJANG", 0, "sepanjang", "selama")
_add("DOT", 0, ".")
RECUR_UNITS = ("month", "quarter", "semester", "year", "continuous")
for _i, _words in enumerate(["bulanan", "triwulanan", "semesteran", "tahunan", "mingguan harian"]):
    _add("RECUR", _i, *_words.split())

_TOKEN_RE = re.compile(
    r"(?P<iso>[0-9]{4}-[0-9]{1,2}-[0-9]{1,2})(?![0-9])"
    r"|(?P<dmy>[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{4})(?![0-9])"
    r"|(?P<num>[0-9]+)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sym>\S)"
)
_NORMALIZE = [
    (re.compile(r"<\s*br\s*/?\s*>|<\s*/\s*(?:p|li|div|tr)\s*>"), "\n"),
    (re.compile(r"<[^<>]*>"), " "),
]
_AFTER_LOWER = [
    (re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]"), "-"),
    (re.compile(r"\bs\s*[/.]\s*d\b\.?"), " sd "),
    (re.compile(r"\b(sampai|hingga)(?:\s+(?:dengan|dgn))?\b"), r" \1 "),
    (re.compile(r"\bke\s*-\s*"), "ke "),
    # "TW-II", "Minggu-2": a dash glued to a keyword is part of the name, not a range.
    (re.compile(r"\b(minggu|mg|mgg|pekan|triwulan|tw|q|kuartal|semester|smt)\s*-\s*"), r"\1 "),
    (re.compile(r"[\r\n]+"), " ; "),
]


def normalize(text: str) -> str:
    """Strip HTML, lowercase and unify dashes and range words."""
    # Lowercase before unescaping too, so "&AMP;" and "<BR>" read like "&amp;" and "<br>".
    text = text.lower()
    for pattern, repl in _NORMALIZE:
        text = pattern.sub(repl, text)
    text = html.unescape(text).lower()
    for pattern, repl in _AFTER_LOWER:
        text = pattern.sub(repl, text)
    return text


def _raw_tokens(text: str) -> list[Tok]:
    toks: list[Tok] = []
    for m in _TOKEN_RE.finditer(normalize(text)):
        raw = m.group()
        if m.lastgroup == "iso":
            y, mo, d = (int(p) for p in raw.split("-"))
            toks.append(Tok("DATE", 0, raw, (y, mo, d)))
        elif m.lastgroup == "dmy":
            d, mo, y = (int(p) for p in re.split(r"[./-]", raw))
            toks.append(Tok("DATE", 0, raw, (y, mo, d)))
        elif m.lastgroup == "num":
            toks.append(Tok("YEAR" if len(raw) == 4 else "NUM", int(raw), raw))
        elif raw in _WORDS:
            kind, value = _WORDS[raw]
            toks.append(Tok(kind, value, raw))
        elif m.lastgroup == "word":
            raise TargetTextError(f'kata "{raw}" tidak dikenali')
        else:
            raise TargetTextError(f'tanda "{raw}" tidak dikenali')
    return toks


def tokenize(text: str) -> list[Tok]:
    """Turn text into tokens, dropping filler words only where they are harmless."""
    toks = _raw_tokens(text)
    out: list[Tok] = []
    for i, tok in enumerate(toks):
        prev = out[-1] if out else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if tok.kind == "DOT":
            # Only after an abbreviation ("Okt.") or at the end; elsewhere it may be a broken date.
            if nxt is None or (i > 0 and toks[i - 1].raw.isalpha()):
                continue
            raise TargetTextError('tanda "." tidak dikenali')
        if tok.kind == "FILLER":
            continue
        if tok.kind == "BULAN" and (prev is None or prev.kind != "EVERY"):
            continue
        if tok.kind == "DARI":
            if prev is None or prev.kind == "SEP":
                continue
            raise TargetTextError('kata "dari" tidak dipahami di sini')
        if tok.kind == "SEPANJANG":
            if nxt is not None and nxt.kind in ("TAHUN", "YEAR"):
                continue
            raise TargetTextError(f'kata "{tok.raw}" tidak dipahami di sini')
        if tok.kind == "SEP" and (prev is None or prev.kind == "SEP"):
            continue
        out.append(tok)
    while out and out[-1].kind == "SEP":
        out.pop()
    return out

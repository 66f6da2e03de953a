"""What the text above a plan table says about the plan: satuan kerja, year, legal basis."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Final

from zi_dash.sk.table import SkRow

_REGION: Final = r"(?:KABUPATEN|KAB\.|KOTA|PROVINSI|PROV\.)"
_UNIT = re.compile(
    rf"\b(?:KPU|KOMISI\s+PEMILIHAN\s+UMUM)\s+({_REGION}\s+[A-Z][A-Za-z.'\-]*(?:\s+[A-Z][A-Za-z.'\-]*)*)",
    re.IGNORECASE,
)
# Words that end a satker's name in a title ("KPU KOTA TEGAL TAHUN 2023", "... NOMOR 5").
_STOP: Final = frozenset({"tahun", "nomor", "no", "tentang", "rencana", "lampiran", "dan", "di"})
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_PLAN_YEAR = re.compile(r"\bTAHUN\s+(20\d\d)\b", re.IGNORECASE)
_DECREE = re.compile(
    r"\b((?:SURAT\s+)?KEPUTUSAN\b.*?\bNOMOR\s*:?\s*\S+(?:\s+TAHUN\s+20\d\d)?)", re.IGNORECASE
)


def guess_unit(title: str) -> str:
    """ "KPU Kabupaten Brebes" from a title naming "KOMISI PEMILIHAN UMUM KABUPATEN BREBES"."""
    match = _UNIT.search(title)
    if not match:
        return ""
    words: list[str] = []
    for word in match.group(1).split():
        if word.casefold() in _STOP:
            break
        words.append(word)
    region = " ".join(w if w.isupper() and len(w) <= 3 and w != "KAB." else w.capitalize()
                      for w in words)  # fmt: skip
    region = region.replace("Kab. ", "Kabupaten ").replace("Prov. ", "Provinsi ")
    return f"KPU {region}" if len(words) > 1 else ""


def stated_year(title: str) -> int | None:
    """The year a title states as the plan's ("... TAHUN 2023"), or None."""
    stated = _PLAN_YEAR.search(title)
    return int(stated.group(1)) if stated else None


def guess_year(title: str, rows: Sequence[SkRow]) -> int | None:
    """The plan year: "TAHUN 2023" in the title, else the year most targets name."""
    stated = stated_year(title)
    if stated is not None:
        return stated
    counts = Counter(int(y) for r in rows for y in _YEAR.findall(r.target))
    if counts:
        return counts.most_common(1)[0][0]
    found = _YEAR.findall(title)
    return int(found[-1]) if found else None


def guess_legal_basis(title: str) -> str:
    """The decree a title names ("KEPUTUSAN KPU ... NOMOR 12/2023"), as written; or ""."""
    match = _DECREE.search(title)
    return match.group(1).strip() if match else ""

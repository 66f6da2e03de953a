"""Which LKE questions an action's texts most likely support: a small, explainable word scorer.

No model: an action's indicator, step and evidence are cut into normalised words, reduced to
stems by a light Indonesian stemmer, and matched against each question of its area (the question,
its sub-component's name, the bank's `contoh_bukti`). A shared stem scores its rarity in the bank
(inverse document frequency) times the weights of the two texts it joins; the question's sum is
divided by the square root of the number of stems of its own statement (question and
sub-component) so that a long question does not win by length, while its examples only add.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from zi_dash.lke.bank import Row, bank

# Function words of Indonesian (and the plan's own filler) that carry no topic.
STOP_WORDS: frozenset[str] = frozenset(
    """
    yang dan di ke dari untuk dengan pada dalam atau telah sudah terdapat adalah oleh atas
    secara ini itu sebagai juga akan dapat tentang terhadap serta bagi melalui para setiap
    seluruh semua sebagian besar kecil jika belum tidak ya ada apakah masing bentuk hal
    tersebut lain lainnya antara kepada agar maupun namun tetapi saat per tahun kota kabupaten
    provinsi kpu unit kerja instansi organisasi pegawai melakukan dilakukan dilaksanakan nya
    """.split()  # noqa: SIM905 (a word list reads best as text)
)
# Spelling variants and abbreviations the plans use for the bank's own words.
ALIASES: dict[str, str] = {
    "monev": "monitoring evaluasi",
    "ti": "teknologi informasi",
    "it": "teknologi informasi",
    "tik": "teknologi informasi",
    "wbs": "whistle blowing system",
    "spip": "sistem pengendalian intern",
    "spi": "sistem pengendalian intern",
    "internal": "intern",
    "tna": "training need analysis",
    "diklat": "pendidikan pelatihan",
    "bimtek": "pelatihan",
    "zi": "zona integritas",
    "rotasi": "mutasi",
    "resiko": "risiko",
    "survey": "survei",
    "presentase": "persentase",
    "prosentase": "persentase",
    "lakip": "laporan kinerja",
    "lkj": "laporan kinerja",
    "skp": "sasaran kinerja pegawai",
    "iku": "indikator kinerja utama",
    "renstra": "rencana strategis",
    "ppid": "informasi publik",
    "sop": "prosedur operasional",
    "lhkpn": "laporan harta kekayaan",
    "lhkasn": "laporan harta kekayaan",
    "skm": "survei kepuasan masyarakat",
    "ikm": "survei kepuasan masyarakat",
}
# Weights: the LKE question is what a link means; the sub-component names its topic; the examples
# are documents, matched mostly by the action's evidence. Action side: the SK's indicators copy
# the LKE's wording most closely, the step describes the work, the evidence names documents.
QUESTION_WEIGHTS = {"text": 3.0, "sub": 1.5, "examples": 1.0}
ACTION_WEIGHTS = {"indicator": 1.0, "step": 0.7, "evidence": 0.5}
# A suggestion must reach this share of the best score: a weak second match is noise.
KEEP_SHARE = 0.5
_WORD = re.compile(r"[a-z0-9]+")
_VOWEL = "aeiou"


def words(text: str) -> list[str]:
    """Lower-case ASCII words of `text`, aliases expanded, stop words and 1-letter words out."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    out: list[str] = []
    for word in _WORD.findall(plain):
        for part in ALIASES.get(word, word).split():
            if len(part) > 1 and part not in STOP_WORDS and not part.isdigit():
                out.append(part)
    return out


def _suffixless(word: str) -> tuple[str, ...]:
    """The word without the particle -nya, then without -kan or -an (4+ letters left)."""
    if word.endswith("nya") and len(word) >= 7:
        word = word[:-3]
    # ke-…-an and pe-…-an are confixes, ke-…-kan and pe-…-kan are not: kebijakan <- bijak.
    order = ("an", "kan") if word.startswith(("ke", "pe")) else ("kan", "an")
    cut = [word[: -len(s)] for s in order if word.endswith(s) and len(word) - len(s) >= 4]
    return (*cut, word) if cut else (word,)


def _prefixless(word: str) -> tuple[str, ...]:
    """The roots under one prefix: di-, ter-, ber-, ke-, or me-/pe- with its nasal sound undone."""
    for prefix in ("di", "ter", "ber", "ke"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            return (word[len(prefix) :],)
    if not word.startswith(("me", "pe")) or len(word) < 6:
        return (word,)
    rest = word[2:]
    if rest.startswith("ny") and rest[2:3] in _VOWEL:  # menyusun <- susun
        return ("s" + rest[2:],)
    if rest.startswith("ng"):  # mengacu <- acu, pengelolaan <- kelola
        tail = rest[2:]
        return (tail, "k" + tail) if tail[:1] in _VOWEL else (tail,)
    if rest.startswith("n"):  # menetapkan <- tetap, mendukung <- dukung
        tail = rest[1:]
        return ("t" + tail, tail) if tail[:1] in _VOWEL else (tail,)
    if rest.startswith("m"):  # memantau <- pantau, membangun <- bangun
        tail = rest[1:]
        return ("p" + tail, tail) if tail[:1] in _VOWEL else (tail,)
    if rest.startswith(("l", "r", "w", "y")):  # pelatihan <- latih, merencanakan <- rencana
        return (rest,)
    return (word,)


def candidates(word: str) -> tuple[str, ...]:
    """The roots a word may come from, most likely first (suffix, prefix and nasal undone)."""
    out: list[str] = []
    for base in _suffixless(word):
        out += [r for r in _prefixless(base) if r not in out]
    return tuple(out)


@dataclass(frozen=True)
class Index:
    """The bank's questions cut into stems, with each stem's rarity."""

    known: frozenset[str]  # roots the bank spells without an ambiguous nasal prefix
    fields: dict[int, dict[str, frozenset[str]]]  # question row -> field -> its stems
    idf: dict[str, float]
    area: dict[int, str]


def stem(word: str, known: frozenset[str] = frozenset()) -> str:
    """A word's root: the first candidate the bank itself spells, else the first candidate."""
    options = candidates(word)
    return next((o for o in options if o in known), options[0])


def stems(text: str, known: frozenset[str] = frozenset()) -> frozenset[str]:
    """The set of stems of a text."""
    return frozenset(stem(w, known) for w in words(text))


def build_index(rows: Iterable[Row]) -> Index:
    """Index question rows: the known roots first, then each question's fields, then rarity."""
    questions = list(rows)
    texts = {
        q.baris: {"text": q.text, "sub": q.sub_name, "examples": " ".join(q.examples)}
        for q in questions
    }
    plain = [w for t in texts.values() for v in t.values() for w in words(v)]
    known = frozenset(c[0] for w in plain if len(c := candidates(w)) == 1)
    fields = {b: {k: stems(v, known) for k, v in t.items()} for b, t in texts.items()}
    df: dict[str, int] = {}
    for parts in fields.values():
        for s in frozenset().union(*parts.values()):
            df[s] = df.get(s, 0) + 1
    n = len(fields)
    idf = {s: math.log((n + 1) / (d + 0.5)) for s, d in df.items()}
    return Index(known, fields, idf, {q.baris: q.area for q in questions})


@cache
def _index() -> Index:
    return build_index(bank().questions)


def scores(index: Index, area: str, action: dict[str, str]) -> dict[int, float]:
    """Every question of `area` with a positive score for the action's texts."""
    mine = {k: stems(v, index.known) for k, v in action.items()}
    out: dict[int, float] = {}
    for baris, parts in index.fields.items():
        if index.area[baris] != area:
            continue
        total = 0.0
        for s in frozenset().union(*mine.values()):
            side = max((ACTION_WEIGHTS[k] for k, v in mine.items() if s in v), default=0.0)
            bank_side = max((QUESTION_WEIGHTS[k] for k, v in parts.items() if s in v), default=0.0)
            total += index.idf.get(s, 0.0) * side * bank_side
        size = len(parts["text"] | parts["sub"])
        if total > 0 and size:
            out[baris] = total / math.sqrt(size)
    return out


def rank(found: dict[int, float], limit: int) -> tuple[int, ...]:
    """Best first (ties in row order), only those within KEEP_SHARE of the best, at most `limit`."""
    if not found or limit < 1:
        return ()
    best = max(found.values())
    order = sorted(found, key=lambda b: (-found[b], b))
    return tuple(b for b in order if found[b] >= KEEP_SHARE * best)[:limit]


@lru_cache(maxsize=8192)  # plans repeat texts (the SK's per unit), and pages rerun often
def suggest(area: str, indicator: str, step: str, evidence: str, limit: int = 3) -> tuple[int, ...]:
    """The question rows of `area` an action's texts most likely support, best first."""
    action = {"indicator": indicator, "step": step, "evidence": evidence}
    return rank(scores(_index(), area, action), limit)

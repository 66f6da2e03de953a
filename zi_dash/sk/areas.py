"""Telling an action's ZI area (and its LKE question rows) from what real plans write.

Plans grouped by the LKE, not by the SK, say the area by an LKE code ("A.1.I.i." = Pengungkit,
Pemenuhan, area I, sub-component i), a `pilar` column ("1. Manajemen Perubahan"), or the LKE
question text itself; an `area` column may mean the LKE's part ("I. Pemenuhan", "II. Reform"),
not the ZI area. Nothing is guessed: a code or a text the bank does not hold gives no area.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Final

from zi_dash.base import AREA_CODES, fold, tidy
from zi_dash.lke import bank
from zi_dash.sk.words import LKE_CODE, LKE_LETTER, PILAR, area_code, letters

_PARTS: Final = {"1": "Pemenuhan", "2": "Reform"}
# [A.][1.]I.[i.][a.]: Pengungkit, the part, the area, the sub-component, the question.
_CODE: Final = re.compile(
    r"^(?:[A-C]\s*\.\s*)?(?:([12])\s*\.\s*)?([IVX]{1,3}|[1-6])\s*(?:\.\s*([ivx]{1,4}))?"
    r"\s*(?:\.\s*([a-z]))?\s*\.?$"
)
_LETTER_PREFIX: Final = re.compile(r"^\(?[a-z]\s*[.)]\s+", re.IGNORECASE)
_SECTIONS: Final = frozenset({"pemenuhan", "reform", "hasil", "pengungkit"})


@dataclass(frozen=True)
class Place:
    """Where an action sits in the LKE: its ZI area, question rows (maybe none), sub-component."""

    area: str
    rows: tuple[int, ...] = ()
    component: str = ""  # "3. Pemantauan dan Evaluasi ...": numbered within its area


def _roman(text: str) -> int:
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    for i, ch in enumerate(text):
        value = values[ch]
        total += -value if i + 1 < len(text) and values[text[i + 1]] > value else value
    return total


def pilar_area(text: object) -> str | None:
    """The ZI area a `pilar` cell names: "1", "I", "1. Manajemen Perubahan" or the area's name."""
    clean = tidy(text).rstrip(".")
    if clean.isdigit() and 1 <= int(clean) <= len(AREA_CODES):
        return AREA_CODES[int(clean) - 1]
    return area_code(clean)


def is_section(text: object) -> bool:
    """Whether an `area` cell names the LKE's part ("I. Pemenuhan", "II. Reform"), no ZI area."""
    clean = re.sub(r"^\s*(?:[ivx]+|[a-c]|\d)\s*[.)]?\s*", "", fold(tidy(text)))
    return letters(clean) in _SECTIONS


def code_place(code: object, question: object = "") -> Place | None:
    """The area and question rows of an LKE code ("A.1.I.i.", "1.a"); None when it is none.

    `question` is a separate question-letter cell ("a"), as database exports keep it.
    """
    match = _CODE.match(tidy(code))
    if not match:
        return None
    part, area_text, sub_text, letter = match.groups()
    area = AREA_CODES[int(area_text) - 1] if area_text.isdigit() else area_text
    if area not in AREA_CODES:
        return None
    letter = letter or (tidy(question).rstrip(".").casefold() or None)
    if part is None or sub_text is None:
        return Place(area)
    subs = [s for s in bank().subcomponents if s.part == _PARTS[part] and s.area == area]
    index = _roman(sub_text)
    if not 1 <= index <= len(subs):
        return Place(area)
    sub = subs[index - 1]
    # Numbered among the area's sub-components, Pemenuhan then Reform: A.2.I.i. is not A.1.I.i.
    number = [s.baris for s in bank().subcomponents if s.area == area].index(sub.baris) + 1
    component = f"{number}. {sub.sub_name}"
    questions = bank().questions_of(sub.baris)
    if letter is None:
        return Place(area, tuple(q.baris for q in questions), component)
    found = tuple(q.baris for q in questions if q.letter == letter)
    if not found and len(questions) == 1 and letter == "a":
        found = (questions[0].baris,)  # a sub-component of one question has no letter "a."
    return Place(area, found, component)


def _key(text: object) -> str:
    return fold(_LETTER_PREFIX.sub("", tidy(text))).rstrip(" .")


@cache
def _by_text() -> dict[str, Place | None]:
    table: dict[str, Place | None] = {}
    for q in bank().questions:
        key = _key(q.text)
        # A text two questions share names neither: refused rather than guessed.
        table[key] = None if key in table else Place(q.area, (q.baris,))
    return table


def question_place(text: object) -> Place | None:
    """The LKE question a text is (exact, spaces, capitals and an "a." aside); None otherwise."""
    key = _key(text)
    return _by_text().get(key) if key else None


def row_place(cells: Mapping[str, str], indicator: str) -> Place | None:
    """Where a row's `pilar`, LKE code or indicator (as an LKE question text) place it."""
    code = code_place(cells.get(LKE_CODE, ""), cells.get(LKE_LETTER, ""))
    question = question_place(indicator)
    pilar = pilar_area(cells.get(PILAR, ""))
    place = code if code and code.rows else question or code
    if place and code and not place.component and place.area == code.area:
        place = dataclasses.replace(place, component=code.component)  # the code names it
    if pilar and (place is None or place.area != pilar):
        return Place(pilar)  # the pilar says the area; rows of another area are not its own
    return place

"""A unit's answer to one LKE row, read strictly: a value, its canonical text, or why not."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from zi_dash.lke.bank import AnswerType, Row, RowKind

_WHOLE = re.compile(r"[0-9]+")
_DECIMAL = re.compile(r"[0-9]+[.,][0-9]+")
_GROUPED = re.compile(r"[0-9]{1,3}([.,][0-9]{3})+")  # "1.000": a thousand or one?
_NEGATIVE = re.compile(r"-\s*[0-9]+([.,][0-9]+)?")
_LETTER = re.compile(r"([A-Za-z])\.?")


@dataclass(frozen=True)
class Parsed:
    """One read answer: value (None when blank or refused), canonical text, problem if any."""

    value: float | None
    shown: str
    problem: str | None


_BLANK = Parsed(None, "", None)


def _number_text(value: float) -> str:
    # repr is the shortest text that reads back as the same float: nothing rounded
    text = repr(float(value))
    if "e" in text or "E" in text:
        text = f"{Decimal(text):f}"
    if text.endswith(".0"):
        text = text[:-2]
    return text.replace(".", ",")


def _or_list(items: tuple[str, ...]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} atau {items[-1]}"


def _rows_text(rows: tuple[int, ...]) -> str:
    names = [f"[{n}]" for n in sorted(rows)]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} dan {names[-1]}"


def allowed_text(row: Row) -> str:
    """What the row's Jawaban cell accepts, in Indonesian."""
    kind = row.type
    if kind is None:
        return "tidak diisi (baris subkomponen)"
    if kind.choices:
        return _or_list(kind.choices)
    if kind is AnswerType.ANGKA:
        return "bilangan bulat 0 atau lebih"
    if kind is AnswerType.NILAI_0_4:
        return "nilai 0 sampai 4"
    return f"tidak diisi (dihitung dari baris Jumlah {_rows_text(row.inputs)})"


def _typed(raw: object) -> str:
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and math.isfinite(raw):
        return _number_text(raw)
    return str(raw)


def _refuse(raw: object, row: Row, why: str = "tidak dikenali") -> Parsed:
    return Parsed(None, "", f'Jawaban "{_typed(raw)}" {why}; yang boleh: {allowed_text(row)}.')


def _is_blank(raw: object) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    return isinstance(raw, float) and math.isnan(raw)


def _choice(row: Row, kind: AnswerType, raw: object) -> Parsed:
    if not isinstance(raw, str):
        return _refuse(raw, row)
    text = raw.strip()
    if kind is AnswerType.YA_TIDAK:
        for choice in kind.choices:
            if text.casefold() == choice.casefold():
                return Parsed(kind.values[choice], choice, None)
        return _refuse(raw, row)
    found = _LETTER.fullmatch(text)
    letter = found.group(1).upper() if found else ""
    if letter not in kind.values:
        return _refuse(raw, row)
    return Parsed(kind.values[letter], letter, None)


def _count(row: Row, raw: object) -> Parsed:
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if not math.isfinite(raw):
            return _refuse(raw, row)
        if raw < 0:
            return _refuse(raw, row, "negatif")
        if raw != int(raw):
            return _refuse(raw, row, "bukan bilangan bulat")
        return Parsed(float(raw), str(int(raw)), None)
    if not isinstance(raw, str):
        return _refuse(raw, row)
    text = raw.strip()
    if _WHOLE.fullmatch(text):
        return Parsed(float(int(text)), str(int(text)), None)
    if _NEGATIVE.fullmatch(text):
        return _refuse(raw, row, "negatif")
    if _GROUPED.fullmatch(text):
        return _refuse(raw, row, "meragukan (ribuan atau desimal?)")
    if _DECIMAL.fullmatch(text):
        return _refuse(raw, row, "bukan bilangan bulat")
    return _refuse(raw, row)


def _survey(row: Row, raw: object) -> Parsed:
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        value = float(raw)
    elif isinstance(raw, str) and (
        _WHOLE.fullmatch(raw.strip()) or _DECIMAL.fullmatch(raw.strip())
    ):
        value = float(raw.strip().replace(",", "."))
    else:
        return _refuse(raw, row)
    if not 0 <= value <= 4:  # also refuses inf; NaN never gets here (blank)
        return _refuse(raw, row, "di luar rentang")
    return Parsed(value, _number_text(value), None)


def parse_answer(row: Row, raw: object) -> Parsed:
    """Read one Jawaban cell of a row; never coerced: what is not allowed is a problem."""
    if _is_blank(raw):
        return _BLANK
    kind = row.type
    if kind is None or row.kind is RowKind.SUB:
        return _refuse(raw, row, "tidak dipakai")
    if kind.choices:
        return _choice(row, kind, raw)
    if kind is AnswerType.ANGKA:
        return _count(row, raw)
    if kind is AnswerType.NILAI_0_4:
        return _survey(row, raw)
    return _refuse(raw, row, "tidak dipakai")

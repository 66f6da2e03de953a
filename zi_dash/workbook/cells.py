"""Turning what Excel users put in a cell into a typed value, or an Indonesian reason why not.

Used by the loader for every cell it reads and by the save path for every value it writes,
so the two always agree on what is valid.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Final

from zi_dash.base import Kind, email_problem, fold, phone_problem
from zi_dash.base import contract as c
from zi_dash.schedule import parse_target

CellValue = str | int | float | date | datetime | None

_EXCEL_EPOCH: Final = date(1899, 12, 30)
# Serial numbers from 1 Jan 1950 to 31 Dec 2100: a bare number outside is not a plan date.
_SERIAL_RANGE: Final = (18264, 73415)
_ISO_DATE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]00:00(?::00(?:\.0+)?)?)?$")
_NUMBER: Final = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
# One to three digits, then groups of exactly three: "1.000", "12,500", "1.000.000".
_GROUPED: Final = re.compile(r"^[+-]?[1-9]\d{0,2}(?:([.,])\d{3})(?:\1\d{3})*$")
_DATETIME_TEXT: Final = re.compile(
    r"^(?P<date>.+?)(?:[ T](?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.](?P<s>\d{2}))?)?$"
)


class CellError(ValueError):
    """A cell value that cannot be accepted; the message is Indonesian and user-facing."""


def is_blank(value: object) -> bool:
    """True for an empty cell (None, '' or spaces, NaN)."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return isinstance(value, str) and not value.strip()


def plain(value: object) -> CellValue:
    """A pandas/numpy value as a plain cell value: NaN and NaT become None, numpy scalars Python."""
    if value is None:
        return None
    if value.__class__.__name__ in ("NaTType", "NAType"):
        return None
    item = getattr(value, "item", None)
    if callable(item) and value.__class__.__module__ == "numpy":
        value = item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if value.__class__.__name__ == "Timestamp":
        return value.to_pydatetime()  # type: ignore[attr-defined]
    return value  # type: ignore[return-value]


def as_text(value: CellValue) -> str:
    """Any cell as text: integral floats lose their '.0', dates print as dd/mm/yyyy."""
    if type(value) is str:  # most cells: what the checks below would make of it, sooner
        return value.strip()
    if is_blank(value):
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def as_number(value: CellValue) -> float | None:
    """A number, also from text like '50', '50,5' or '50%'; None when blank."""
    if is_blank(value):
        return None
    if isinstance(value, (bool, date, datetime)):
        raise CellError(f"{as_text(value)!r} bukan angka")
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip().removesuffix("%").strip()
    if _GROUPED.match(text):
        # "1.000" is a thousand in Indonesian and one in English: never guess which.
        raise CellError(
            f"{value!r} memakai pemisah ribuan atau desimal yang meragukan: tulis angkanya "
            "tanpa pemisah ribuan (1000) atau dengan koma desimal (1,5)"
        )
    if not _NUMBER.match(text):
        raise CellError(f"{value!r} bukan angka")
    return float(text.replace(",", "."))


def as_int(value: CellValue) -> int | None:
    """A whole number, also from text; None when blank."""
    number = as_number(value)
    if number is None:
        return None
    if not number.is_integer():
        raise CellError(f"{as_text(value)!r} bukan bilangan bulat")
    return int(number)


def as_percent(value: CellValue) -> float:
    """Progress 0–100; a blank cell is 0."""
    number = as_number(value)
    if number is None:
        return 0.0
    if not 0 <= number <= 100:
        raise CellError(f"nilai {as_text(value)} di luar rentang 0–100")
    return number


def _date_from_text(text: str) -> date:
    # The target-time parser knows every Indonesian date spelling.
    target = parse_target(text)
    if target.recognized and len(target.intervals) == 1:
        start, end = target.intervals[0]
        if start == end:
            return start
    raise CellError(f"{text!r} bukan tanggal (contoh: 15/04/2022)")


def _serial_date(value: float) -> date:
    if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
        return _EXCEL_EPOCH + timedelta(days=int(value))
    raise CellError(f"{as_text(value)!r} bukan tanggal (contoh: 15/04/2022)")


def as_date(value: CellValue) -> date | None:
    """A date from an Excel date, a serial number or text like '15/04/2022' or '15 April 2022'."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time):
        raise CellError(f"{value} adalah jam, bukan tanggal")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _serial_date(value)
    text = str(value).strip()
    if _ISO_DATE.match(text):  # what the dashboard's date pickers send
        try:
            return date.fromisoformat(text[:10])
        except ValueError as exc:
            raise CellError(f"{text!r} bukan tanggal yang ada") from exc
    return _date_from_text(text)


def as_datetime(value: CellValue) -> datetime | None:
    """A timestamp from an Excel date-time, a serial number or text like '15/04/2022 10:30'."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        day = _serial_date(value)
        return datetime.combine(day, time()) + timedelta(days=float(value) % 1)
    # Alt+Enter between the date and the time is a line break: read it as the space it shows.
    text = " ".join(str(value).split())
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    match = _DATETIME_TEXT.match(text)
    if match is None:
        raise CellError(f"{text!r} bukan tanggal dan jam (contoh: 15/04/2022 10:30)")
    day = _date_from_text(match.group("date"))
    if match.group("h") is None:
        return datetime.combine(day, time())
    try:
        clock = time(int(match.group("h")), int(match.group("m")), int(match.group("s") or 0))
    except ValueError as exc:
        raise CellError(f"{text!r} bukan tanggal dan jam") from exc
    return datetime.combine(day, clock)


def choice(value: CellValue, allowed: tuple[str, ...], default: str) -> str:
    """One of `allowed`, matched ignoring case and stray spaces; blank gives `default`."""
    if is_blank(value):
        return default
    key = fold(as_text(value))
    for option in allowed:
        if fold(option) == key:
            return option
    raise CellError(f"{as_text(value)!r} tidak ada dalam pilihan: {', '.join(allowed)}")


def as_answer(value: CellValue) -> str | float | None:
    """An LKE answer as typed: a number stays a number, text is stripped, blank is None."""
    # Whether it fits its row (D for an A/B/C question) is zi_dash.lke's check, not the reader's:
    # a wrong answer is listed and scores as unanswered, it never stops the workbook loading.
    if is_blank(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return as_text(value)


def _number_or_text(text: str) -> float | str:
    """Text that reads as a number ("12", "3,6") as the number, else the text itself."""
    try:
        number = as_number(text)
    except CellError:
        return text
    return text if number is None else number


def answer_key(value: object) -> float | str | None:
    """What an LKE answer means without its row: 3, "3" and "3,0" alike; "b" and "B" alike.

    Canonical letters and Ya/Tidak are zi_dash.lke's (parse_answer's `shown`), which ignore
    case; a number typed as text is the number. Anything else compares as folded text.
    """
    value = as_answer(plain(value))  # type: ignore[arg-type]
    if isinstance(value, str):
        value = _number_or_text(value)
    return fold(value) if isinstance(value, str) else value


def as_area(value: CellValue) -> str:
    """An area code I–VI."""
    text = as_text(value).upper()
    if text.startswith("AREA "):
        text = text[5:].strip()
    if text not in c.AREA_CODES:
        raise CellError(f"{as_text(value)!r} bukan kode area ({', '.join(c.AREA_CODES)})")
    return text


def as_phone(value: CellValue) -> str:
    """A WA number, kept exactly as typed (text); refused when it is not a phone number."""
    text = as_text(value)
    problem = phone_problem(text)
    if problem:
        raise CellError(problem)
    return text


def as_email(value: CellValue) -> str:
    """An e-mail address as typed; refused when it cannot be one."""
    text = as_text(value)
    problem = email_problem(text)
    if problem:
        raise CellError(problem)
    return text


READERS: Final[dict[Kind, Callable[[CellValue], object]]] = {
    Kind.TEXT: as_text,
    Kind.INT: as_int,
    Kind.NUMBER: as_number,
    Kind.PERCENT: as_percent,
    Kind.DATE: as_date,
    Kind.DATETIME: as_datetime,
    Kind.AREA: as_area,
    Kind.STATUS: lambda v: choice(v, c.ACTION_STATUSES, c.Status.NOT_STARTED),
    Kind.EVIDENCE_STATUS: lambda v: choice(v, c.EVIDENCE_STATUSES, c.EvidenceStatus.MISSING),
    Kind.REVIEW_STATUS: lambda v: choice(v, c.REVIEW_STATUSES, c.ReviewStatus.NOT_REVIEWED),
    Kind.ANSWER: as_answer,
    Kind.PHONE: as_phone,
    Kind.EMAIL: as_email,
}


def read_cell(kind: Kind, value: CellValue) -> object:
    """The typed value of a cell of this kind; raises CellError with an Indonesian reason."""
    return READERS[kind](value)


def read_logged(kind: Kind, text: CellValue) -> object:
    """A Riwayat text read back as the cell it logged: an LKE answer "12" is the number 12."""
    value = read_cell(kind, text)
    if kind is Kind.ANSWER and isinstance(value, str):
        return _number_or_text(value)
    return value


# A contact's number or address only passes through the dashboard to WhatsApp or e-mail: a typo
# typed there in Excel must not close every page, so the workbook loads it as typed and the
# Pengingat page and `remind` name it (analysis.contacts.Contact.problem). A save through the
# dashboard still refuses it (read_cell).
_LOADED_AS_TYPED: Final = frozenset({Kind.PHONE, Kind.EMAIL})


def reader(kind: Kind) -> Callable[[CellValue], object]:
    """How the workbook loads a cell of this kind, looked up once (for a loop over many cells)."""
    return as_text if kind in _LOADED_AS_TYPED else READERS[kind]


def same(kind: Kind, a: object, b: object) -> bool:
    """True when two values mean the same cell of this kind ('50' and 50.0; a date and its text).

    An unreadable value equals nothing, so a change to or from it is never dropped as a no-op.
    """
    if kind is Kind.ANSWER:
        return answer_key(a) == answer_key(b)
    if kind in _LOADED_AS_TYPED:  # kept as typed, valid or not: the same text is the same cell
        return as_text(plain(a)) == as_text(plain(b))  # type: ignore[arg-type]
    try:
        return read_cell(kind, plain(a)) == read_cell(kind, plain(b))  # type: ignore[arg-type]
    except CellError:
        return False

"""Read the plan's free-text "Target Waktu" into date intervals, and format them in Indonesian.

The rules are strict on purpose: a text is either understood completely or not at all
(`recognized=False`, no intervals, a short reason in `problem`). Nothing is guessed.
"""

from __future__ import annotations

import calendar
import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from zi_dash.base import MONTHS_ID, format_date
from zi_dash.schedule.grammar import Parser
from zi_dash.schedule.tokens import (
    LAST_WEEK,
    BlockNode,
    DayNode,
    Item,
    MonthNode,
    Period,
    RangeNode,
    RecurNode,
    TargetTextError,
    WeekSpec,
    YearNode,
    tokenize,
)

__all__ = [
    "Target",
    "effective_target",
    "format_interval",
    "format_intervals",
    "parse_target",
]

Interval = tuple[date, date]

UNREAD = "Tidak terbaca"
# An action whose plan gives no target text: listed as such, never a reading error or a guess.
NO_TARGET = "belum ada target waktu"
MANUAL = " (tanggal diisi manual)"
_MIN_YEAR, _MAX_YEAR = 1900, 2100
# Months a recurrence lands on: a quarterly task is due in the quarter's last month.
_RECUR_MONTHS = {"month": range(1, 13), "quarter": (3, 6, 9, 12), "semester": (6, 12)}


@dataclass(frozen=True)
class Target:
    """A target period read from the plan's text (treat `intervals` as read-only)."""

    text: str
    intervals: list[Interval] = field(hash=False)
    recognized: bool
    reading: str
    problem: str = ""

    @property
    def start(self) -> date | None:
        """Start of the first interval."""
        return self.intervals[0][0] if self.intervals else None

    @property
    def due(self) -> date | None:
        """End of the last interval."""
        return self.intervals[-1][1] if self.intervals else None


# --- formatting ------------------------------------------------------------------------------


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def format_interval(start: date, end: date) -> str:
    """Indonesian reading of one inclusive interval, e.g. "15–21 April 2022" or "Juni 2022"."""
    if start == end:
        return format_date(start)
    m1, m2 = MONTHS_ID[start.month - 1], MONTHS_ID[end.month - 1]
    whole = start.day == 1 and end == _month_end(end.year, end.month)
    if start.year != end.year:
        if whole:
            return f"{m1} {start.year} – {m2} {end.year}"
        return f"{format_date(start)} – {format_date(end)}"
    if start.month == end.month:
        return f"{m1} {end.year}" if whole else f"{start.day}–{end.day} {m1} {end.year}"
    if whole:
        return f"{m1}–{m2} {end.year}"
    return f"{start.day} {m1} – {end.day} {m2} {end.year}"


def _single_month(iv: Interval) -> bool:
    start, end = iv
    return start.day == 1 and start.month == end.month and end == _month_end(end.year, end.month)


def _month_group(months: list[int], year: int) -> str:
    names = [MONTHS_ID[m - 1] for m in months]
    if len(months) >= 3 and months == list(range(months[0], months[0] + len(months))):
        # A dozen separate months reads better as a recurrence than as a dozen names.
        return f"tiap bulan {names[0]}–{names[-1]} {year}"
    return f"{', '.join(names)} {year}"


def format_intervals(intervals: Sequence[Interval]) -> str:
    """Reading of sorted intervals joined by "; ", grouping whole months of one year."""
    parts: list[str] = []
    i = 0
    while i < len(intervals):
        if not _single_month(intervals[i]):
            parts.append(format_interval(*intervals[i]))
            i += 1
            continue
        year = intervals[i][0].year
        months = [intervals[i][0].month]
        i += 1
        while i < len(intervals) and _single_month(intervals[i]) and intervals[i][0].year == year:
            months.append(intervals[i][0].month)
            i += 1
        parts.append(_month_group(months, year))
    return "; ".join(parts)


# --- year resolution -------------------------------------------------------------------------


def _points(item: Item) -> list[Period]:
    if isinstance(item, RangeNode):
        return [item.left, item.right]
    if isinstance(item, RecurNode):
        return [] if item.anchored else _points(item.scope)
    return [item]


def _fill_day_months(points: list[Period]) -> None:
    # "1-15 April", "1, 15 April": a bare day borrows the month of the date to its right.
    for i in range(len(points) - 1, -1, -1):
        p = points[i]
        if isinstance(p, DayNode) and p.month is None:
            nxt = points[i + 1] if i + 1 < len(points) else None
            if not isinstance(nxt, DayNode) or nxt.month is None:
                raise TargetTextError(f'angka "{p.raw}" tanpa bulan')
            p.month = nxt.month


def _resolve_years(items: list[Item], default_year: int | None) -> None:
    points = [p for item in items for p in _points(item)]
    _fill_day_months(points)
    fixed = [i for i, p in enumerate(points) if p.year is not None]
    if len(items) > 1:
        for item in items:
            if isinstance(item, YearNode) and item.year is not None and len(fixed) < len(points):
                # "April minggu ke 2, 2022" might mean April 2022 or April plus the whole year.
                raise TargetTextError(f"letak tahun {item.year} tidak jelas")
    if not fixed:
        if default_year is None:
            raise TargetTextError("tahun tidak disebut")
        points[0].year, fixed = default_year, [0]
    last = fixed[-1]
    # Left of the last explicit year: each item takes its right neighbour's year, minus one
    # when its month is later ("Oktober, November, Januari 2023" -> Okt/Nov 2022).
    for i in range(last - 1, -1, -1):
        right = points[i + 1]
        if points[i].year is None and right.year is not None:
            later = points[i].key() > right.key()
            points[i].year = right.year - 1 if later else right.year
    # Right of it: chain forward ("Desember 2022 sampai Januari" -> Januari 2023).
    for i in range(last + 1, len(points)):
        left_year = points[i - 1].year
        if left_year is not None:
            earlier = points[i].key() < points[i - 1].key()
            points[i].year = left_year + 1 if earlier else left_year
    for p in points:
        if p.year is None or not _MIN_YEAR <= p.year <= _MAX_YEAR:
            raise TargetTextError(f"tahun {p.year} di luar jangkauan")


# --- expansion to intervals ------------------------------------------------------------------


def _weeks(year: int, month: int, specs: Iterable[WeekSpec], skip_missing: bool) -> list[Interval]:
    month_end = _month_end(year, month)
    last = 5 if month_end.day >= 29 else 4
    numbers: set[int] = set()
    for lo, hi in specs:
        lo, hi = (last if n == LAST_WEEK else n for n in (lo, hi))
        if lo > hi:
            raise TargetTextError(f"rentang minggu ke-{lo} sampai ke-{hi} terbalik")
        for n in range(lo, hi + 1):
            if n > last:
                if skip_missing:
                    continue  # inside a recurrence a short month simply has no week 5
                raise TargetTextError(f"minggu ke-5 tidak ada di {MONTHS_ID[month - 1]} {year}")
            numbers.add(n)
    out: list[Interval] = []
    for n in sorted(numbers):
        start = date(year, month, 7 * (n - 1) + 1)
        end = month_end if n == 5 else date(year, month, 7 * n)
        if out and out[-1][1] + timedelta(days=1) == start:
            out[-1] = (out[-1][0], end)  # touching weeks of one month form one interval
        else:
            out.append((start, end))
    return out


def _period(p: Period) -> list[Interval]:
    assert p.year is not None  # years are resolved before expansion
    if isinstance(p, DayNode):
        assert p.month is not None
        try:
            day = date(p.year, p.month, p.day)
        except ValueError:
            raise TargetTextError(
                f"tanggal {p.day} {MONTHS_ID[p.month - 1]} {p.year} tidak ada"
            ) from None
        return [(day, day)]
    if isinstance(p, MonthNode):
        if p.weeks is None:
            return [(date(p.year, p.month, 1), _month_end(p.year, p.month))]
        return _weeks(p.year, p.month, p.weeks, skip_missing=False)
    if isinstance(p, BlockNode):
        first = (p.index - 1) * p.size + 1
        return [(date(p.year, first, 1), _month_end(p.year, first + p.size - 1))]
    return [(date(p.year, 1, 1), date(p.year, 12, 31))]


def _span(node: Period | RangeNode) -> list[Interval]:
    if isinstance(node, Period):
        return _period(node)
    left, right = _period(node.left), _period(node.right)
    start, end = left[0][0], right[-1][1]
    if start > end:
        raise TargetTextError(
            f"akhir rentang ({format_interval(right[0][0], end)}) "
            f"sebelum awalnya ({format_interval(start, left[-1][1])})"
        )
    return [(start, end)]


def _unit_intervals(r: RecurNode, year: int, months: Iterable[int]) -> list[Interval]:
    out: list[Interval] = []
    for m in months:
        if r.weeks is None:
            out.append((date(year, m, 1), _month_end(year, m)))
        else:
            out.extend(_weeks(year, m, r.weeks, skip_missing=True))
    return out


def _recurrence(r: RecurNode, previous: list[Interval]) -> list[Interval]:
    if r.anchored:
        anchor = max(end for _, end in previous)
        if r.unit == "year":
            raise TargetTextError("setiap tahun sesudah tanggal lain tidak jelas")
        if r.unit == "continuous":
            nxt = anchor + timedelta(days=1)
            out = [(nxt, date(anchor.year, 12, 31))] if nxt.year == anchor.year else []
        else:
            # After the anchor, the same months an unanchored recurrence lands on: a quarterly
            # evaluation after April is in June, September and December (as the SK writes it).
            months = [m for m in _RECUR_MONTHS[r.unit] if m > anchor.month]
            out = _unit_intervals(r, anchor.year, months)
    else:
        scope = _span(r.scope)
        out = []
        for year in range(scope[0][0].year, scope[-1][1].year + 1):
            if r.unit == "continuous":
                base = scope
            elif r.unit == "year":
                base = [(date(year, 1, 1), date(year, 12, 31))]
            else:
                base = _unit_intervals(r, year, _RECUR_MONTHS[r.unit])
            for b_start, b_end in base:
                for s_start, s_end in scope:
                    start, end = max(b_start, s_start), min(b_end, s_end)
                    if start <= end and (start, end) not in out:
                        out.append((start, end))
    if not out:
        raise TargetTextError("pengulangan tidak menghasilkan tanggal")
    return out


def _merge(intervals: list[Interval]) -> list[Interval]:
    # Only overlaps merge: months that merely touch stay apart so a recurrence stays visible.
    out: list[Interval] = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


# --- public API ------------------------------------------------------------------------------


def _read(text: str, year: int | None) -> list[Interval]:
    if not text.strip():
        raise TargetTextError("kosong")
    toks = tokenize(text)
    if not toks:
        raise TargetTextError("tidak ada bulan, tanggal atau tahun")
    items = Parser(toks).parse()
    for i, item in enumerate(items):
        if isinstance(item, RecurNode) and item.implicit_scope and i > 0:
            # "April 2022, tiap triwulan": repeat after the anchor, within its year.
            item.anchored = not isinstance(items[i - 1], RecurNode)
    _resolve_years(items, year)
    found: list[Interval] = []
    previous: list[Interval] = []
    for item in items:
        previous = _recurrence(item, previous) if isinstance(item, RecurNode) else _span(item)
        found.extend(previous)
    return _merge(found)


@functools.lru_cache(maxsize=4096)
def _parse_cached(text: str, year: int | None) -> tuple[tuple[Interval, ...], str, str]:
    try:
        intervals = _read(text, year)
    except TargetTextError as fail:  # the only failure the grammar means: a bug must surface
        return (), UNREAD, fail.problem
    return tuple(intervals), format_intervals(intervals), ""


def _clean_text(text: object) -> str:
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""  # pandas hands over empty cells as NaN
    return text if isinstance(text, str) else str(text)


def _clean_year(year: object) -> int | None:
    if isinstance(year, bool) or not isinstance(year, int | float):
        return None
    return int(year) if isinstance(year, int) or year.is_integer() else None


def parse_target(text: str | None, year: int | None = None) -> Target:
    """Read a target text; `year` fills in when the text names no year. Never raises."""
    clean = _clean_text(text)
    intervals, reading, problem = _parse_cached(clean, _clean_year(year))
    return Target(clean, list(intervals), not problem, reading, problem)


def _as_date(value: object) -> date | None:
    if value is None or value != value:  # NaT/NaN are not equal to themselves
        return None
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def effective_target(
    text: str | None, start: date | None, end: date | None, year: int | None = None
) -> Target:
    """Apply the workbook's manual Mulai/Selesai dates on top of the parsed text."""
    first, last = _as_date(start), _as_date(end)
    if first is None and last is None:
        return parse_target(text, year)
    clean = _clean_text(text)
    if first is not None and last is not None:
        if first > last:
            return Target(clean, [], False, UNREAD, "Mulai sesudah Selesai")
    else:
        parsed = parse_target(text, year)
        if last is not None:
            ok = parsed.start is not None and parsed.start <= last
            first = parsed.start if ok and parsed.start else last
        elif first is not None:
            ok = parsed.due is not None and parsed.due >= first
            last = parsed.due if ok and parsed.due else first
    assert first is not None and last is not None
    return Target(clean, [(first, last)], True, format_interval(first, last) + MANUAL)

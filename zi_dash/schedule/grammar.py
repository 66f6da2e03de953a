"""Recursive-descent parser for free-text target periods (see zi_dash.schedule)."""

from __future__ import annotations

from typing import NoReturn

from zi_dash.base import MONTHS_ID
from zi_dash.schedule.tokens import (
    LAST_WEEK,
    RECUR_UNITS,
    BlockNode,
    DayNode,
    Item,
    MonthNode,
    Period,
    RangeNode,
    RecurNode,
    TargetTextError,
    Tok,
    WeekSpec,
    YearNode,
)

# --- parser ----------------------------------------------------------------------------------


def _misplaced(tok: Tok) -> TargetTextError:
    what = "kata" if tok.raw.isalpha() else "angka" if tok.raw.isdigit() else "tanda"
    return TargetTextError(f'{what} "{tok.raw}" tidak dipahami di sini')


def _week_label(n: int) -> str:
    return "minggu terakhir" if n == LAST_WEEK else f"minggu ke-{n}"


class Parser:
    """list := item (SEP item)*; item := recurrence | period [RANGE period]."""

    def __init__(self, toks: list[Tok]) -> None:
        self.toks = toks
        self.pos = 0
        # Size of the quarter/semester just read, so "TW I dan III" can omit the second "TW".
        self.block: int | None = None

    def peek(self, k: int = 0) -> Tok | None:
        """Token k places ahead, or None at the end."""
        i = self.pos + k
        return self.toks[i] if i < len(self.toks) else None

    def kind(self, k: int = 0) -> str:
        """Kind of the token k places ahead ("END" past the end)."""
        tok = self.peek(k)
        return tok.kind if tok else "END"

    def take(self) -> Tok:
        """Consume one token."""
        tok = self.peek()
        if tok is None:
            raise TargetTextError("teks berhenti di tengah: ada bagian yang belum lengkap")
        self.pos += 1
        return tok

    def fail_here(self) -> NoReturn:
        """Raise a problem about the current token."""
        tok = self.peek()
        if tok is None:
            raise TargetTextError("teks berhenti di tengah: ada bagian yang belum lengkap")
        raise _misplaced(tok)

    def parse(self) -> list[Item]:
        """Parse the whole token list."""
        items = [self.item()]
        while self.kind() == "SEP":
            self.take()
            items.append(self.item())
        if self.peek() is not None:
            self.fail_here()
        return items

    def item(self) -> Item:
        """item := recurrence | period [RANGE period]."""
        if self.kind() in ("EVERY", "RECUR"):
            return self.recurrence()
        return self.span()

    def span(self) -> Period | RangeNode:
        """period [RANGE period]."""
        left = self.period()
        if self.kind() != "RANGE":
            return left
        self.take()
        return RangeNode(left, self.period())

    def recurrence(self) -> RecurNode:
        """EVERY unit [weeks] [scope]."""
        tok = self.take()
        weeks: tuple[WeekSpec, ...] | None = None
        if tok.kind == "RECUR":
            unit = RECUR_UNITS[tok.value]
        else:
            unit_tok = self.peek()
            kind = unit_tok.kind if unit_tok else "END"
            if kind not in ("BULAN", "BLOCK", "TAHUN", "HARI", "WEEK"):
                raise TargetTextError(
                    f'kata "{tok.raw}" harus diikuti bulan, triwulan, semester atau tahun'
                )
            self.take()
            if kind == "BLOCK":
                unit = "quarter" if unit_tok and unit_tok.value == 3 else "semester"
            elif kind == "WEEK" and self.kind() in ("KE", "NUM", "ROMAN", "ORD", "LAST"):
                # "setiap minggu ke-2" can only mean week 2 of every month.
                unit, weeks = "month", self.week_specs(month_known=True)
            else:
                unit = {"BULAN": "month", "TAHUN": "year"}.get(kind, "continuous")
        if weeks is None and self.kind() == "WEEK":
            if unit not in ("month", "quarter", "semester"):
                raise TargetTextError(
                    "minggu ke-… hanya bisa dipakai dengan setiap bulan/triwulan/semester"
                )
            self.take()
            weeks = self.week_specs(month_known=True)
        if self.kind() in ("END", "SEP"):
            return RecurNode(unit, weeks, YearNode(), implicit_scope=True)
        if self.kind() in ("EVERY", "RECUR"):
            self.fail_here()
        return RecurNode(unit, weeks, self.span(), implicit_scope=False)

    def period(self) -> Period:
        """One dated thing: a date, a month (with weeks), a quarter/semester or a year."""
        tok = self.peek()
        if tok is None:
            self.fail_here()
        block, self.block = self.block, None
        if tok.kind == "DATE" and tok.ymd:
            self.take()
            y, m, d = tok.ymd
            if not 1 <= m <= 12:
                raise TargetTextError(f'tanggal "{tok.raw}" tidak ada')
            return DayNode(year=y, day=d, month=m, raw=tok.raw)
        if tok.kind == "NUM":
            if block and self.kind(1) not in ("MONTH", "RANGE"):
                return self.block_period(block)
            return self.day()
        if tok.kind == "MONTH":
            return self.month_first()
        if tok.kind == "WEEK":
            return self.week_first()
        if tok.kind == "YEAR":
            return YearNode(year=self.take().value)
        if tok.kind == "TAHUN":
            self.take()
            return YearNode(year=self.take().value if self.kind() == "YEAR" else None)
        if tok.kind == "BLOCK":
            self.take()
            return self.block_period(tok.value)
        if tok.kind in ("ROMAN", "ORD", "KE") and block:
            return self.block_period(block)
        self.fail_here()

    def opt_year(self) -> int | None:
        """[tahun] YEAR."""
        if self.kind() == "TAHUN" and self.kind(1) == "YEAR":
            self.take()
        return self.take().value if self.kind() == "YEAR" else None

    def day(self) -> DayNode:
        """NUM MONTH [year], or a bare day whose month comes from the next date (1-15 April)."""
        tok = self.take()
        if not 1 <= tok.value <= 31:
            raise TargetTextError(f"tanggal {tok.value} tidak ada")
        if self.kind() == "MONTH":
            month = self.take().value
            return DayNode(year=self.opt_year(), day=tok.value, month=month, raw=tok.raw)
        if self.kind() in ("RANGE", "SEP"):
            return DayNode(day=tok.value, month=None, raw=tok.raw)
        raise TargetTextError(f'angka "{tok.raw}" tanpa bulan')

    def block_period(self, size: int) -> BlockNode:
        """[ke] index [year] after "triwulan"/"semester" (or after a previous one)."""
        name = "triwulan" if size == 3 else "semester"
        if self.kind() == "KE":
            self.take()
        if self.kind() not in ("NUM", "ROMAN", "ORD"):
            raise TargetTextError(f"nomor {name} tidak disebut")
        index = self.take().value
        if not 1 <= index <= 12 // size:
            raise TargetTextError(f"{name} ke-{index} tidak ada")
        self.block = size
        return BlockNode(year=self.opt_year(), size=size, index=index)

    def month_first(self) -> MonthNode:
        """MONTH [weeks [same MONTH]] [year] [weeks]."""
        month = self.take().value
        weeks = None
        if self.kind() == "WEEK":
            self.take()
            weeks = self.week_specs(month_known=True)
            nxt = self.peek()
            if nxt is not None and nxt.kind == "MONTH":
                # The SK writes "April Minggu ke 1 April 2022"; a different month there is an error.
                if nxt.value != month:
                    raise TargetTextError(
                        f"bulan {MONTHS_ID[month - 1]} dan {MONTHS_ID[nxt.value - 1]} "
                        "tercampur dalam satu bagian"
                    )
                self.take()
        year = self.opt_year()
        if weeks is None and self.kind() == "WEEK":
            self.take()
            weeks = self.week_specs(month_known=True)
        return MonthNode(year=year, month=month, weeks=weeks)

    def week_first(self) -> MonthNode:
        """WEEK specs MONTH [year]."""
        self.take()
        weeks = self.week_specs(month_known=False)
        if self.kind() != "MONTH":
            raise TargetTextError(f"{_week_label(weeks[0][0])} tanpa bulan")
        month = self.take().value
        return MonthNode(year=self.opt_year(), month=month, weeks=weeks)

    def week_specs(self, month_known: bool) -> tuple[WeekSpec, ...]:
        """Week numbers after "minggu": "ke 3,4,5", "ke-1 dan ke-3", "ke 1-2", "II", "terakhir"."""
        first = self.week_number()
        specs = [(first, first)]
        while self.kind() in ("SEP", "RANGE") and self.week_ahead(1, month_known):
            sep = self.take()
            if self.kind() == "WEEK":
                self.take()
            n = self.week_number()
            if sep.kind == "RANGE":
                lo = specs[-1][0]
                if LAST_WEEK not in (lo, n) and lo > n:
                    raise TargetTextError(f"rentang minggu ke-{lo} sampai ke-{n} terbalik")
                specs[-1] = (lo, n)
            else:
                specs.append((n, n))
        return tuple(specs)

    def week_ahead(self, k: int, month_known: bool) -> bool:
        """Whether the tokens from k on continue a list of week numbers."""
        if self.kind(k) == "WEEK":
            k += 1
        kind = self.kind(k)
        if kind == "NUM":
            # After "April minggu ke 2," a "3 Mei" is a date, not week 3.
            return not (month_known and self.kind(k + 1) == "MONTH")
        return kind in ("KE", "ROMAN", "ORD", "LAST")

    def week_number(self) -> int:
        """[ke] (NUM | ROMAN | ORD) | terakhir."""
        had_ke = self.kind() == "KE"
        if had_ke:
            self.take()
        tok = self.peek()
        if tok is not None and tok.kind in ("NUM", "ROMAN", "ORD"):
            self.take()
            if not 1 <= tok.value <= 5:
                raise TargetTextError(f"minggu ke-{tok.value} tidak ada")
            return tok.value
        if tok is not None and tok.kind == "LAST" and not had_ke:
            self.take()
            return LAST_WEEK
        raise TargetTextError("nomor minggu tidak disebut")

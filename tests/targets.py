"""Test data shared by the schedule tests: interval helpers and the SK's real Target Waktu."""

from __future__ import annotations

from datetime import date

D = date


def mon(y: int, m: int, m2: int | None = None) -> tuple[date, date]:
    """Whole month m (through m2) of year y."""
    last = m2 or m
    nxt = D(y + 1, 1, 1) if last == 12 else D(y, last + 1, 1)
    return (D(y, m, 1), D.fromordinal(nxt.toordinal() - 1))


def days(y: int, m: int, d1: int, d2: int | None = None) -> tuple[date, date]:
    """Days d1..d2 (or just d1) of one month."""
    return (D(y, m, d1), D(y, m, d2 or d1))


def year(y: int) -> tuple[date, date]:
    return (D(y, 1, 1), D(y, 12, 31))


def months(y: int, *ms: int) -> list[tuple[date, date]]:
    return [mon(y, m) for m in ms]


# The plan's real "Target Waktu" values (SK KPU Kota Tegal 5/2022); all carry their own year.
REAL = [
    ("April Minggu ke 1 April 2022", [days(2022, 4, 1, 7)]),
    ("April Minggu ke 3 April 2022", [days(2022, 4, 15, 21)]),
    (
        "April Minggu ke 3 April 2022, tiap triwulan minggu ke 3,4,5",
        # April, then the quarter-end months after it, as V.4.3 writes a quarterly evaluation.
        [
            days(2022, 4, 15, 21),
            days(2022, 6, 15, 30),
            days(2022, 9, 15, 30),
            days(2022, 12, 15, 31),
        ],
    ),
    ("April Minggu ke 4 2022", [days(2022, 4, 22, 28)]),
    ("April Minggu ke 1 2022", [days(2022, 4, 1, 7)]),
    ("Januari Minggu ke 1 2022", [days(2022, 1, 1, 7)]),
    ("Juli Minggu ke 2 2022", [days(2022, 7, 8, 14)]),
    ("April Minggu ke 3 2022", [days(2022, 4, 15, 21)]),
    ("April Minggu ke 5 2022", [days(2022, 4, 29, 30)]),
    ("Desember 2022", [mon(2022, 12)]),
    ("Maret 2022", [mon(2022, 3)]),
    ("April minggu ke 4 2022", [days(2022, 4, 22, 28)]),
    ("Januari 2022", [mon(2022, 1)]),
    ("Januari-Desember 2022", [year(2022)]),
    ("Februari 2022", [mon(2022, 2)]),
    ("Januari – Desember 2022", [year(2022)]),
    ("Juni 2022", [mon(2022, 6)]),
    ("Maret minggu ke 4 2022", [days(2022, 3, 22, 28)]),
    ("April minggu ke 5 2022", [days(2022, 4, 29, 30)]),
    ("Juni, September, Desember 2022", months(2022, 6, 9, 12)),
    ("April 2022", [mon(2022, 4)]),
]

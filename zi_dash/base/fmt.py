"""Indonesian formatting of everything shown: decimal comma, dot for thousands, dates in words."""

from __future__ import annotations

from datetime import date, datetime

MONTHS_ID: tuple[str, ...] = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def number(value: float, digits: int = 1) -> str:
    """12.05 -> "12,1"; 1234.5 -> "1.234,5"."""
    if round(value, digits) == 0:
        value = 0.0  # -0.04 is "0,0", not "-0,0"
    text = f"{value:,.{digits}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def pct(value: float, digits: int = 1) -> str:
    """46.666 -> "46,7%"."""
    return f"{number(value, digits)}%"


# What "capaian" means wherever it is shown: the mean of Progres (%), not the share Selesai.
CAPAIAN_MEANS = "Capaian = rata-rata Progres (%) semua aksi, bukan persentase aksi yang Selesai."
TERLAMBAT_MEANS = "Terlambat: tenggat akhir sudah lewat dan aksi belum Selesai."
TERTINGGAL_MEANS = (
    "Tertinggal: progres di bawah rencana periodenya per tanggal acuan (ada periode yang "
    "terlewat), meski tenggat akhirnya belum lewat."
)


def format_date(d: date) -> str:
    """Indonesian date without zero padding, e.g. "15 April 2022"."""
    return f"{d.day} {MONTHS_ID[d.month - 1]} {d.year}"


def format_datetime(moment: datetime) -> str:
    """Indonesian date and time, e.g. "20 Juni 2022 15.30"."""
    return f"{format_date(moment.date())} {moment:%H.%M}"

"""Indonesian number formatting for everything shown: decimal comma, dot for thousands."""

from __future__ import annotations


def number(value: float, digits: int = 1) -> str:
    """12.05 -> "12,1"; 1234.5 -> "1.234,5"."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def pct(value: float, digits: int = 1) -> str:
    """46.666 -> "46,7%"."""
    return f"{number(value, digits)}%"

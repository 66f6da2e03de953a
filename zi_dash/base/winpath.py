"""File names Windows refuses, for names the dashboard makes from what a user typed.

The office's server is often a Windows PC: a draft named after the account "con" or an upload
named "NUL.pdf" would be a device there, not a file (Windows 10 and older; 11 still refuses
some). The check is by the rules, not by the running system, so Linux tests see it too.
"""

from __future__ import annotations

from typing import Final

# CON, PRN, AUX, NUL, the console's two, COM1–9 and LPT1–9 (with superscript digits too).
_RESERVED: Final = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)


def windows_reserved(name: str) -> bool:
    """True when `name` is a device on Windows: its part before the first dot ("con.json")."""
    return name.partition(".")[0].partition(":")[0].rstrip(" ").upper() in _RESERVED

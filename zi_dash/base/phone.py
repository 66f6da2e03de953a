"""Phone numbers and e-mail addresses of the Kontak sheet: checked, never rewritten.

A number is kept exactly as typed; only `wa_number` turns it into the digits wa.me wants.
"""

from __future__ import annotations

import re
from typing import Final

# Groups of digits with one space or dash between them, a + only in front ...
_SHAPE: Final = re.compile(r"^\+?[0-9]+(?:[ -][0-9]+)*$")
# ... whose digits are 08… or 628… (+62 or 62, as WhatsApp shows it): 9 to 13 after the 0.
_DIGITS: Final = re.compile(r"^(?:0|62)8[0-9]{7,11}$")
# Loose: something@something.something, no spaces; the mail server has the last word.
_EMAIL: Final = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_RULE: Final = "nomor HP diawali 08 atau +62, misalnya 0812-3456-7890 atau +62 812 3456 7890"


def phone_problem(text: str) -> str | None:
    """Why `text` is not a phone number the Kontak sheet takes (Indonesian), or None."""
    typed = text.strip()
    if not typed or _valid(typed):
        return None
    if typed.isdigit() and typed.startswith("8"):
        return (
            f'"{typed}" bukan nomor WA: angka 0 di depannya hilang (sel berformat angka di '
            f"Excel?). Ketik ulang sebagai teks; {PHONE_RULE}"
        )
    return f'"{typed}" bukan nomor WA; {PHONE_RULE}'


def _valid(typed: str) -> bool:
    digits = re.sub(r"[ -]", "", typed)
    if not _SHAPE.match(typed) or not _DIGITS.match(digits.lstrip("+")):
        return False
    return not digits.startswith("+") or digits.startswith("+62")


def email_problem(text: str) -> str | None:
    """Why `text` is not an e-mail address (Indonesian), or None; blank is allowed."""
    typed = text.strip()
    if not typed or _EMAIL.match(typed):
        return None
    return f'"{typed}" bukan alamat email (contoh: nama@kpu.go.id)'


def wa_number(text: str) -> str:
    """The international digits wa.me takes (0812… -> 62812…); '' when `text` is no number."""
    if phone_problem(text) is not None or not text.strip():
        return ""
    digits = re.sub(r"\D", "", text)
    return "62" + digits[1:] if digits.startswith("0") else digits

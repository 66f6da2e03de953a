"""Who can be reached: each PIC's Kontak row, the PICs without one, and the wa.me links.

A PIC is the Penanggung Jawab cell as written (`reminders.pic_of`), so a Kontak row matches the
actions the reminders group under that name. Nothing here sends anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final
from urllib.parse import quote

from zi_dash.analysis.filters import NO_PIC
from zi_dash.analysis.reminders import pic_of
from zi_dash.base import ActionCol, ContactCol, email_problem, phone_problem, wa_number
from zi_dash.base import contract as c
from zi_dash.workbook import Plan, where

WA_ME: Final = "https://wa.me/"


@dataclass(frozen=True)
class Contact:
    """One Kontak row as typed, and the number wa.me takes ('' when there is none)."""

    pic: str
    phone: str = ""
    email: str = ""

    @property
    def wa(self) -> str:
        """The international digits of Nomor WA (0812… -> 62812…), '' when blank or invalid."""
        return wa_number(self.phone)

    @property
    def problem(self) -> str:
        """Why Nomor WA or Email cannot be used ('' when both can or are blank)."""
        return phone_problem(self.phone) or email_problem(self.email) or ""


def contacts(plan: Plan) -> dict[str, Contact]:
    """PIC -> its Kontak row (empty when the workbook has no Kontak sheet)."""
    frame = plan.frame(c.Sheet.CONTACTS)
    rows = zip(frame[ContactCol.PIC], frame[ContactCol.PHONE], frame[ContactCol.EMAIL])
    return {
        pic_of(pic): Contact(pic_of(pic), str(phone or ""), str(email or ""))
        for pic, phone, email in rows
    }


def unusable(plan: Plan) -> list[str]:
    """Each Nomor WA or Email in the Kontak sheet that cannot be used: its cell and why.

    The workbook loads them as typed (one typo in Excel must not close the dashboard), so
    the pages and `remind` name them here instead.
    """
    sheet = c.Sheet.CONTACTS
    frame, rows, cols = plan.frame(sheet), plan.rows.get(sheet, {}), plan.columns.get(sheet, {})
    found: list[str] = []
    for pic, phone, email in zip(
        frame[ContactCol.PIC], frame[ContactCol.PHONE], frame[ContactCol.EMAIL]
    ):
        for column, typed, check in (
            (ContactCol.PHONE, phone, phone_problem),
            (ContactCol.EMAIL, email, email_problem),
        ):
            if problem := check(str(typed or "")):
                at = where(sheet, rows.get(pic), column, cols.get(column, -1))
                found.append(f"{pic} · {at}: {problem}.")
    return found


def without_contact(plan: Plan) -> list[str]:
    """PICs named in Rencana Aksi without a Kontak row, in plan order (a blank PIC is none)."""
    known = contacts(plan)
    named = dict.fromkeys(pic_of(p) for p in plan.actions[ActionCol.PIC])
    return [p for p in named if p != NO_PIC and p not in known]


def wa_link(number: str, text: str) -> str:
    """https://wa.me/<number>?text=<text url-encoded>; without a number WhatsApp asks whom to."""
    return f"{WA_ME}{number}?text={quote(text, safe='')}"

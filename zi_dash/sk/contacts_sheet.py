"""The Kontak sheet of a plan's workbook: one row per penanggung jawab, how to reach them.

A PIC is the Penanggung Jawab cell of Rencana Aksi as written (spaces tidied), the way the
reminders group actions. Nomor WA is a text column: Excel would drop the leading 0 of 0812….
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from zi_dash.base import ActionCol, ContactCol
from zi_dash.base import contract as c
from zi_dash.sk.sheets import write_sheet


def pic_name(cell: object) -> str:
    """The PIC a Penanggung Jawab cell names, spaces tidied ('' for a blank cell)."""
    return " ".join(str(cell or "").split())


def contact_rows(
    actions: Iterable[Mapping[str, object]], known: Sequence[Mapping[str, object]] = ()
) -> list[dict[str, object]]:
    """`known` contacts (kept, in order), then each PIC of `actions` not among them, blank."""
    rows = [
        {ContactCol.PIC: k.get(ContactCol.PIC), ContactCol.PHONE: k.get(ContactCol.PHONE),
         ContactCol.EMAIL: k.get(ContactCol.EMAIL)}
        for k in known
    ]  # fmt: skip
    seen = {pic_name(r[ContactCol.PIC]) for r in rows}
    for action in actions:
        name = pic_name(action.get(ActionCol.PIC))
        if name and name not in seen:
            seen.add(name)
            rows.append({ContactCol.PIC: name, ContactCol.PHONE: None, ContactCol.EMAIL: None})
    return rows


def add_contacts_sheet_to(book: Workbook, rows: Sequence[Mapping[str, object]]) -> Worksheet:
    """Create the Kontak sheet, last in `book`; Nomor WA and Email cells formatted as text."""
    ws = book.create_sheet(c.Sheet.CONTACTS)
    write_sheet(ws, c.CONTACTS, [[r.get(h) for h in c.CONTACTS.headers] for r in rows])
    text_columns = [c.CONTACTS.headers.index(n) + 1 for n in (ContactCol.PHONE, ContactCol.EMAIL)]
    # Formatted ahead of the rows staff will add, so a number typed later stays text too.
    for row in range(2, max(ws.max_row, 1) + 200):
        for column in text_columns:
            ws.cell(row, column).number_format = "@"
    return ws

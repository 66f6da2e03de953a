"""The reminders in words: a short polite Indonesian message per PIC and one for the team's group.

Plain text (WhatsApp and e-mail both take it); every line that names an action carries a deep
link to its row on the dashboard (`?aksi=ID` on Sunting Aksi / Sunting Bukti).
"""

from __future__ import annotations

from datetime import date
from typing import Final
from urllib.parse import quote

from zi_dash.analysis.filters import NO_PIC
from zi_dash.analysis.reminders import Reminder
from zi_dash.base import UNIT_PARAM, format_date

ACTION_PARAM: Final = "aksi"  # the query parameter Sunting Aksi and Sunting Bukti open a row by
ACTION_PAGE: Final = "sunting_aksi"
EVIDENCE_PAGE: Final = "sunting_bukti"

# Kind -> the heading a PIC reads, and the page its rows link to.
HEADINGS: Final[dict[str, tuple[str, str]]] = {
    "late": ("Terlambat (tenggat akhir sudah lewat)", ACTION_PAGE),
    "behind": ("Tertinggal (progres di bawah rencana periodenya)", ACTION_PAGE),
    "due_soon": ("Tenggat dalam 14 hari", ACTION_PAGE),
    "no_evidence": ("Sudah Selesai, bukti dukung belum lengkap", EVIDENCE_PAGE),
    "needs_fix": ("Bukti dukung perlu perbaikan", EVIDENCE_PAGE),
    "blank_questions": ("Pertanyaan LKE terkait yang belum dijawab", ACTION_PAGE),
}
COUNT_WORDS: Final[dict[str, str]] = {
    "late": "terlambat",
    "behind": "tertinggal",
    "due_soon": "tenggat 14 hari",
    "no_evidence": "selesai tanpa bukti lengkap",
    "needs_fix": "bukti perlu perbaikan",
    "blank_questions": "pertanyaan LKE kosong",
}


def row_url(base: str, action: str, page: str = ACTION_PAGE, unit_file: str = "") -> str:
    """The dashboard address that opens one action's row: base/page?aksi=ID.

    In folder mode `unit_file` (the workbook's file name) adds ?berkas=, which opens that unit.
    """
    url = f"{base.rstrip('/')}/{page}?{ACTION_PARAM}={quote(action, safe='')}"
    return f"{url}&{UNIT_PARAM}={quote(unit_file, safe='')}" if unit_file else url


def subject(reminder: Reminder, as_of: date, unit: str) -> str:
    """The e-mail subject of one PIC's reminder."""
    return f"Pengingat Rencana Aksi ZI {unit} · {reminder.pic} · {format_date(as_of)}"


def _greeting(pic: str) -> str:
    return "Yth. Bapak/Ibu," if pic == NO_PIC else f"Yth. Bapak/Ibu {pic},"


def pic_message(reminder: Reminder, as_of: date, unit: str, base: str, unit_file: str = "") -> str:
    """One PIC's reminder: a greeting, each kind's rows with their links, a thank-you."""
    lines = [
        _greeting(reminder.pic),
        "",
        f"Berikut pengingat rencana aksi Zona Integritas {unit} yang menjadi tanggung jawab "
        f"Bapak/Ibu, per {format_date(as_of)}:",
    ]
    if reminder.empty:
        lines += ["", "Tidak ada aksi yang perlu ditindaklanjuti saat ini. Terima kasih."]
    for kind, (heading, page) in HEADINGS.items():
        items = getattr(reminder, kind)
        if not items:
            continue
        lines += ["", f"{heading}:"]
        for item in items:
            detail = f" ({item.detail})" if item.detail else ""
            lines.append(f"- {item.action} {item.text}{detail}")
            lines.append(f"  {row_url(base, item.action, page, unit_file)}")
    if not reminder.empty:
        lines += [
            "",
            "Mohon diperbarui di dasbor bila sudah ditindaklanjuti. Terima kasih atas kerja "
            "samanya.",
        ]
    lines += ["", f"Dasbor: {base.rstrip('/')}"]
    return "\n".join(lines)


def counts_line(reminder: Reminder) -> str:
    """'3 terlambat, 1 tertinggal': the kinds a PIC has, in words ('' when none)."""
    parts = [f"{len(getattr(reminder, k))} {w}" for k, w in COUNT_WORDS.items()
             if getattr(reminder, k)]  # fmt: skip
    return ", ".join(parts)


def group_message(
    found: tuple[Reminder, ...], as_of: date, unit: str, base: str, unit_file: str = ""
) -> str:
    """The team's WhatsApp group summary: per PIC what is waiting, and the late rows' links."""
    waiting = [r for r in found if not r.empty]
    lines = [
        f"Rekap pengingat rencana aksi ZI {unit} per {format_date(as_of)}.",
    ]
    if not waiting:
        lines += ["", "Tidak ada aksi yang perlu ditindaklanjuti. Terima kasih, rekan-rekan."]
    for reminder in waiting:
        lines += ["", f"*{reminder.pic}*: {counts_line(reminder)}"]
        for item in reminder.late:
            lines.append(
                f"- {item.action} terlambat: {row_url(base, item.action, unit_file=unit_file)}"
            )
    lines += [
        "",
        "Mohon Bapak/Ibu penanggung jawab memperbarui status dan bukti dukung di dasbor. "
        "Terima kasih.",
        f"Dasbor: {base.rstrip('/')}",
    ]
    return "\n".join(lines)

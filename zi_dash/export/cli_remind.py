"""`remind`: the week's reminder per PIC and the group's summary, printed or e-mailed (--send);
`remind --digest`: the leaders' weekly digest of what changed since the last one.

Exit codes as the other commands: 0 done, 1 a workbook, record, setting or server that failed
(every reminder sent before the failure stays recorded), 2 a wrong argument (argparse's).
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Final

from zi_dash.analysis import contacts, digest, reminder_text, reminders
from zi_dash.base import base_url, email_problem, folder_path, format_date
from zi_dash.base import contract as c
from zi_dash.export.mail import (
    MailError,
    Outgoing,
    load_record,
    record_path,
    save_record,
    send_all,
    sent_keys,
    smtp_settings,
    week_of,
)
from zi_dash.workbook import Plan, WorkbookError, load_tracked

DIGEST_PIC: Final = "ringkasan pimpinan"  # the record's name of the digest's recipient


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def contact_emails(plan: Plan) -> tuple[dict[str, str], list[str]]:
    """PIC -> Email from the Kontak sheet, and a message for each address that cannot be used."""
    if not plan.has(c.Sheet.CONTACTS):
        return {}, [f'Workbook belum punya lembar "{c.Sheet.CONTACTS}": tidak ada alamat e-mail.']
    out: dict[str, str] = {}
    problems: list[str] = []
    for pic, contact in contacts.contacts(plan).items():
        if not contact.email.strip():
            continue
        if problem := email_problem(contact.email):
            problems.append(f"{c.Sheet.CONTACTS}, {pic}: {problem}.")
            continue
        out[pic] = contact.email.strip()
    return out, problems


def _plan(path: Path) -> Plan | None:
    try:
        return load_tracked(path, keep_first_look=False)  # only a look: nothing beside the file
    except WorkbookError as exc:
        _err(f"Workbook tidak dapat dibaca: {exc}")
        return None


def run(args: argparse.Namespace) -> int:
    """Print, or with --send e-mail, the reminders (or with --digest the leaders' digest)."""
    plan = _plan(args.workbook)
    if plan is None:
        return 1
    as_of: date = args.as_of or date.today()
    try:
        return _digest(args, plan, as_of) if args.digest else _remind(args, plan, as_of)
    except MailError as exc:
        _err(str(exc))
        return 1
    except BrokenPipeError:  # `| head` read what it wanted: no traceback, no error at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _unit_file(workbook: Path) -> str:
    """The workbook's file name when the dashboard serves its folder (links then name it)."""
    folder = folder_path()
    try:
        inside = folder is not None and workbook.resolve().parent == folder.resolve()
    except OSError:
        return ""
    return workbook.name if inside else ""


def _remind(args: argparse.Namespace, plan: Plan, as_of: date) -> int:
    unit, base, unit_file = plan.info.unit, base_url(), _unit_file(args.workbook)
    found = reminders.reminders(plan, as_of)
    if not args.send:
        for reminder in found:
            print(f"===== {reminder.pic} =====")
            print(reminder_text.pic_message(reminder, as_of, unit, base, unit_file), end="\n\n")
        print("===== Grup WhatsApp =====")
        print(reminder_text.group_message(found, as_of, unit, base, unit_file))
        return 0
    emails, problems = contact_emails(plan)
    for problem in problems:
        _err(f"Peringatan: {problem}")
    waiting = [r for r in found if not r.empty]
    if unreached := [r.pic for r in waiting if r.pic not in emails]:
        _err(f"Tanpa e-mail di lembar {c.Sheet.CONTACTS} (tidak dikirimi): {', '.join(unreached)}")
    mails = [
        Outgoing(r.pic, emails[r.pic], reminder_text.subject(r, as_of, unit),
                 reminder_text.pic_message(r, as_of, unit, base, unit_file), r.fingerprint())
        for r in waiting
        if r.pic in emails
    ]  # fmt: skip
    return _send(args, mails, as_of)


def _send(args: argparse.Namespace, mails: list[Outgoing], as_of: date) -> int:
    """Send (or with --dry-run only list) the mails not yet sent this week; 1 on a failure."""
    record_file, week = record_path(args.workbook), week_of(as_of)
    if args.dry_run:
        done = sent_keys(load_record(record_file))
        for mail in mails:
            again = mail.key(week) in done
            state = "sudah terkirim minggu ini" if again else "akan dikirim"
            print(f"{state}: {mail.pic} <{mail.to}> · {mail.subject}")
        return 0
    result = send_all(mails, smtp_settings(), record_file, week, datetime.now())
    for mail in result.sent:
        print(f"Terkirim: {mail.pic} <{mail.to}>")
    for mail in result.skipped:
        print(f"Sudah terkirim minggu {week}, tidak dikirim ulang: {mail.pic} <{mail.to}>")
    if result.error:
        _err(f"Gagal mengirim: {result.error}. {len(result.sent)} e-mail yang sudah terkirim "
             f"tercatat di {record_file}; jalankan lagi untuk mengirim sisanya.")  # fmt: skip
        return 1
    if not mails:
        print("Tidak ada pengingat untuk dikirim.")
    return 0


def _digest(args: argparse.Namespace, plan: Plan, as_of: date) -> int:
    record_file = record_path(args.workbook)
    record = load_record(record_file)
    previous = record.get("ringkasan")
    now = digest.snapshot(plan, as_of)
    text = digest.digest_text(previous if isinstance(previous, dict) else None, now,
                              plan.info.unit, base_url())  # fmt: skip
    print(text)
    if args.send:
        if not args.to:
            _err("Sebutkan penerima ringkasan dengan --to ALAMAT (boleh diulang).")
            return 1
        if wrong := [to for to in args.to if not to.strip() or email_problem(to)]:
            _err(f"Alamat --to bukan alamat e-mail: {', '.join(wrong)} (contoh: ketua@kpu.go.id).")
            return 2
        subject = f"Ringkasan mingguan ZI {plan.info.unit} · {format_date(as_of)}"
        # Once a week per address, whatever changed since: the key's content is fixed.
        mails = [Outgoing(f"{DIGEST_PIC} {to}", to, subject, text, DIGEST_PIC) for to in args.to]
        fresh = any(m.key(week_of(as_of)) not in sent_keys(record) for m in mails)
        code = _send(args, mails, as_of)
        if code or args.dry_run or not fresh:  # a digest already sent keeps its snapshot
            return code
        record = load_record(record_file)  # send_all wrote it
    if not args.dry_run:  # the next digest compares with this one
        record["ringkasan"] = now
        save_record(record_file, record)
    return 0

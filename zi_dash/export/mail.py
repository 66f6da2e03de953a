"""E-mail through the office's SMTP server, and the record of what was sent beside the workbook.

Settings come from the environment only (ZI_SMTP_*), never from the repository. The record
(`.<workbook name>.pengingat.json`, written atomically after every message) keeps a reminder
from going out twice in one ISO week and survives a server that fails half-way.
"""

from __future__ import annotations

import json
import os
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any, Final

from zi_dash.base import durable

SMTP_ENV: Final = ("ZI_SMTP_HOST", "ZI_SMTP_PORT", "ZI_SMTP_USER", "ZI_SMTP_PASSWORD",
                   "ZI_SMTP_FROM", "ZI_SMTP_STARTTLS")  # fmt: skip
TIMEOUT: Final = 30.0  # seconds for the server to answer
LOCK_WAIT_S: Final = 5.0  # seconds to wait for another run of the same workbook


class MailError(Exception):
    """Mail cannot be sent (settings, the record, the server); the message is Indonesian."""


@dataclass(frozen=True)
class SmtpSettings:
    """Where and as whom to send."""

    host: str
    port: int
    user: str
    password: str
    sender: str
    starttls: bool


def smtp_settings(env: Mapping[str, str] | None = None) -> SmtpSettings:
    """The SMTP settings from the environment; a MailError names what is missing or wrong."""
    env = os.environ if env is None else env
    host, port_text, user, password, sender, tls = (env.get(k, "").strip() for k in SMTP_ENV)
    missing = [k for k, v in (("ZI_SMTP_HOST", host), ("ZI_SMTP_FROM", sender)) if not v]
    if missing:
        raise MailError(
            f"Pengaturan e-mail belum diisi: {', '.join(missing)} (variabel lingkungan)."
        )
    port = 587 if tls != "0" else 25
    if port_text:
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise MailError(f"ZI_SMTP_PORT {port_text!r} bukan nomor port (1–65535).")
        port = int(port_text)
    if tls not in ("", "0", "1"):
        raise MailError(f"ZI_SMTP_STARTTLS {tls!r} harus 0 atau 1.")
    return SmtpSettings(host, port, user, password, sender, tls != "0")


def record_path(workbook: Path) -> Path:
    """The record of sent mail beside the workbook: .<name>.pengingat.json."""
    return workbook.with_name(f".{workbook.name}.pengingat.json")


def load_record(path: Path) -> dict[str, Any]:
    """The record ({"terkirim": [...], "ringkasan": {...}}); an empty one when there is none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"terkirim": []}
    except (OSError, ValueError) as exc:
        why = durable.reason(exc) if isinstance(exc, OSError) else "isinya bukan JSON yang sah"
        raise MailError(f"Catatan pengiriman {path} tidak dapat dibaca: {why}.") from exc
    if not isinstance(data, dict) or not isinstance(data.get("terkirim", []), list):
        raise MailError(f"Catatan pengiriman {path} tidak berbentuk yang dikenal.")
    data.setdefault("terkirim", [])
    return data


def save_record(path: Path, record: Mapping[str, Any]) -> None:
    """Write the record atomically (the old one or the new, never a mix)."""
    text = json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True)
    try:
        durable.atomic_write(path, text.encode("utf-8"))
    except OSError as exc:
        raise MailError(f"Catatan pengiriman {path} tidak dapat ditulis: {exc}") from exc


def week_of(day: date) -> str:
    """The ISO week of a date: '2022-W26'."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class Outgoing:
    """One e-mail to send, and the key that keeps it from being sent twice in a week."""

    pic: str
    to: str
    subject: str
    body: str
    fingerprint: str

    def key(self, week: str) -> tuple[str, str, str]:
        """(PIC, ISO week, content): the same reminder in the same week."""
        return (self.pic, week, self.fingerprint)


def sent_keys(record: Mapping[str, Any]) -> set[tuple[str, str, str]]:
    """The keys of the reminders the record says were sent."""
    return {
        (str(e.get("pic")), str(e.get("minggu")), str(e.get("isi")))
        for e in record.get("terkirim", [])
        if isinstance(e, dict)
    }


def _message(settings: SmtpSettings, mail: Outgoing) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = settings.sender
    msg["To"] = mail.to
    msg["Subject"] = mail.subject
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=settings.sender.rpartition("@")[2] or None)
    msg.set_content(mail.body)
    return msg


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    server = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT)
    try:
        server.ehlo()
        if settings.starttls:
            server.starttls(context=ssl.create_default_context())
            server.ehlo()
        if settings.user:
            server.login(settings.user, settings.password)
    except BaseException:
        server.close()
        raise
    return server


def _why(settings: SmtpSettings, exc: smtplib.SMTPException | OSError) -> str:
    where = f"{settings.host}:{settings.port}"
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return (
            f"server e-mail {where} menolak nama pengguna atau kata sandi (ZI_SMTP_USER/PASSWORD)"
        )
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return f"server e-mail {where} menolak alamat penerima"
    if isinstance(exc, smtplib.SMTPResponseException):
        text = (
            exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else ""
        )
        return f"server e-mail {where} menolak: {exc.smtp_code} {text}".rstrip()
    if isinstance(exc, smtplib.SMTPException):
        return f"server e-mail {where} memutus hubungan"
    if isinstance(exc, ssl.SSLError):
        return f"STARTTLS dengan server e-mail {where} gagal (ZI_SMTP_STARTTLS=0 bila tanpa TLS)"
    return f"server e-mail {where} tidak dapat dihubungi: {durable.reason(exc)}"


@dataclass(frozen=True)
class SendResult:
    """What a run sent, what it skipped (already sent this week), and why it stopped, if it did."""

    sent: tuple[Outgoing, ...]
    skipped: tuple[Outgoing, ...]
    error: str = ""


def send_all(
    mails: Sequence[Outgoing], settings: SmtpSettings, record_file: Path, week: str,
    now: datetime,
) -> SendResult:  # fmt: skip
    """Send each mail not sent this week, recording each one as soon as the server took it.

    One run at a time per workbook (a lock beside the record): two cron jobs never both send.
    """
    lock = record_file.with_name(record_file.name + ".lock")
    try:
        with durable.locked(lock, LOCK_WAIT_S):
            return _send_locked(mails, settings, record_file, week, now)
    except TimeoutError as exc:
        raise MailError(
            f"Pengiriman lain untuk workbook ini sedang berjalan ({lock}); coba lagi nanti."
        ) from exc
    except durable.WriteError as exc:
        raise MailError(f"Catatan pengiriman tidak dapat dikunci: {exc}") from exc


def _send_locked(
    mails: Sequence[Outgoing], settings: SmtpSettings, record_file: Path, week: str,
    now: datetime,
) -> SendResult:  # fmt: skip
    record = load_record(record_file)
    done = sent_keys(record)
    todo = [m for m in mails if m.key(week) not in done]
    skipped = tuple(m for m in mails if m.key(week) in done)
    sent: list[Outgoing] = []
    if not todo:
        return SendResult((), skipped)
    try:
        server = _connect(settings)
    except (smtplib.SMTPException, OSError) as exc:
        return SendResult((), skipped, _why(settings, exc))
    try:
        for mail in todo:
            try:
                server.send_message(_message(settings, mail))
            except (smtplib.SMTPException, OSError) as exc:
                return SendResult(tuple(sent), skipped, _why(settings, exc))
            sent.append(mail)
            record["terkirim"].append({
                "pic": mail.pic, "minggu": week, "isi": mail.fingerprint, "kepada": mail.to,
                "judul": mail.subject, "waktu": now.isoformat(timespec="seconds"),
            })  # fmt: skip
            save_record(record_file, record)  # at once: a later failure keeps this one
    finally:
        try:
            server.quit()
        except (smtplib.SMTPException, OSError):
            server.close()
    return SendResult(tuple(sent), skipped)

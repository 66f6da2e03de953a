"""`remind`: the week's reminders printed and e-mailed to a real SMTP server on localhost."""

from __future__ import annotations

import email
import email.policy
import json
import socket
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from tests.factory import action, evidence, make_workbook
from zi_dash.base import ActionCol, ContactCol
from zi_dash.base import contract as c
from zi_dash.cli import main
from zi_dash.export.mail import record_path


class Inbox:
    """An aiosmtpd handler that keeps each message; refuses from the `refuse_from`-th one."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], Message]] = []
        self.refuse_from: int | None = None

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802
        if self.refuse_from is not None and len(self.messages) >= self.refuse_from:
            return "554 5.7.1 Ditolak oleh server uji"
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp(monkeypatch: pytest.MonkeyPatch) -> Iterator[Inbox]:
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    for key, value in {"ZI_SMTP_HOST": "127.0.0.1", "ZI_SMTP_PORT": str(port),
                       "ZI_SMTP_FROM": "zi@kpu-tegal.example", "ZI_SMTP_STARTTLS": "0",
                       "ZI_BASE_URL": "http://zi.example:8501"}.items():  # fmt: skip
        monkeypatch.setenv(key, value)
    for key in ("ZI_SMTP_USER", "ZI_SMTP_PASSWORD"):
        monkeypatch.delenv(key, raising=False)
    yield inbox
    controller.stop()


def _workbook(tmp_path: Path, contacts: list[tuple[str, str]]) -> Path:
    acts = [
        action("I.1.1", c.Status.IN_PROGRESS, 50, "April Minggu ke 3 2022",
               **{ActionCol.PIC: "Ani"}),  # late at 1 May
        action("II.1.1", c.Status.NOT_STARTED, 0, "Mei Minggu ke 2 2022",
               **{ActionCol.PIC: "Budi"}),  # due soon
        action("III.1.1", c.Status.DONE, 100, "Maret 2022", **{ActionCol.PIC: "Citra"}),
        action("IV.1.1", c.Status.DONE, 100, "Maret 2022", **{ActionCol.PIC: "Dewi"}),
    ]  # fmt: skip
    ev = [evidence(a[ActionCol.ID], 1) for a in acts[:3]]
    ev.append(evidence("IV.1.1", 1, c.EvidenceStatus.PRESENT))  # Dewi: nothing to do
    rows = [{ContactCol.PIC: pic, ContactCol.PHONE: "081234567890", ContactCol.EMAIL: address}
            for pic, address in contacts]  # fmt: skip
    path = make_workbook(tmp_path / "rencana.xlsx", acts, ev, contacts=rows)
    return path


CONTACTS = [("Ani", "ani@kpu.example"), ("Budi", ""), ("Citra", "citra@kpu.example"),
            ("Dewi", "dewi@kpu.example")]  # fmt: skip


def _remind(path: Path, *extra: str, as_of: str = "2022-05-01") -> int:
    return main(["remind", "--workbook", str(path), "--as-of", as_of, *extra])


def test_printing_sends_nothing_and_records_nothing(tmp_path, smtp, capsys) -> None:
    path = _workbook(tmp_path, CONTACTS)
    assert _remind(path) == 0
    out = capsys.readouterr().out
    assert "===== Ani =====" in out and "===== Grup WhatsApp =====" in out
    assert "http://zi.example:8501/sunting_aksi?aksi=I.1.1" in out
    assert smtp.messages == [] and not record_path(path).exists()


def test_send_mails_each_pic_with_an_email_once_a_week(tmp_path, smtp, capsys) -> None:
    path = _workbook(tmp_path, CONTACTS)
    before = path.read_bytes()
    assert _remind(path, "--send") == 0
    got = {tuple(to): msg for _, to, msg in smtp.messages}
    assert set(got) == {("ani@kpu.example",), ("citra@kpu.example",)}  # Dewi: nothing due
    assert all(frm == "zi@kpu-tegal.example" for frm, _, _ in smtp.messages)
    ani = got[("ani@kpu.example",)]
    assert ani["Subject"] == "Pengingat Rencana Aksi ZI KPU Kota Tegal · Ani · 1 Mei 2022"
    body = ani.get_content()
    assert body.startswith("Yth. Bapak/Ibu Ani,")
    assert "- I.1.1 Langkah I.1.1 (tenggat 21 April 2022)" in body
    assert "http://zi.example:8501/sunting_aksi?aksi=I.1.1" in body
    err = capsys.readouterr().err
    assert "tidak dikirimi): Budi" in err
    assert path.read_bytes() == before  # the record is beside the workbook, never inside
    record = json.loads(record_path(path).read_text(encoding="utf-8"))
    assert [(e["pic"], e["minggu"]) for e in record["terkirim"]] == [
        ("Ani", "2022-W17"), ("Citra", "2022-W17")]  # fmt: skip
    smtp.messages.clear()
    assert _remind(path, "--send") == 0
    # 29 April is in the same ISO week as Sunday 1 May, and Ani's and Citra's items the same
    assert _remind(path, "--send", as_of="2022-04-29") == 0
    assert smtp.messages == []
    assert "tidak dikirim ulang: Ani" in capsys.readouterr().out


def test_next_week_the_reminder_goes_out_again(tmp_path, smtp) -> None:
    path = _workbook(tmp_path, CONTACTS)
    assert _remind(path, "--send") == 0
    assert _remind(path, "--send", as_of="2022-05-02") == 0  # Monday: ISO week 18
    assert len(smtp.messages) == 4


def test_dry_run_lists_and_sends_nothing(tmp_path, smtp, capsys) -> None:
    path = _workbook(tmp_path, CONTACTS)
    assert _remind(path, "--send", "--dry-run") == 0
    assert smtp.messages == [] and not record_path(path).exists()
    assert "akan dikirim: Ani <ani@kpu.example>" in capsys.readouterr().out


def test_a_server_refusing_midway_keeps_the_sent_ones_recorded(tmp_path, smtp, capsys) -> None:
    path = _workbook(tmp_path, CONTACTS)
    smtp.refuse_from = 1
    assert _remind(path, "--send") == 1
    err = capsys.readouterr().err
    assert "Gagal mengirim: server e-mail 127.0.0.1:" in err and "554" in err
    assert "1 e-mail yang sudah terkirim tercatat" in err and "Traceback" not in err
    record = json.loads(record_path(path).read_text(encoding="utf-8"))
    assert [e["pic"] for e in record["terkirim"]] == ["Ani"]
    smtp.refuse_from = None
    assert _remind(path, "--send") == 0  # the rest goes out, Ani is not mailed twice
    assert [to for _, to, _ in smtp.messages] == [["ani@kpu.example"], ["citra@kpu.example"]]


def test_a_server_that_does_not_answer_is_a_clear_message(tmp_path, smtp, monkeypatch,
                                                          capsys) -> None:  # fmt: skip
    path = _workbook(tmp_path, CONTACTS)
    monkeypatch.setenv("ZI_SMTP_PORT", str(_free_port()))  # nobody listens there
    assert _remind(path, "--send") == 1
    err = capsys.readouterr().err
    assert "tidak dapat dihubungi" in err and "0 e-mail yang sudah terkirim" in err


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ZI_SMTP_HOST": ""}, "Pengaturan e-mail belum diisi: ZI_SMTP_HOST"),
        ({"ZI_SMTP_PORT": "dua lima"}, "ZI_SMTP_PORT 'dua lima' bukan nomor port"),
        ({"ZI_SMTP_STARTTLS": "ya"}, "ZI_SMTP_STARTTLS 'ya' harus 0 atau 1"),
    ],
)
def test_bad_settings_send_nothing(tmp_path, smtp, monkeypatch, capsys, env, message) -> None:
    path = _workbook(tmp_path, CONTACTS)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert _remind(path, "--send") == 1
    assert message in capsys.readouterr().err and smtp.messages == []


def test_the_digest_goes_to_the_leaders_once_a_week(tmp_path, smtp, capsys) -> None:
    path = _workbook(tmp_path, CONTACTS)
    assert _remind(path, "--digest", "--send", "--to", "ketua@kpu.example") == 0
    assert _remind(path, "--digest", "--send", "--to", "ketua@kpu.example") == 0
    assert [to for _, to, _ in smtp.messages] == [["ketua@kpu.example"]]
    body = smtp.messages[0][2].get_content()
    assert "Ringkasan pertama" in body and "Baru terlambat (1): I.1.1" in body
    record = json.loads(record_path(path).read_text(encoding="utf-8"))
    assert record["ringkasan"]["terlambat"] == ["I.1.1"]
    capsys.readouterr()
    assert _remind(path, "--digest", as_of="2022-05-20") == 0  # printed: compares with 1 May
    out = capsys.readouterr().out
    assert "Perubahan sejak ringkasan 1 Mei 2022" in out and "Baru terlambat (1): II.1.1" in out


def test_a_workbook_without_kontak_sends_nothing_and_says_why(tmp_path, smtp, capsys) -> None:
    path = make_workbook(tmp_path / "tanpa.xlsx", [action("I.1.1", target="Maret 2022")],
                         contacts=None)  # fmt: skip
    assert _remind(path, "--send") == 0
    err = capsys.readouterr().err
    assert 'belum punya lembar "Kontak"' in err and smtp.messages == []


def test_a_damaged_record_is_said_and_nothing_is_sent(tmp_path, smtp, capsys) -> None:
    path = _workbook(tmp_path, CONTACTS)
    record_path(path).write_text("{bukan json", encoding="utf-8")
    assert _remind(path, "--send") == 1
    assert "tidak dapat dibaca: isinya bukan JSON yang sah" in capsys.readouterr().err
    assert smtp.messages == []


def test_an_unreadable_workbook_exits_1(tmp_path, capsys) -> None:
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"bukan xlsx")
    assert _remind(path) == 1
    assert "Workbook tidak dapat dibaca" in capsys.readouterr().err


def test_a_second_run_at_the_same_time_waits_then_says_so(tmp_path, smtp, monkeypatch,
                                                          capsys) -> None:  # fmt: skip
    import filelock

    from zi_dash.export import mail

    path = _workbook(tmp_path, CONTACTS)
    monkeypatch.setattr(mail, "LOCK_WAIT_S", 0.2)
    record = record_path(path)
    with filelock.FileLock(record.with_name(record.name + ".lock")):
        assert _remind(path, "--send") == 1
    assert "Pengiriman lain untuk workbook ini sedang berjalan" in capsys.readouterr().err
    assert smtp.messages == []


def test_in_folder_mode_the_links_open_the_workbooks_unit(tmp_path, smtp, monkeypatch,
                                                          capsys) -> None:  # fmt: skip
    path = _workbook(tmp_path, CONTACTS)
    monkeypatch.setenv("ZI_FOLDER", str(tmp_path))
    assert _remind(path) == 0
    assert "sunting_aksi?aksi=I.1.1&berkas=rencana.xlsx" in capsys.readouterr().out


def test_an_address_typed_badly_in_excel_is_named_and_the_others_are_sent(
    tmp_path, smtp, capsys
) -> None:
    bad = [("Ani", "ani@kpu.example"), ("Budi", ""), ("Citra", "citra(at)kpu"), ("Dewi", "")]
    path = _workbook(tmp_path, bad)
    assert _remind(path, "--send") == 0
    assert [to for _, to, _ in smtp.messages] == [["ani@kpu.example"]]
    err = capsys.readouterr().err
    assert "Kontak, Citra:" in err and '"citra(at)kpu"' in err

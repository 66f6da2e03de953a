"""What each PIC is reminded of: hand-made plans with known answers, and the Tegal plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.factory import action, evidence, make_workbook
from tests.lke_sheet import add_bank_lke
from zi_dash.analysis import metrics, reminder_text, reminders
from zi_dash.analysis.coverage import action_links
from zi_dash.analysis.filters import NO_PIC
from zi_dash.base import ActionCol, EvidenceCol
from zi_dash.base import contract as c
from zi_dash.workbook import Plan, load_plan

AS_OF = date(2022, 5, 1)
BASE = "http://zi.kpu-tegal.example:8501/"


def _plan(tmp_path: Path, *, lke: bool = False) -> Plan:
    acts = [
        action("I.1.1", c.Status.IN_PROGRESS, 50, "April Minggu ke 3 2022",
               **{ActionCol.PIC: "Ani", ActionCol.LKE_ROWS: "6, 7"}),  # 15–21 Apr: late
        action("II.1.1", c.Status.NOT_STARTED, 0, "Mei Minggu ke 2 2022",
               **{ActionCol.PIC: " Budi  Santoso "}),  # 8–14 Mei: due soon
        action("II.2.1", c.Status.IN_PROGRESS, 10, "",
               **{ActionCol.PIC: "Budi Santoso", ActionCol.START: date(2022, 4, 1),
                  ActionCol.END: date(2022, 6, 30)}),  # planned ~33 % by 1 May: behind
        action("III.1.1", c.Status.DONE, 100, "Maret 2022", **{ActionCol.PIC: "citra"}),
        action("III.1.2", c.Status.IN_PROGRESS, 20, "Desember 2022", **{ActionCol.PIC: "citra"}),
        action("IV.1.1", c.Status.DONE, 100, "Maret 2022", **{ActionCol.PIC: ""}),
    ]  # fmt: skip
    ev = [
        evidence("I.1.1", 1),
        evidence("II.1.1", 1),
        evidence("II.2.1", 1),
        evidence("III.1.1", 1),  # Selesai, its item missing
        evidence("III.1.2", 1, c.EvidenceStatus.NEEDS_FIX, **{EvidenceCol.NOTES: "tanpa  ttd"}),
        evidence("IV.1.1", 1, c.EvidenceStatus.PRESENT),
    ]
    path = make_workbook(tmp_path / "plan.xlsx", acts, ev)
    if lke:
        add_bank_lke(path, {6: "Ya"})  # row 6 answered, row 7 blank
    return load_plan(path)


@pytest.fixture
def found(tmp_path: Path) -> dict[str, reminders.Reminder]:
    return {r.pic: r for r in reminders.reminders(_plan(tmp_path, lke=True), AS_OF)}


def test_pics_are_the_cells_as_written_by_name_blank_last(found) -> None:
    assert list(found) == ["Ani", "Budi Santoso", "citra", NO_PIC]


@pytest.mark.parametrize(
    ("pic", "kind", "expected"),
    [
        ("Ani", "late", [("I.1.1", "tenggat 21 April 2022")]),
        ("Ani", "behind", []),
        ("Ani", "due_soon", []),
        ("Budi Santoso", "late", []),
        ("Budi Santoso", "behind", [("II.2.1", "periode April–Juni 2022")]),
        ("Budi Santoso", "due_soon", [("II.1.1", "tenggat 14 Mei 2022")]),
        ("citra", "no_evidence", [("III.1.1", "belum ada: Dokumen 1 untuk III.1.1")]),
        ("citra", "needs_fix", [("III.1.2", "tanpa ttd")]),
        ("citra", "late", []),
        ("Ani", "blank_questions", [("I.1.1", "Baris 7")]),
        ("Budi Santoso", "blank_questions", []),
        (NO_PIC, "no_evidence", []),
    ],
)
def test_each_pic_hears_the_rows_of_each_kind(found, pic, kind, expected) -> None:
    assert [(i.action, i.detail) for i in getattr(found[pic], kind)] == expected


def test_a_pic_with_nothing_due_has_an_empty_reminder(found) -> None:
    assert found[NO_PIC].empty and not found["Ani"].empty
    assert found[NO_PIC].actions == ("IV.1.1",)


def test_without_the_lke_sheet_no_questions_are_asked(tmp_path: Path) -> None:
    found = reminders.reminders(_plan(tmp_path), AS_OF)
    assert all(not r.blank_questions for r in found)


def test_the_fingerprint_follows_the_content_not_the_date(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    first = {r.pic: r.fingerprint() for r in reminders.reminders(plan, AS_OF)}
    next_day = {r.pic: r.fingerprint() for r in reminders.reminders(plan, date(2022, 5, 2))}
    later = {r.pic: r.fingerprint() for r in reminders.reminders(plan, date(2022, 5, 20))}
    assert first["citra"] == next_day["citra"]
    assert first["Budi Santoso"] != later["Budi Santoso"]  # II.1.1 is late by then


def test_the_pic_message_is_polite_and_links_each_row(found) -> None:
    text = reminder_text.pic_message(found["citra"], AS_OF, "KPU Kota Tegal", BASE)
    assert text.startswith("Yth. Bapak/Ibu citra,")
    assert "per 1 Mei 2022" in text
    assert "http://zi.kpu-tegal.example:8501/sunting_bukti?aksi=III.1.1" in text
    assert "- III.1.2 Dokumen 1 untuk III.1.2 (tanpa ttd)" in text
    assert text.rstrip().endswith("Dasbor: http://zi.kpu-tegal.example:8501")


def test_an_empty_reminder_says_there_is_nothing_to_do(found) -> None:
    text = reminder_text.pic_message(found[NO_PIC], AS_OF, "KPU", BASE)
    assert "Tidak ada aksi yang perlu ditindaklanjuti" in text and "aksi=" not in text


def test_the_group_summary_counts_per_pic_and_links_the_late_rows(found) -> None:
    text = reminder_text.group_message(tuple(found.values()), AS_OF, "KPU Kota Tegal", BASE)
    assert "*Ani*: 1 terlambat, 1 pertanyaan LKE kosong" in text
    assert "*Budi Santoso*: 1 tertinggal, 1 tenggat 14 hari" in text
    assert "- I.1.1 terlambat: http://zi.kpu-tegal.example:8501/sunting_aksi?aksi=I.1.1" in text
    assert NO_PIC not in text  # nothing waits on the blank PIC


def test_a_deep_link_quotes_the_id() -> None:
    assert reminder_text.row_url("http://h/", "I.1 /2") == "http://h/sunting_aksi?aksi=I.1%20%2F2"


def test_the_tegal_plan_at_30_june_2022_per_pic(real_workbook: Path) -> None:
    plan = load_plan(real_workbook)
    as_of = date(2022, 6, 30)
    found = reminders.reminders(plan, as_of)
    # The Tegal SK names no Penanggung Jawab: every action waits on the blank PIC.
    assert [r.pic for r in found] == [NO_PIC]
    (only,) = found
    state = metrics.action_state(plan, as_of)
    assert [i.action for i in only.late] == state.loc[state["overdue"], ActionCol.ID].tolist()
    behind = state["behind"] & ~state["overdue"]
    assert [i.action for i in only.behind] == state.loc[behind, ActionCol.ID].tolist()
    assert [i.action for i in only.due_soon] == state.loc[state["due_soon"], ActionCol.ID].tolist()
    head = metrics.headline(plan, as_of)
    assert (len(only.late), len(only.behind)) == (head.late, head.behind) == (51, 9)
    assert "I.1.1" in [i.action for i in only.late]
    assert [i.action for i in only.no_evidence] == metrics.done_without_evidence(plan)[
        ActionCol.ID
    ].tolist()
    linked = {row for rows in action_links(plan).values() for row in rows}
    assert {int(i.detail.split()[-1]) for i in only.blank_questions} == linked  # none answered


@pytest.mark.parametrize(
    ("pic", "late", "behind", "due_soon"),
    [
        ("Tim Area I", ["I.1.1", "I.2.1", "I.4.1", "I.4.2"], ["I.3.1"], ["I.3.1"]),
        ("Tim Area II", ["II.1.1", "II.2.1", "II.2.2", "II.2.3", "II.3.1", "II.3.2"], [], []),
        ("Tim Area V", ["V.1.1", "V.1.2", "V.3.1", "V.4.1", "V.5.3"],
         ["V.2.1", "V.2.2", "V.2.3", "V.4.3", "V.4.4", "V.5.1", "V.5.2"],
         ["V.2.2", "V.2.3", "V.4.3", "V.4.4", "V.5.1", "V.5.2"]),
    ],
)  # fmt: skip
def test_the_tegal_plan_with_one_pic_per_area(real_workbook: Path, pic, late, behind, due_soon):
    plan = load_plan(real_workbook)
    actions = plan.actions.copy()
    actions[ActionCol.PIC] = "Tim Area " + actions[ActionCol.AREA]
    found = {
        r.pic: r for r in reminders.reminders(replace(plan, actions=actions), date(2022, 6, 30))
    }
    assert len(found) == 6
    mine = found[pic]
    assert [i.action for i in mine.late] == late
    assert [i.action for i in mine.behind] == behind
    assert [i.action for i in mine.due_soon] == due_soon
    assert all(i.action.startswith(pic.split()[-1] + ".") for i in mine.blank_questions)


def test_in_folder_mode_a_deep_link_names_the_units_file() -> None:
    url = reminder_text.row_url("http://h", "I.1.1", unit_file="kota tegal.xlsx")
    assert url == "http://h/sunting_aksi?aksi=I.1.1&berkas=kota%20tegal.xlsx"

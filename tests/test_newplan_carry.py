"""Carrying a plan into the next year: every year moved, no progress, the old file untouched."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

import pytest

from tests import factory
from zi_dash.base import ActionCol, EvidenceCol, InfoKey, LogCol
from zi_dash.base import contract as c
from zi_dash.newplan import carry_over, next_year_bytes, shift_date, shift_years
from zi_dash.schedule import parse_target
from zi_dash.workbook import Plan, load_plan


@pytest.mark.parametrize(
    ("text", "delta", "expected"),
    [
        ("Minggu ke-4 April 2022", 1, "Minggu ke-4 April 2023"),
        ("Desember 2022 – Januari 2023", 1, "Desember 2023 – Januari 2024"),
        ("April Minggu ke 3 April 2022, tiap triwulan minggu ke 3,4,5", 1,
         "April Minggu ke 3 April 2023, tiap triwulan minggu ke 3,4,5"),
        ("Januari-Desember 2022", 2, "Januari-Desember 2024"),
        ("15/04/2022", 1, "15/04/2023"),
        ("2022", -1, "2021"),
        ("tiap bulan", 1, "tiap bulan"),
        ("Minggu ke 12022", 1, "Minggu ke 12022"),  # not a year: five digits
    ],
)  # fmt: skip
def test_every_year_in_a_target_moves(text: str, delta: int, expected: str) -> None:
    assert shift_years(text, delta) == expected


@pytest.mark.parametrize(
    ("day", "delta", "expected"),
    [
        (date(2022, 4, 15), 1, date(2023, 4, 15)),
        (date(2024, 2, 29), 1, date(2025, 2, 28)),
        (None, 1, None),
    ],
)
def test_dates_move_by_whole_years(day: date | None, delta: int, expected: date | None) -> None:
    assert shift_date(day, delta) == expected


def _write(tmp_path: Path, plan: Plan, year: int) -> Plan:
    out = tmp_path / f"rencana_{year}.xlsx"
    out.write_bytes(next_year_bytes(plan, year))
    return load_plan(out)


def test_the_2022_plan_reads_70_of_70_targets_in_2023(tmp_path: Path, real_workbook: Path) -> None:
    old = load_plan(real_workbook)
    new = _write(tmp_path, old, 2023)
    assert len(new.actions) == 70 and len(new.evidence) == len(old.evidence) == 121
    moved = 0
    for before, after in zip(old.actions[ActionCol.TARGET], new.actions[ActionCol.TARGET]):
        was, now = parse_target(before, 2022), parse_target(after, 2023)
        assert was.recognized and now.recognized, (before, after)
        assert now.intervals == [(a.replace(year=a.year + 1), b.replace(year=b.year + 1))
                                 for a, b in was.intervals]  # fmt: skip
        moved += 1
    assert moved == 70
    assert new.info.year == 2023 and new.info.unit == "KPU Kota Tegal"
    assert new.info.legal_basis.startswith("[BELUM DIISI] dasar hukum rencana aksi tahun 2023")
    assert "Nomor 5/2022" in new.info.legal_basis and new.info.enacted is None
    # The same actions and evidence items, word for word.
    same = [ActionCol.ID, ActionCol.COMPONENT, ActionCol.INDICATOR, ActionCol.STEP,
            ActionCol.EVIDENCE]  # fmt: skip
    assert new.actions[same].equals(old.actions[same])
    items = [EvidenceCol.ID, EvidenceCol.ACTION_ID, EvidenceCol.ITEM]
    assert new.evidence[items].equals(old.evidence[items])


def _worked_plan(tmp_path: Path) -> Path:
    """A plan part-way through 2022: progress, notes, links, dates, a person, a log."""
    actions = [
        factory.action("I.1.1", c.Status.DONE, 100, "April Minggu ke 1 2022",
                       **{ActionCol.PIC: "Budi", ActionCol.NOTES: "selesai",
                          ActionCol.START: date(2022, 4, 1), ActionCol.END: date(2024, 2, 29),
                          ActionCol.UPDATED: datetime(2022, 4, 8, 9), ActionCol.UPDATED_BY: "ani"}),
        factory.action("II.1.1", c.Status.IN_PROGRESS, 40, "Desember 2022 – Januari 2023"),
    ]  # fmt: skip
    evidence = [
        factory.evidence("I.1.1", 1, c.EvidenceStatus.VERIFIED,
                         **{EvidenceCol.LINK: "https://drive/x\nbukti/I.1.1/sk.pdf",
                            EvidenceCol.NOTES: "ok", EvidenceCol.UPDATED_BY: "ani"}),
        factory.evidence("II.1.1", 1, c.EvidenceStatus.NEEDS_FIX),
    ]  # fmt: skip
    log = [{LogCol.TIME: datetime(2022, 4, 8, 9), LogCol.USER: "ani", LogCol.SHEET: "Bukti",
            LogCol.ID: "I.1.1/1", LogCol.COLUMN: EvidenceCol.STATUS, LogCol.OLD: "Belum Ada",
            LogCol.NEW: "Terverifikasi"}]  # fmt: skip
    return factory.make_workbook(tmp_path / "lama.xlsx", actions, evidence, log=log)


def test_progress_links_notes_and_log_start_empty_the_person_stays(tmp_path: Path) -> None:
    path = _worked_plan(tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    old = load_plan(path)
    new = _write(tmp_path, old, 2023)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # the old file is only read
    first = new.actions.iloc[0]
    assert first[ActionCol.STATUS] == c.Status.NOT_STARTED and first[ActionCol.PROGRESS] == 0
    assert first[ActionCol.PIC] == "Budi"
    assert first[ActionCol.NOTES] == "" and first[ActionCol.UPDATED_BY] == ""
    assert first[ActionCol.UPDATED] is None
    assert (first[ActionCol.START], first[ActionCol.END]) == (date(2023, 4, 1), date(2025, 2, 28))
    assert new.actions.iloc[1][ActionCol.TARGET] == "Desember 2023 – Januari 2024"
    assert set(new.actions[ActionCol.STATUS]) == {c.Status.NOT_STARTED}
    assert set(new.evidence[EvidenceCol.STATUS]) == {c.EvidenceStatus.MISSING}
    assert set(new.evidence[EvidenceCol.LINK]) == {""}
    assert set(new.evidence[EvidenceCol.NOTES]) == {""}
    assert new.history.empty and len(old.history) == 1


def test_rows_are_built_without_touching_the_plan(tmp_path: Path) -> None:
    old = load_plan(_worked_plan(tmp_path))
    actions, evidence = carry_over(old, 2023)
    assert actions[0][ActionCol.STATUS] == c.Status.NOT_STARTED
    assert old.actions.iloc[0][ActionCol.STATUS] == c.Status.DONE  # the Plan is unchanged
    assert evidence[0][EvidenceCol.LINK] is None


@pytest.mark.parametrize(
    ("year", "message"), [(2022, "sudah untuk tahun 2022"), (1999, "2000–2100")]
)
def test_the_same_or_an_impossible_year_is_refused(mixed: Plan, year: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        next_year_bytes(mixed, year)


def test_info_keeps_the_satker_and_names_the_new_year(tmp_path: Path, mixed: Plan) -> None:
    new = _write(tmp_path, mixed, 2025)
    assert (new.info.unit, new.info.year) == (mixed.info.unit, 2025)
    assert InfoKey.LEGAL_BASIS  # the key the marker is written under
    assert new.actions.iloc[0][ActionCol.TARGET] == "April Minggu ke 1 2025"

"""Display tables with Indonesian headers, on the hand-made mixed plan (as of 1 May 2022)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from tests.factory import action, evidence, make_workbook
from zi_dash.analysis import tables as t
from zi_dash.base import ActionCol, EvidenceCol
from zi_dash.base import contract as c
from zi_dash.workbook import Plan, load_plan

AS_OF = date(2022, 5, 1)


LATE, BEHIND = c.Status.LATE, c.Status.BEHIND


@pytest.mark.parametrize(
    ("as_of", "rows"),
    [
        (date(2022, 4, 14), []),  # I.1.2's week (15–21 April) has not begun
        # Day 5 of 7 at 50 %: behind the plan of its running week, not past its due date.
        (date(2022, 4, 19), [("I.1.2", BEHIND, "15–21 April 2022", 71.4, 0)]),
        (AS_OF, [("I.1.2", LATE, "15–21 April 2022", 100, 10)]),
        (
            date(2022, 6, 15),  # Terlambat first, longest overdue first, then Tertinggal
            [
                ("I.1.2", LATE, "15–21 April 2022", 100, 55),
                ("II.1.1", LATE, "8–14 Mei 2022", 100, 32),
                ("II.2.1", BEHIND, "Juni 2022", 50, 0),  # 30 % done, half of June gone
            ],
        ),
        (
            date(2022, 7, 1),
            [
                ("I.1.2", LATE, "15–21 April 2022", 100, 71),
                ("II.1.1", LATE, "8–14 Mei 2022", 100, 48),
                ("II.2.1", LATE, "Juni 2022", 100, 1),
            ],
        ),
    ],
)
def test_late_and_behind_actions(mixed: Plan, as_of: date, rows) -> None:
    table = t.late(mixed, as_of)
    assert set(table.columns) == {
        ActionCol.ID,
        ActionCol.INDICATOR,
        ActionCol.PIC,
        t.SHOWN_STATUS,
        t.MISSED,
        ActionCol.PROGRESS,
        t.PLANNED,
        ActionCol.TARGET,
        t.DUE,
        t.DAYS_LATE,
    }
    shown = zip(
        table[ActionCol.ID],
        table[t.SHOWN_STATUS],
        table[t.MISSED],
        table[t.PLANNED],
        table[t.DAYS_LATE],
    )
    assert list(shown) == rows
    assert table.index.tolist() == list(range(len(rows)))


def test_late_rows_carry_the_action(mixed: Plan) -> None:
    row = t.late(mixed, AS_OF).iloc[0]
    assert (row[ActionCol.INDICATOR], row[ActionCol.TARGET], row[t.DUE]) == (
        "Indikator I.1.2",
        "April Minggu ke 3 2022",
        "21 April 2022",
    )
    assert row[ActionCol.PROGRESS] == 50


def test_readings_beside_the_target_text(mixed: Plan) -> None:
    table = t.readings(mixed)
    assert list(table.columns) == [ActionCol.ID, ActionCol.TARGET, t.READING]
    assert table.values.tolist() == [
        ["I.1.1", "April Minggu ke 1 2022", "1–7 April 2022"],
        ["I.1.2", "April Minggu ke 3 2022", "15–21 April 2022"],
        ["II.1.1", "Mei Minggu ke 2 2022", "8–14 Mei 2022"],
        ["II.2.1", "Juni 2022", "Juni 2022"],
        ["III.1.1", "Maret 2022", "Maret 2022"],
        ["III.1.2", "kalau sempat", "Tidak terbaca"],
    ]


def test_unreadable_targets_say_why(mixed: Plan) -> None:
    table = t.unreadable(mixed)
    assert table.values.tolist() == [["III.1.2", "kalau sempat", 'kata "kalau" tidak dikenali']]
    assert list(table.columns) == [ActionCol.ID, ActionCol.TARGET, t.PROBLEM]


@pytest.mark.parametrize(
    ("as_of", "rows"),
    [
        (date(2021, 1, 1), [(t.GAP_DONE, "I.1.1/2", "7 April 2022")]),  # nothing late or near
        (
            AS_OF,
            [
                (t.GAP_DONE, "I.1.1/2", "7 April 2022"),
                (t.GAP_LATE, "I.1.2/1", "21 April 2022"),  # Perlu Perbaikan is not present
                (t.GAP_SOON, "II.1.1/1", "14 Mei 2022"),
            ],
        ),
        (
            date(2022, 7, 1),
            [
                (t.GAP_DONE, "I.1.1/2", "7 April 2022"),
                (t.GAP_LATE, "I.1.2/1", "21 April 2022"),
                (t.GAP_LATE, "II.1.1/1", "14 Mei 2022"),  # II.2.1 is late but has its item
            ],
        ),
    ],
)
def test_evidence_gaps_most_urgent_first(mixed: Plan, as_of: date, rows) -> None:
    gaps = t.evidence_gaps(mixed, as_of)
    assert list(zip(gaps[t.PRIORITY], gaps[EvidenceCol.ID], gaps[t.DUE])) == rows
    assert gaps.columns[0] == t.PRIORITY and "_due" not in gaps.columns
    assert set(gaps.columns) == {
        t.PRIORITY,
        EvidenceCol.ACTION_ID,
        ActionCol.INDICATOR,
        ActionCol.PIC,
        t.DUE,
        EvidenceCol.ID,
        EvidenceCol.ITEM,
        EvidenceCol.STATUS,
        EvidenceCol.LINK,
    }


def test_evidence_gaps_within_a_priority_by_due_date_unknown_last(tmp_path: Path) -> None:
    done = c.Status.DONE
    actions = [
        action("I.1.1", done, 100, "kalau sempat"),  # done, target unreadable: no due date
        action("I.1.2", done, 100, "Juni 2022"),
        action("I.1.3", done, 100, "Maret 2022"),
    ]
    items = [evidence(i, n) for i in ("I.1.1", "I.1.2", "I.1.3") for n in (2, 1)]
    gaps = t.evidence_gaps(load_plan(make_workbook(tmp_path / "g.xlsx", actions, items)), AS_OF)
    assert gaps[EvidenceCol.ID].tolist() == [
        "I.1.3/1",
        "I.1.3/2",
        "I.1.2/1",
        "I.1.2/2",
        "I.1.1/1",
        "I.1.1/2",
    ]
    assert gaps[t.DUE].tolist()[-2:] == ["–", "–"]
    assert set(gaps[t.PRIORITY]) == {t.GAP_DONE}


def test_no_gaps_is_an_empty_table_with_the_headers(tmp_path: Path) -> None:
    path = make_workbook(
        tmp_path / "ok.xlsx",
        [action("I.1.1", c.Status.DONE, 100), action("I.1.2", target="Desember 2022")],
        [evidence("I.1.1", 1, c.EvidenceStatus.VERIFIED), evidence("I.1.2", 1)],
    )
    gaps = t.evidence_gaps(load_plan(path), AS_OF)  # I.1.2 is missing but not urgent
    assert gaps.empty and t.PRIORITY in gaps.columns and len(gaps.columns) == 9


def test_needs_fix_lists_items_with_their_notes(mixed: Plan) -> None:
    table = t.needs_fix(mixed)
    assert list(table.columns) == [
        EvidenceCol.ID,
        EvidenceCol.ITEM,
        EvidenceCol.NOTES,
        EvidenceCol.LINK,
    ]
    assert table.values.tolist() == [
        ["I.1.2/1", "Dokumen 1 untuk I.1.2", "Belum ditandatangani", ""]
    ]


def test_a_table_without_links_is_shown_as_it_is() -> None:
    frame = pd.DataFrame({EvidenceCol.ID: ["I.1.1/1"], EvidenceCol.ITEM: ["Notulen"]})
    assert t.with_web_links(frame) is frame

"""Mode Rapat as data: the overview, then two screens per area with actions; its plan; labels."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.factory import action, make_workbook
from zi_dash.analysis import meeting
from zi_dash.analysis.meeting import Part, Screen
from zi_dash.base import ActionCol, AreaCol, EvidenceCol
from zi_dash.workbook import Plan, load_plan

AS_OF = date(2022, 5, 1)


def test_the_overview_the_lke_then_each_areas_actions_and_evidence(mixed: Plan) -> None:
    areas = [
        ("I", "Area I · Manajemen Perubahan"),
        ("II", "Area II · Penataan Tata Laksana"),
        ("III", "Area III · Penataan Sistem Manajemen SDM"),
    ]  # areas IV–VI have no actions: no screens
    assert meeting.screens(mixed) == [
        Screen("Ikhtisar", None),
        Screen("Penilaian Mandiri LKE", None, Part.LKE),
        *[
            Screen(title, area, part)
            for area, title in areas
            for part in (Part.ACTIONS, Part.EVIDENCE)
        ],
    ]


def test_the_overview_is_the_actions_part(mixed: Plan) -> None:
    assert meeting.screens(mixed)[0].part == Part.ACTIONS


def test_areas_come_in_the_area_sheets_order(tmp_path: Path) -> None:
    path = make_workbook(
        tmp_path / "o.xlsx", [action("I.1.1"), action("VI.1.1")], areas=("VI", "II", "I")
    )
    assert [s.area for s in meeting.screens(load_plan(path))] == [None, None, "VI", "VI", "I", "I"]


def test_an_empty_plan_has_only_the_overview_and_the_lke(tmp_path: Path) -> None:
    plan = load_plan(make_workbook(tmp_path / "e.xlsx", [], []))
    assert meeting.screens(plan) == [
        Screen("Ikhtisar", None),
        Screen(meeting.LKE_TITLE, None, Part.LKE),
    ]


def test_the_overview_shows_the_whole_plan(mixed: Plan) -> None:
    assert meeting.area_plan(mixed, Screen("Ikhtisar", None), AS_OF) is mixed


@pytest.mark.parametrize("part", [Part.ACTIONS, Part.EVIDENCE])
def test_an_area_screen_shows_that_area_only(mixed: Plan, part: str) -> None:
    shown = meeting.area_plan(mixed, Screen("Area II", "II", part), AS_OF)
    assert shown.actions[ActionCol.ID].tolist() == ["II.1.1", "II.2.1"]
    assert shown.evidence[EvidenceCol.ACTION_ID].tolist() == ["II.1.1", "II.2.1"]
    assert shown.areas[AreaCol.AREA].tolist() == ["II"]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Rapat evaluasi", "Rapat evaluasi"),
        ("x" * 70, "x" * 70),  # exactly the limit: whole
        ("x" * 71, "x" * 69 + "…"),
        ("a" * 68 + " berikutnya", "a" * 68 + "…"),  # no space before the ellipsis
    ],
)
def test_long_labels_are_cut_for_the_projector(text: str, shown: str) -> None:
    assert meeting.short(text) == shown
    assert len(meeting.short(text)) <= meeting.LABEL_CHARS

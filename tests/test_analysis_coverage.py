"""The plan's coverage of the LKE: Baris LKE read per action, sub-components covered, the
projection of only the covered part (covered weight × mean Progres of its actions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import factory
from zi_dash.analysis import Coverage, action_links, link_problems
from zi_dash.analysis.coverage import coverage
from zi_dash.base import ActionCol
from zi_dash.base import contract as c
from zi_dash.lke import bank
from zi_dash.workbook import load_plan

UNITS = [s.baris for s in bank().subcomponents if bank().questions_of(s.baris)]


def _plan(tmp_path: Path, links: dict[str, tuple[str, float]]):
    """A plan of actions (ID -> (Baris LKE text, Progres)), their status from the progress."""
    actions = [
        factory.action(
            id_,
            c.Status.DONE
            if progress == 100
            else c.Status.IN_PROGRESS
            if progress
            else c.Status.NOT_STARTED,
            progress,
            **{ActionCol.LKE_ROWS: text},
        )
        for id_, (text, progress) in links.items()
    ]
    return load_plan(factory.make_workbook(tmp_path / "rencana.xlsx", actions))


@pytest.mark.parametrize(
    ("links", "expected"),
    [
        ({"I.1.1": ("", 0)}, {"I.1.1": ()}),
        ({"I.1.1": ("18", 0)}, {"I.1.1": (18,)}),
        ({"I.1.1": ("18, 20", 0), "I.1.2": ("[6] [7]", 0)}, {"I.1.1": (18, 20), "I.1.2": (6, 7)}),
        # unreadable cells are skipped, the rest kept
        ({"I.1.1": ("18", 0), "I.1.2": ("5", 0), "I.1.3": ("abc", 0)}, {"I.1.1": (18,)}),
        ({"I.1.1": ("18, 18", 0)}, {}),
    ],
)
def test_action_links(tmp_path: Path, links, expected) -> None:
    assert action_links(_plan(tmp_path, links)) == expected


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("5", 'subkomponen "Penyusunan Tim Kerja", bukan pertanyaan'),
        ("abc", 'Baris LKE "abc" bukan nomor baris'),
        ("999", 'Baris LKE "999" tidak ada dalam LKE'),
        ("18, 18", "Baris LKE 18 ditulis dua kali"),
    ],
)
def test_link_problems_name_the_cell_and_the_action(tmp_path: Path, text: str, said: str) -> None:
    plan = _plan(tmp_path, {"I.1.1": ("6", 0), "I.1.2": (text, 0)})
    column = plan.columns["Rencana Aksi"][ActionCol.LKE_ROWS]
    letter = chr(ord("A") + column)
    row = plan.rows["Rencana Aksi"]["I.1.2"]
    (problem,) = link_problems(plan)
    assert problem.startswith(
        f'Lembar "Rencana Aksi", baris {row}, kolom "{ActionCol.LKE_ROWS}" ({letter}{row}): '
        'aksi "I.1.2": '
    )
    assert said in problem


def test_readable_links_have_no_problems(tmp_path: Path) -> None:
    assert link_problems(_plan(tmp_path, {"I.1.1": ("18", 0), "I.1.2": ("", 0)})) == ()


@pytest.mark.parametrize(
    ("links", "covered", "covered_weight", "projection"),
    [
        ({"I.1.1": ("", 100)}, {}, 0.0, 0.0),
        # [6] and [7] are questions of sub-component 5 (weight 0.5)
        ({"I.1.1": ("6", 100)}, {5: ("I.1.1",)}, 0.5, 0.5),
        ({"I.1.1": ("6", 100), "I.1.2": ("7", 0)}, {5: ("I.1.1", "I.1.2")}, 0.5, 0.25),
        # one action linked to two questions of one sub-component counts once
        ({"I.1.1": ("6, 7", 40), "I.1.2": ("7", 80)}, {5: ("I.1.1", "I.1.2")}, 0.5, 0.3),
        # LHKPN: 174 is a question of 173 (not of the parent 172)
        ({"III.1.1": ("174", 50)}, {173: ("III.1.1",)}, 1.0, 0.5),
        ({"I.1.1": ("6, 174", 100)}, {5: ("I.1.1",), 173: ("I.1.1",)}, 1.5, 1.5),
    ],
)
def test_coverage_of_hand_made_plans(tmp_path, links, covered, covered_weight, projection) -> None:
    result = coverage(_plan(tmp_path, links))
    assert isinstance(result, Coverage)
    assert result.covered == covered
    assert result.covered_weight == pytest.approx(covered_weight)
    assert result.projection == pytest.approx(projection)
    assert result.total_weight == pytest.approx(60.0)
    assert result.uncovered == tuple(u for u in UNITS if u not in covered)
    assert 172 not in result.uncovered and 172 not in result.covered


def test_coverage_per_area_sums_to_the_whole(tmp_path: Path) -> None:
    plan = _plan(tmp_path, {"I.1.1": ("6", 50), "II.1.1": ("24", 100), "III.1.1": ("174", 0)})
    result = coverage(plan)
    assert list(result.areas) == ["I", "II", "III", "IV", "V", "VI"]
    assert result.areas["I"] == pytest.approx((0.5, 8.0, 0.25))
    weights = [w for _, w, _ in result.areas.values()]
    assert weights == pytest.approx([bank().area_weight(a) for a in result.areas])
    assert sum(cov for cov, _, _ in result.areas.values()) == pytest.approx(result.covered_weight)
    assert sum(p for _, _, p in result.areas.values()) == pytest.approx(result.projection)


def test_a_plan_without_the_baris_lke_column_covers_nothing(tmp_path: Path) -> None:
    from tests.lke_book import drop_lke_rows_column

    path = factory.make_workbook(
        tmp_path / "lama.xlsx", [factory.action("I.1.1", **{ActionCol.LKE_ROWS: "6"})]
    )
    plan = load_plan(drop_lke_rows_column(path))
    assert action_links(plan) == {"I.1.1": ()}
    assert coverage(plan).covered == {} and coverage(plan).covered_weight == 0.0


def test_the_tegal_workbook_covers_28_of_60_points() -> None:
    from zi_dash.base import fmt
    from zi_dash.lke import SK_COMPONENTS

    plan = load_plan(Path(__file__).resolve().parent.parent / "data" / "rencana_aksi.xlsx")
    assert link_problems(plan) == ()
    result = coverage(plan)
    assert set(result.covered) == set(SK_COMPONENTS.values())  # the SK's 23 components
    assert fmt.number(result.covered_weight, 2) == "28,00"
    assert result.total_weight == 60.0
    # no action covers Pengelolaan Pengaduan [110], Pemanfaatan TI [118] or any Reform part
    assert {110, 118} <= set(result.uncovered)
    reform = {s.baris for s in bank().subcomponents if s.part == c.PART_REFORM} - {172}
    assert reform <= set(result.uncovered)
    links = action_links(plan)
    assert len(links) == len(plan.actions) == 70 and all(links.values())


@pytest.mark.parametrize(("progress", "projected"), [(100.0, 28.0), (50.0, 14.0), (0.0, 0.0)])
def test_the_tegal_plan_finished_projects_at_most_its_covered_part(progress, projected) -> None:
    import dataclasses

    plan = load_plan(Path(__file__).resolve().parent.parent / "data" / "rencana_aksi.xlsx")
    actions = plan.actions.assign(**{ActionCol.PROGRESS: progress})
    result = coverage(dataclasses.replace(plan, actions=actions))
    assert result.projection == pytest.approx(projected)
    assert sum(p for _, _, p in result.areas.values()) == pytest.approx(projected)

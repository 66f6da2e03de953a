"""The plan beside the LKE: linked actions' progress per question, the sub-components no action
supports (as the Ringkasan lists them)."""

from __future__ import annotations

import pytest

from zi_dash.analysis import lke as plan_lke
from zi_dash.workbook import Plan


@pytest.mark.parametrize(
    ("links", "progress"),
    [
        ({}, {}),
        ({"I.1.1": (18,)}, {18: 100.0}),
        # Two actions on one question: their mean; one action on two questions: both.
        ({"I.1.1": (18, 20), "I.1.2": (18,)}, {18: 75.0, 20: 100.0}),
        ({"II.2.1": (30,), "II.1.1": (30,)}, {30: 15.0}),
        ({"X.9.9": (18,)}, {}),  # an ID the plan no longer has counts for nothing
    ],
)
def test_question_progress_is_the_mean_of_its_linked_actions(
    mixed: Plan, links: dict[str, tuple[int, ...]], progress: dict[int, float]
) -> None:
    assert plan_lke.question_progress(mixed, links) == pytest.approx(progress)


def test_the_uncovered_table_names_each_sub_component_in_bank_order() -> None:
    table = plan_lke.uncovered_table((110, 118, 172))
    assert list(table.columns) == list(plan_lke.UNCOVERED_COLUMNS)
    assert table.values.tolist() == [
        ["[110]", "VI", "Pemenuhan", "Pengelolaan Pengaduan", "1,00"],
        ["[118]", "VI", "Pemenuhan", "Pemanfaatan Teknologi Informasi", "1,00"],
        ["[172]", "V", "Reform", "Penyampaian Laporan Harta Kekayaan", "2,00"],
    ]


def test_no_uncovered_sub_component_is_an_empty_table() -> None:
    assert plan_lke.uncovered_table(()).empty


@pytest.mark.parametrize(
    ("areas", "progress", "means"),
    [
        ([], [], {}),
        (["I", "I", "II"], [100, 50, 30], {"I": 75.0, "II": 30.0}),
        (["III"], [0], {"III": 0.0}),  # an area without actions is absent, not 0
    ],
)
def test_area_means_are_each_areas_mean_progress(areas, progress, means) -> None:
    assert plan_lke.area_means(areas, progress) == pytest.approx(means)

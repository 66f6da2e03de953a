"""A reminder's deep link `?aksi=ID` opens Sunting Aksi / Sunting Bukti at that action's rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import factory
from tests.test_pages_edit import users  # noqa: F401  # the same editor account fixture
from zi_dash.analysis.reminder_text import ACTION_PARAM
from zi_dash.base import ActionCol, EvidenceCol

pytestmark = pytest.mark.usefixtures("users")  # budi, an editor


def _open(monkeypatch, workbook: Path, page: str, asked: str):
    at = factory.run_page(monkeypatch, workbook, page, "budi")
    at.query_params[ACTION_PARAM] = asked
    return at.run()


@pytest.mark.parametrize(
    ("page", "column", "expected"),
    [
        ("pages/sunting_aksi.py", ActionCol.ID, ["III.1.2"]),
        ("pages/sunting_bukti.py", EvidenceCol.ACTION_ID, ["III.1.2"]),
    ],
)
def test_the_link_shows_only_that_actions_rows(
    monkeypatch, workbook_copy, page, column, expected
) -> None:
    at = _open(monkeypatch, workbook_copy, page, "III.1.2")
    assert not at.exception
    assert sorted(set(at.dataframe[0].value[column])) == expected
    assert any("dari tautan pengingat" in i.value for i in at.info)
    next(b for b in at.button if b.label == "Tampilkan semua baris").click().run()
    assert ACTION_PARAM not in at.query_params
    assert len(set(at.dataframe[0].value[column])) > 1


def test_an_unknown_action_shows_every_row_and_says_so(monkeypatch, workbook_copy):
    at = _open(monkeypatch, workbook_copy, "pages/sunting_aksi.py", "IX.9.9")
    assert any("dari tautan tidak ada di rencana ini" in w.value for w in at.warning)
    assert len(at.dataframe[0].value) > 1


def test_the_lke_rows_under_the_grid_follow_the_link(monkeypatch, workbook_copy) -> None:
    # The questions and suggestions below the grid are the linked action's only: a "Pakai
    # saran" there must not reach actions the link hid.
    at = _open(monkeypatch, workbook_copy, "pages/sunting_aksi.py", "III.1.2")
    assert not at.exception
    per_action = at.dataframe[-1].value
    assert set(per_action[ActionCol.ID]) == {"III.1.2"}

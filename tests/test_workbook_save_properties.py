"""Property tests of the save path: any text, number or date round-trips and text never
becomes a formula."""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zi_dash.base import DEFAULT_WORKBOOK, ActionCol, EvidenceCol
from zi_dash.base import contract as c
from zi_dash.workbook import load_plan, save_changes

A, E = c.Sheet.ACTIONS, c.Sheet.EVIDENCE
pytestmark = pytest.mark.reliability
# What a person can type into a cell: any character but the XML-illegal control ones.
typed = st.text(
    st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="".join(chr(i) for i in range(32) if chr(i) not in "\t\n\r")
        + "\ufffe\uffff",
    ),
    max_size=300,
)
PROPERTIES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _copy() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="zi-prop-"))
    path = folder / "rencana_aksi.xlsx"
    shutil.copyfile(DEFAULT_WORKBOOK, path)
    return path


def _save(path: Path, changes) -> None:
    save_changes(path, changes, user="uji", base_version=load_plan(path).version)


@PROPERTIES
@given(pic=typed, note=typed, link=typed)
def test_any_text_round_trips_and_stays_text(pic: str, note: str, link: str) -> None:
    path = _copy()
    try:
        _save(
            path,
            {
                A: {"I.1.1": {ActionCol.PIC: pic, ActionCol.NOTES: note}},
                E: {"I.1.1/1": {EvidenceCol.LINK: link}},
            },
        )
        plan = load_plan(path)
        row = plan.actions.set_index(ActionCol.ID).loc["I.1.1"]
        item = plan.evidence.set_index(EvidenceCol.ID).loc["I.1.1/1"]
        # The reader trims a cell's outer spaces, as it does for text typed in Excel.
        assert (row[ActionCol.PIC], row[ActionCol.NOTES]) == (pic.strip(), note.strip())
        assert item[EvidenceCol.LINK] == link.strip()
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/"):
                    assert "<f>" not in archive.read(name).decode()
    finally:
        shutil.rmtree(path.parent)


@PROPERTIES
@given(
    progress=st.floats(min_value=0, max_value=100, allow_nan=False),
    start=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    span=st.one_of(st.none(), st.integers(min_value=0, max_value=3000)),
)
def test_numbers_and_dates_round_trip(progress: float, start: date, span: int | None) -> None:
    # Selesai before Mulai is refused (test_saving.py); every ordered pair round-trips.
    end = None if span is None else start + timedelta(days=span)
    path = _copy()
    try:
        _save(
            path,
            {
                A: {
                    "I.1.1": {
                        ActionCol.PROGRESS: progress,
                        ActionCol.START: start,
                        ActionCol.END: end,
                    }
                }
            },
        )
        row = load_plan(path).actions.set_index(ActionCol.ID).loc["I.1.1"]
        assert (row[ActionCol.PROGRESS], row[ActionCol.START], row[ActionCol.END]) == (
            progress,
            start,
            end,
        )
        expected = (
            c.Status.DONE
            if progress == 100
            else c.Status.IN_PROGRESS
            if progress
            else c.Status.NOT_STARTED
        )
        assert row[ActionCol.STATUS] == expected
    finally:
        shutil.rmtree(path.parent)

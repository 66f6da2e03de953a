"""The leaders' digest: what changed between two snapshots."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.factory import action, evidence, make_workbook
from zi_dash.analysis import digest
from zi_dash.base import contract as c
from zi_dash.workbook import load_plan


def _plan(tmp_path: Path, name: str, done: bool, ev_status: str):
    acts = [
        action("I.1.1", c.Status.DONE if done else c.Status.IN_PROGRESS, 100 if done else 40,
               "April 2022"),
        action("II.1.1", c.Status.NOT_STARTED, 0, "Mei Minggu ke 2 2022"),
    ]  # fmt: skip
    ev = [evidence("I.1.1", 1, ev_status), evidence("II.1.1", 1)]
    return load_plan(make_workbook(tmp_path / name, acts, ev))


def test_a_snapshot_holds_done_late_capaian_and_evidence(tmp_path: Path) -> None:
    snap = digest.snapshot(_plan(tmp_path, "a.xlsx", False, c.EvidenceStatus.MISSING),
                           date(2022, 5, 20))  # fmt: skip
    assert snap["selesai"] == [] and snap["terlambat"] == ["I.1.1", "II.1.1"]
    assert snap["progres_area"] == {"I": 40.0, "II": 0.0} and snap["bukti_ada"] == []


@pytest.mark.parametrize(
    ("line"),
    [
        "Perubahan sejak ringkasan 20 April 2022.",
        "Baru selesai (1): I.1.1",
        "Baru terlambat (1): II.1.1",
        "Bukti dukung baru ada (1): I.1.1/1",
        "- I Manajemen Perubahan: 100,0 % (+60,0 poin)",
        "- II Penataan Tata Laksana: 0,0 % (+0,0 poin)",
        "Terlambat saat ini: 1 aksi.",
    ],
)
def test_the_digest_names_what_changed(tmp_path: Path, line: str) -> None:
    before = digest.snapshot(_plan(tmp_path, "a.xlsx", False, c.EvidenceStatus.MISSING),
                             date(2022, 4, 20))  # fmt: skip
    after = digest.snapshot(_plan(tmp_path, "b.xlsx", True, c.EvidenceStatus.PRESENT),
                            date(2022, 5, 20))  # fmt: skip
    text = digest.digest_text(before, after, "KPU Kota Tegal", "http://zi")
    assert line in text.splitlines()


def test_the_first_digest_says_it_has_nothing_to_compare(tmp_path: Path) -> None:
    now = digest.snapshot(_plan(tmp_path, "a.xlsx", False, c.EvidenceStatus.MISSING),
                          date(2022, 5, 20))  # fmt: skip
    text = digest.digest_text(None, now, "KPU", "http://zi")
    assert "Ringkasan pertama" in text and "- I Manajemen Perubahan: 40,0 %" in text.splitlines()

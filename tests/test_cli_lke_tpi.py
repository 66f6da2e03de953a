"""`lke-score --penilai tpi`: the TPI's penilaian beside the unit's (JSON: `tpi` in the unit's
shape, `belum_ditelaah`, `selisih`, `perbedaan` sorted by points at stake; a table saying both
labels and the rule); --as-of rewinds both layers; exit codes as without it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests import factory
from tests.lke_sheet import add_bank_lke
from tests.lke_tpi import set_tpi
from zi_dash.analysis import rewind, tpi
from zi_dash.base import LkeCol, Role
from zi_dash.base import contract as c
from zi_dash.cli import main
from zi_dash.export.lke_score import score_object
from zi_dash.workbook import load_plan

UNIT = {6: "Ya", 7: "A", 24: "A", 199: 4, 200: "A"}
TPI = {6: "Tidak", 7: "A", 24: "B", 199: 3}
PARTS = ["I", "II", "III", "IV", "V", "VI", "pengungkit", "hasil", "total"]


@pytest.fixture
def reviewed(tmp_path: Path) -> Path:
    path = add_bank_lke(factory.mixed(tmp_path / "rencana.xlsx"), UNIT)
    return set_tpi(path, TPI, review={6: "Perlu Perbaikan"}, notes={6: "SK belum ada"})


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["lke-score", *args, "--penilai", "tpi", "--json"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    return json.loads(out)


def test_the_json_has_the_unit_object_and_the_tpi_beside_it(reviewed, capsys) -> None:
    got = _json(capsys, "--workbook", str(reviewed))
    found = tpi.compare(load_plan(reviewed))
    unit = score_object(found.unit)
    assert {k: got[k] for k in unit} == unit
    assert list(got["tpi"]) == list(unit)
    assert got["tpi"] == score_object(found.tpi)
    assert got["tpi"]["total"] == found.tpi.score.total
    assert got["belum_ditelaah"] == 110 - 3
    assert list(got["selisih"]) == PARTS
    total = got["selisih"]["total"]
    assert total == {
        "mandiri": found.unit.score.total,
        "tpi": found.tpi.score.total,
        "selisih": found.tpi.score.total - found.unit.score.total,
    }


def test_disagreements_sorted_by_points_at_stake(reviewed, capsys) -> None:
    got = _json(capsys, "--workbook", str(reviewed))
    # [200] the TPI left blank: unreviewed, not a disagreement; [7] the same answer
    assert [d["baris"] for d in got["perbedaan"]] == [199, 6, 24]
    first = got["perbedaan"][0]
    assert first["selisih"] == pytest.approx(-17.5 / 4)
    assert (first["jawaban_unit"], first["jawaban_tpi"]) == ("4", "3")
    six = got["perbedaan"][1]
    assert (six["status_telaah"], six["catatan_tpi"]) == ("Perlu Perbaikan", "SK belum ada")
    stakes = [abs(d["selisih"]) for d in got["perbedaan"]]
    assert stakes == sorted(stakes, reverse=True)


def test_as_of_rewinds_the_tpi_layer(reviewed, capsys) -> None:
    # logged at factory.NOW, 2 May 2022: the TPI's [24] from B to A (agreeing with the unit)
    changes = {c.Sheet.LKE: {"24": {LkeCol.TPI_ANSWER: "A"}}}
    factory.save_now(reviewed, changes, user="tpi", role=Role.ASSESSOR)
    before = _json(capsys, "--workbook", str(reviewed), "--as-of", "2022-05-01")
    now = _json(capsys, "--workbook", str(reviewed))
    assert [d["baris"] for d in before["perbedaan"]] == [199, 6, 24]
    assert [d["baris"] for d in now["perbedaan"]] == [199, 6]
    rewound = tpi.compare(rewind(load_plan(reviewed), date(2022, 5, 1)))
    assert before["tpi"]["total"] == rewound.tpi.score.total < now["tpi"]["total"]


def test_the_table_says_both_labels_the_rule_and_the_unreviewed(reviewed, capsys) -> None:
    assert main(["lke-score", "--workbook", str(reviewed), "--penilai", "tpi"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Penilaian mandiri LKE ZI (bukan nilai resmi")
    assert "Penilaian TPI" in out and tpi.RULE in out
    assert "107 dari 110 pertanyaan belum ditelaah TPI" in out
    assert "Perbedaan jawaban unit dan TPI (3, terbesar dulu):" in out
    assert out.index("[199] -4,38 poin") < out.index("[6] ") < out.index("[24] ")
    assert "Catatan TPI: SK belum ada" in out


def test_a_bad_tpi_cell_is_listed_with_its_cell(tmp_path: Path, capsys) -> None:
    path = set_tpi(add_bank_lke(factory.mixed(tmp_path / "r.xlsx"), {7: "A"}), {7: "D"})
    got = _json(capsys, "--workbook", str(path))
    (problem,) = got["tpi"]["masalah"]
    assert problem.startswith('Lembar "LKE", baris 4, kolom "Jawaban TPI" (O4): [7]')
    assert got["masalah"] == [] and got["perbedaan"] == []


def test_without_the_lke_sheet_exits_1(tmp_path: Path, capsys) -> None:
    path = factory.mixed(tmp_path / "lama.xlsx")
    assert main(["lke-score", "--workbook", str(path), "--penilai", "tpi"]) == 1
    assert capsys.readouterr().out == ""


def test_another_penilai_exits_2(reviewed, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["lke-score", "--workbook", str(reviewed), "--penilai", "kemenpan"])
    assert caught.value.code == 2
    assert "--penilai" in capsys.readouterr().err

"""`python -m zi_dash lke-score`: the self-assessment of a workbook as one JSON object (the issue's
keys, numbers unrounded, equal to assess() of the same workbook) or as a table; --as-of rewinds
the answers with Riwayat; exit 0, 1 (no LKE sheet, unreadable), 2 (wrong argument)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests import factory
from tests.lke_sheet import add_bank_lke
from zi_dash.analysis import assess, rewind
from zi_dash.base import LkeCol
from zi_dash.base import contract as c
from zi_dash.cli import main
from zi_dash.lke import bank, score
from zi_dash.workbook import load_plan

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = {6: "Ya", 7: "B", 13: "C", 24: "A", 126: 3, 127: 4, 199: 3.6, 200: "B"}
KEYS = ["pengungkit", "hasil", "total", "predikat", "area", "subkomponen", "wbk", "wbbm", "masalah"]


@pytest.fixture
def answered(tmp_path: Path) -> Path:
    return add_bank_lke(factory.mixed(tmp_path / "rencana.xlsx"), ANSWERS)


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["lke-score", *args, "--json"]) == 0
    out = capsys.readouterr().out
    assert out.endswith("}\n") and out.count("\n") == 1  # exactly one JSON object, one line
    return json.loads(out)


def test_the_json_object_has_the_issues_keys_and_shapes(answered, capsys) -> None:
    got = _json(capsys, "--workbook", str(answered))
    assert list(got) == KEYS
    assert list(got["area"]) == ["I", "II", "III", "IV", "V", "VI"]
    for area in got["area"].values():
        assert list(area) == ["pemenuhan", "reform", "nilai", "persen"]
    assert list(got["subkomponen"]) == [str(r.baris) for r in bank().subcomponents]
    for verdict in (got["wbk"], got["wbbm"]):
        assert list(verdict) == ["memenuhi", "kurang"]
        assert isinstance(verdict["memenuhi"], bool) and isinstance(verdict["kurang"], list)
    assert got["predikat"] in ("WBBM", "WBK", "Belum WBK")
    assert got["masalah"] == []


def test_the_json_equals_assess_of_the_same_workbook_unrounded(answered, capsys) -> None:
    got = _json(capsys, "--workbook", str(answered))
    s = assess(load_plan(answered)).score
    assert s == score(ANSWERS)
    assert (got["pengungkit"], got["hasil"], got["total"]) == (s.pengungkit, s.hasil, s.total)
    assert got["predikat"] == s.predicate
    for code, a in s.areas.items():
        assert got["area"][code] == {
            "pemenuhan": a.fulfilment, "reform": a.reform, "nilai": a.total, "persen": a.percent
        }  # fmt: skip
    assert got["subkomponen"] == {str(k): v for k, v in s.subcomponents.items()}
    assert got["wbk"] == {"memenuhi": s.wbk.met, "kurang": list(s.wbk.short)}
    assert got["wbbm"] == {"memenuhi": s.wbbm.met, "kurang": list(s.wbbm.short)}
    # unrounded: area I's percent is not a two-decimal number
    assert got["area"]["I"]["persen"] != round(got["area"]["I"]["persen"], 2)


def test_problems_are_listed_located(tmp_path: Path, capsys) -> None:
    path = add_bank_lke(factory.mixed(tmp_path / "rencana.xlsx"), {7: "D"})
    got = _json(capsys, "--workbook", str(path))
    assert got["masalah"] == list(assess(load_plan(path)).problems)
    (problem,) = got["masalah"]
    assert problem.startswith('Lembar "LKE", baris 4, kolom "Jawaban" (J4): [7] Jawaban "D"')


def test_as_of_rewinds_a_logged_answer(answered: Path, capsys) -> None:
    # logged at factory.NOW, 2 May 2022: [6] from Ya to Tidak
    factory.save_now(answered, {c.Sheet.LKE: {"6": {LkeCol.ANSWER: "Tidak"}}})
    before = _json(capsys, "--workbook", str(answered), "--as-of", "2022-05-01")
    after = _json(capsys, "--workbook", str(answered), "--as-of", "2022-05-02")
    now = _json(capsys, "--workbook", str(answered))
    assert before["subkomponen"]["5"] == score(ANSWERS).subcomponents[5]
    assert after["subkomponen"]["5"] == score({**ANSWERS, 6: "Tidak"}).subcomponents[5]
    assert before["subkomponen"]["5"] > after["subkomponen"]["5"] == now["subkomponen"]["5"]
    rewound = assess(rewind(load_plan(answered), date(2022, 5, 1))).score
    assert before["total"] == rewound.total


def test_the_table_says_penilaian_mandiri_with_indonesian_numbers(answered, capsys) -> None:
    assert main(["lke-score", "--workbook", str(answered)]) == 0
    out = capsys.readouterr().out
    s = assess(load_plan(answered)).score
    assert out.startswith("Penilaian mandiri LKE ZI (bukan nilai resmi")
    assert f"Total:      {s.total:.2f}".replace(".", ",") in out
    assert "Predikat (penilaian mandiri): " + s.predicate in out
    assert "Syarat WBK: belum memenuhi" in out


def test_a_workbook_without_the_lke_sheet_exits_1(tmp_path: Path, capsys) -> None:
    path = factory.mixed(tmp_path / "lama.xlsx")
    assert main(["lke-score", "--workbook", str(path), "--json"]) == 1
    printed = capsys.readouterr()
    assert printed.out == ""
    assert 'belum punya lembar "LKE": tambahkan lewat halaman Penilaian Mandiri' in printed.err


@pytest.mark.parametrize(
    ("workbook", "message"),
    [("rusak.xlsx", "Workbook tidak dapat dibaca: "), ("tidak-ada.xlsx", "tidak ditemukan")],
)
def test_an_unreadable_workbook_exits_1(tmp_path: Path, capsys, workbook, message) -> None:
    (tmp_path / "rusak.xlsx").write_text("bukan workbook")
    assert main(["lke-score", "--workbook", str(tmp_path / workbook)]) == 1
    printed = capsys.readouterr()
    assert printed.out == "" and message in printed.err


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--as-of", "2022-13-01"], "argumen --as-of: tanggal '2022-13-01' harus berbentuk"),
        (["--as-of", "1/5/2022"], "YYYY-MM-DD"),
        (["--jsn"], "argumen tidak dikenal: --jsn"),
    ],
)
def test_a_wrong_argument_exits_2_in_indonesian(answered: Path, args, said, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["lke-score", "--workbook", str(answered), *args])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("penggunaan: python -m zi_dash") and said in err


def test_python_m_prints_one_object_and_never_a_traceback(answered: Path, tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "zi_dash", "lke-score", *args],
            capture_output=True, text=True, cwd=ROOT, env=dict(os.environ), timeout=300,
            check=False,
        )  # fmt: skip

    ok = run("--workbook", str(answered), "--json")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["total"] == score(ANSWERS).total
    missing = run("--workbook", str(factory.mixed(tmp_path / "lama.xlsx")))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_the_shipped_tegal_workbook_scores_blank_answers_without_problems(capsys) -> None:
    got = _json(capsys, "--workbook", str(ROOT / "data" / "rencana_aksi.xlsx"))
    assert got["masalah"] == [] and got["total"] == 0.0 and got["predikat"] == "Belum WBK"
    assert got == _json(capsys, "--workbook", str(ROOT / "data" / "rencana_aksi.xlsx"))

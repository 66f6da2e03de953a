"""zi_dash.analysis.rollup_store: the roll-up's summaries kept beside the workbooks, so a new
server reads no unchanged file; every figure the full reader's, never a stale or foreign one."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tests import factory, lke_book
from tests.readonly import make_read_only
from zi_dash.analysis import rollup, rollup_store
from zi_dash.base import ActionCol, workbooks_in
from zi_dash.base import contract as c
from zi_dash.workbook import load_plan

AS_OF = date(2022, 6, 30)


@pytest.fixture(autouse=True)
def _store_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rollup_store, "ENABLED", True)
    rollup.forget()


def _folder(tmp_path: Path, real_workbook: Path, name: str = "zi") -> Path:
    """The Tegal workbook, the mixed plan with an LKE sheet, a broken LKE sheet, a non-Excel."""
    folder = tmp_path / name
    folder.mkdir()
    shutil.copyfile(real_workbook, folder / "a_tegal.xlsx")
    lke_book.add_lke(factory.mixed(folder / "b_lke.xlsx"), {6: "Ya", 7: "Tidak"})
    broken = lke_book.add_lke(factory.mixed(folder / "c_lke_rusak.xlsx"), {6: "Ya"})
    book = openpyxl.load_workbook(broken)
    book[c.Sheet.LKE].delete_cols(1)  # no Baris column: the LKE sheet is no table
    book.save(broken)
    (folder / "d_rusak.xlsx").write_bytes(b"bukan excel")
    return folder


def _record_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    read: list[str] = []
    original = rollup._read_many

    def recording(
        paths: list[str], as_of: date, in_process: bool, progress: rollup.Progress | None = None
    ) -> list[rollup.UnitSummary]:
        read.extend(paths)
        return original(paths, as_of, in_process, progress)

    monkeypatch.setattr(rollup, "_read_many", recording)
    return read


def test_a_new_server_reads_only_what_it_cannot_keep_with_the_full_readers_figures(
    tmp_path: Path, real_workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = workbooks_in(_folder(tmp_path, real_workbook))
    first = rollup.read_all(paths, AS_OF, in_process=True)
    assert (paths[0].parent / rollup_store.FILE_NAME).exists()
    rollup.forget()  # a new server
    read = _record_reads(monkeypatch)
    kept = rollup.read_all(paths, AS_OF, in_process=True)
    assert read == [str(paths[-1])]  # an unreadable file's row is never kept
    assert kept == first
    tegal, plan_lke, broken, rusak = kept
    for path, summary in ((paths[0], tegal), (paths[1], plan_lke)):  # the full reader's figures
        assert summary == rollup.summarize(load_plan(path), AS_OF)
    assert plan_lke.lke is not None and plan_lke.lke.answered > 0
    assert broken.lke is None and 'Lembar "LKE"' in broken.lke_error  # kept with its reason
    assert broken == rollup.summarize_file(str(paths[2]), AS_OF)
    assert rusak.error and rusak == rollup.summarize_file(str(paths[3]), AS_OF)


def test_the_warm_keeps_every_readable_files_summary_so_a_server_reads_only_the_rest(
    tmp_path: Path, real_workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = workbooks_in(_folder(tmp_path, real_workbook))
    assert rollup.warm(paths, AS_OF, batch=1) == len(paths)  # a step per file, each one kept
    store = paths[0].parent / rollup_store.FILE_NAME
    entries = json.loads(store.read_text())["entries"]
    assert len(entries) == 3  # every readable file's, from all the steps
    if os.name == "posix":  # readable by a colleague's server or `rekap`, as the workbooks are
        assert store.stat().st_mode & 0o777 == 0o644
    rollup.forget()  # the server started beside it: nothing read in this process
    read = _record_reads(monkeypatch)
    kept = rollup.read_all(paths, AS_OF, in_process=True)
    assert read == [str(paths[-1])]  # the unreadable file only: its row is never kept
    assert kept == [rollup.summarize_file(str(p), AS_OF) for p in paths]
    rollup.forget()
    assert rollup.warm(paths, AS_OF) == len(paths) and read[1:] == [str(paths[-1])]


def test_a_changed_file_or_another_date_is_read_again(
    tmp_path: Path, real_workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = workbooks_in(_folder(tmp_path, real_workbook))[:3]
    first = rollup.read_all(paths, AS_OF, in_process=True)
    factory.save_now(paths[1], {c.Sheet.ACTIONS: {"I.1.2": {ActionCol.PROGRESS: 100}}})
    rollup.forget()
    read = _record_reads(monkeypatch)
    again = rollup.read_all(paths, AS_OF, in_process=True)
    assert read == [str(paths[1])]
    assert again[1].done == first[1].done + 1 and again[1] == rollup.summarize_file(
        str(paths[1]), AS_OF
    )
    os.utime(paths[0], ns=(1, 1))  # same bytes, another mtime: another version
    rollup.forget()
    rollup.read_all(paths, AS_OF, in_process=True)
    assert read[1:] == [str(paths[0])]
    rollup.forget()
    rollup.read_all(paths, date(2022, 5, 1), in_process=True)  # another tanggal acuan
    assert read[2:] == [str(p) for p in paths]


def _foreign(kept: dict) -> list[str]:
    """Cache files that must be ignored as a whole, from one this code wrote."""
    entries = kept["entries"]
    key = next(iter(entries))
    wrong_type = {**entries[key], "completion": "55,6"}
    extra = {**entries[key], "tpi": 1.0}
    return [
        "bukan json {",
        json.dumps([1, 2]),
        json.dumps({**kept, "version": "lain"}),  # another code version: another rule
        json.dumps({"version": kept["version"]}),
        json.dumps({**kept, "entries": {key: wrong_type}}),
        json.dumps({**kept, "entries": {key: extra}}),
        json.dumps({**kept, "entries": {key: None}}),
    ]


def test_a_corrupt_or_foreign_cache_is_ignored(
    tmp_path: Path, real_workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path, real_workbook)
    paths = workbooks_in(folder)[:2]
    first = rollup.read_all(paths, AS_OF, in_process=True)
    store = folder / rollup_store.FILE_NAME
    kept = json.loads(store.read_text(encoding="utf-8"))
    read = _record_reads(monkeypatch)
    for text in _foreign(kept):
        store.write_text(text, encoding="utf-8")
        rollup.forget()
        assert rollup.read_all(paths, AS_OF, in_process=True) == first, text
        assert read == [str(p) for p in paths], text  # every file read again
        read.clear()


def test_another_folders_cache_names_other_files(
    tmp_path: Path, real_workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache copied with another folder's files of the same names serves none of them."""
    one, other = (_folder(tmp_path, real_workbook, name) for name in ("satu", "dua"))
    rollup.read_all(workbooks_in(one)[:2], AS_OF, in_process=True)
    shutil.copyfile(one / rollup_store.FILE_NAME, other / rollup_store.FILE_NAME)
    factory.save_now(other / "b_lke.xlsx", {c.Sheet.ACTIONS: {"I.1.2": {ActionCol.PROGRESS: 100}}})
    rollup.forget()
    read = _record_reads(monkeypatch)
    rows = rollup.read_all(workbooks_in(other)[:2], AS_OF, in_process=True)
    assert read == [str(p) for p in workbooks_in(other)[:2]]
    assert [r.path for r in rows] == read


def test_a_read_only_folder_is_summed_up_without_a_cache(
    tmp_path: Path, real_workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path, real_workbook)
    paths = workbooks_in(folder)[:2]
    make_read_only(monkeypatch, folder)
    rows = rollup.read_all(paths, AS_OF, in_process=True)
    assert [r.error for r in rows] == ["", ""] and rows[0] == rollup.summarize_file(
        str(paths[0]), AS_OF
    )
    assert not (folder / rollup_store.FILE_NAME).exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["a_tegal.xlsx", "b_lke.xlsx", "c_lke_rusak.xlsx", "d_rusak.xlsx"]
    )


def test_an_entry_not_as_this_code_wrote_it_costs_its_own_file_only(
    tmp_path: Path, real_workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path, real_workbook)
    paths = workbooks_in(folder)[:2]
    first = rollup.read_all(paths, AS_OF, in_process=True)
    store = folder / rollup_store.FILE_NAME
    kept = json.loads(store.read_text(encoding="utf-8"))
    key = next(k for k in kept["entries"] if str(paths[1]) in k)
    kept["entries"][key]["done"] = "24"  # a text where the count belongs
    store.write_text(json.dumps(kept), encoding="utf-8")
    rollup.forget()
    read = _record_reads(monkeypatch)
    assert rollup.read_all(paths, AS_OF, in_process=True) == first
    assert read == [str(paths[1])]

"""zi_dash.analysis.rollup: one summary row per workbook, the unit pages' own figures, flags,
the per-file cache (path + mtime + size) and parallel reading."""

from __future__ import annotations

import dataclasses
import os
import shutil
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from tests import factory, faulty_reader, lke_book
from tests.factory import action, evidence, make_workbook
from tests.readonly import make_read_only
from zi_dash.analysis import Filters, coverage, metrics, rewind, rollup, state, view
from zi_dash.analysis.rollup import RekapCol
from zi_dash.base import ActionCol, LkeCol, Status, WorkbookError, durable, workbooks_in
from zi_dash.base import contract as c
from zi_dash.workbook import load_plan, load_tracked, outside

AS_OF = date(2022, 5, 1)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    rollup.forget()


@pytest.mark.parametrize("as_of", [date(2022, 4, 10), AS_OF, date(2022, 6, 30), date(2023, 1, 2)])
@pytest.mark.parametrize("which", ["mixed", "real"])
def test_a_summary_has_the_unit_pages_figures(
    tmp_path: Path, real_workbook: Path, as_of: date, which: str
) -> None:
    path = factory.mixed(tmp_path / "m.xlsx") if which == "mixed" else real_workbook
    plan = load_plan(path)
    s = rollup.summarize(plan, as_of)
    whole = rewind(plan, as_of)
    h = metrics.headline(whole, as_of)
    assert (s.actions, s.done, s.late, s.behind) == (h.actions, h.done, h.late, h.behind)
    assert s.completion == pytest.approx(h.completion)
    assert s.evidence == pytest.approx(h.evidence)
    cov = coverage.coverage(whole)
    assert (s.covered_weight, s.lke_weight) == (cov.covered_weight, cov.total_weight) == (
        s.covered_weight, 60
    )  # fmt: skip
    assert (s.covered_projection, s.uncovered) == (cov.projection, len(cov.uncovered))
    by_area = metrics.completion_by_area(whole).set_index(ActionCol.AREA)["completion"]
    assert {a: v for a, v in s.areas if v is not None} == pytest.approx(by_area.to_dict())


def test_the_roll_up_has_no_rule_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Action state is defined once: a change there changes both."""
    plan = load_plan(factory.mixed(tmp_path / "m.xlsx"))
    rule = state.row_states

    def all_late(*args: object, **kwargs: object) -> list[state.RowState]:
        return [dataclasses.replace(s, overdue=True, shown=Status.LATE)
                for s in rule(*args, **kwargs)]  # type: ignore[arg-type]  # fmt: skip

    for module in (state, metrics):  # the rule where it is defined and where headline calls it
        monkeypatch.setattr(module, "row_states", all_late)
    s = rollup.summarize(plan, AS_OF)
    h = metrics.headline(plan, AS_OF)
    assert (s.late, s.behind) == (h.late, h.behind) == (6, 0)
    assert metrics.action_state(plan, AS_OF)["display_status"].eq(Status.LATE).all()


def test_the_mixed_plan_row(tmp_path: Path) -> None:
    s = rollup.summarize(load_plan(factory.mixed(tmp_path / "m.xlsx")), AS_OF)
    assert (s.unit, s.year, s.actions, s.done, s.late) == ("KPU Kota Tegal", 2022, 6, 2, 1)
    assert s.completion == pytest.approx(280 / 6)
    # Areas IV–VI have no actions: blank capaian.
    assert dict(s.areas)["IV"] is None and dict(s.areas)["I"] == pytest.approx(75)


def test_a_plan_done_everywhere_claims_no_predicate(tmp_path: Path) -> None:
    """A plan's progress is not the LKE score: without an LKE sheet no predikat, no WBK, no 0."""
    done = [action(f"{a}.1.1", Status.DONE, 100) for a in c.AREA_CODES]
    s = rollup.summarize(load_plan(make_workbook(tmp_path / "d.xlsx", done)), AS_OF)
    assert s.completion == 100 and s.lke is None
    frame = rollup.table([s], AS_OF)
    row = frame.iloc[0]
    assert row[RekapCol.PREDICATE] == "belum ada lembar LKE"
    assert row[[RekapCol.LKE_TOTAL, RekapCol.PENGUNGKIT, RekapCol.HASIL]].isna().all()
    # The predikat is the LKE sheet's only, and its columns say penilaian mandiri.
    said = " ".join([*frame.columns, *map(str, row.tolist())])
    for word in ("WBK", "WBBM", "Minimal", "memenuhi"):
        assert word not in said
    assert [col for col in frame.columns if "Predikat" in col] == [RekapCol.PREDICATE]
    assert "Mandiri" in RekapCol.PREDICATE and "Mandiri" in RekapCol.LKE_TOTAL


def test_the_coverage_is_the_whole_plans_as_of_the_date(tmp_path: Path) -> None:
    """Covered weight and the covered part's projection, by coverage.coverage, never a verdict."""
    actions = [
        action("I.1.1", Status.DONE, 100, **{ActionCol.LKE_ROWS: "6, 7"}),
        action("I.4.1", Status.IN_PROGRESS, 40, **{ActionCol.LKE_ROWS: "18"}),
        action("II.1.1", **{ActionCol.LKE_ROWS: "23"}),
    ]
    path = make_workbook(tmp_path / "l.xlsx", actions)
    factory.save_now(path, {c.Sheet.ACTIONS: {"II.1.1": {ActionCol.PROGRESS: 50}}})  # 2 May
    plan = load_plan(path)
    for day in (AS_OF, date(2022, 5, 2)):
        s = rollup.summarize(plan, day)
        cov = coverage.coverage(rewind(plan, day))
        assert s.covered_weight == cov.covered_weight > 0
        assert s.covered_projection == pytest.approx(cov.projection)
        assert s.uncovered == len(cov.uncovered)
    before, after = (rollup.summarize(plan, d).covered_projection
                     for d in (AS_OF, date(2022, 5, 2)))  # fmt: skip
    assert after > before
    row = rollup.table([rollup.summarize(plan, AS_OF)], AS_OF).iloc[0]
    assert row[RekapCol.COVERAGE] == round(s.covered_weight, 2)
    assert row[RekapCol.COVERED] == round(before, 2)


def _broken_lke(path: Path) -> Path:
    """The mixed plan with an LKE sheet that is no table (its Baris column gone)."""
    lke_book.add_lke(factory.mixed(path), {6: "Ya"})
    book = openpyxl.load_workbook(path)
    book[c.Sheet.LKE].delete_cols(1)
    book.save(path)
    return path


def test_a_broken_lke_sheet_leaves_the_plans_row_whole(tmp_path: Path) -> None:
    """The LKE sheet is read for the penilaian mandiri; broken, it costs the LKE columns only."""
    path = _broken_lke(tmp_path / "m.xlsx")
    with pytest.raises(WorkbookError, match='Lembar "LKE"') as raised:
        load_tracked(path)  # the unit pages read it, and say what is wrong
    (s,) = rollup.read_all([path], AS_OF, in_process=True)
    assert s.error == "" and (s.actions, s.done) == (6, 2)
    assert s.lke is None and s.lke_error == str(raised.value)
    assert load_tracked(path, keep_first_look=False, lke=False).lke is None


def test_a_plan_read_without_its_lke_sheet_never_stands_for_the_whole(tmp_path: Path) -> None:
    path = lke_book.add_lke(factory.mixed(tmp_path / "m.xlsx"), {6: "Ya"})
    assert load_tracked(path, lke=False).lke is None
    whole = load_tracked(path)  # the same version, now asked whole: read, not the skipped one
    assert whole.lke is not None and whole.lke[LkeCol.ANSWER].tolist()[1] == "Ya"
    assert load_tracked(path, lke=False).lke is not None  # a whole parse serves both


def test_last_update_is_the_latest_change_up_to_the_date(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "u.xlsx", [action("I.1.1"), action("I.1.2")])
    factory.save_now(path, {c.Sheet.ACTIONS: {"I.1.1": {ActionCol.PROGRESS: 40}}})  # 2 May 2022
    os.utime(path, (datetime(2022, 9, 1).timestamp(),) * 2)  # the file itself: September
    plan = load_plan(path)
    assert rollup.summarize(plan, date(2022, 5, 10)).last_update == factory.NOW
    assert rollup.summarize(plan, date(2022, 9, 30)).last_update == datetime(2022, 9, 1)
    before = rollup.summarize(plan, date(2022, 4, 30))
    assert before.last_update is None and before.stale(date(2022, 4, 30))
    s = rollup.summarize(plan, date(2022, 6, 2))
    assert (s.age(date(2022, 6, 2)), s.stale(date(2022, 6, 2))) == (31, True)
    assert not s.stale(date(2022, 6, 1))  # 30 days is not yet flagged


def _folder(tmp_path: Path, real_workbook: Path) -> Path:
    folder = tmp_path / "zi"
    folder.mkdir()
    shutil.copyfile(real_workbook, folder / "b_tegal.xlsx")
    factory.mixed(folder / "a_mixed.xlsx")
    make_workbook(folder / "c_brebes.xlsx", [action("I.1.1", Status.DONE, 100)],
                  [evidence("I.1.1", 1)], unit="KPU Kabupaten Brebes")  # fmt: skip
    (folder / "d_rusak.xlsx").write_bytes(b"bukan excel")
    (folder / "~$b_tegal.xlsx").write_bytes(b"owner")
    (folder / "catatan.txt").write_text("bukan workbook")
    return folder


def test_the_folder_listing_keeps_workbooks_by_name(tmp_path: Path, real_workbook: Path) -> None:
    folder = _folder(tmp_path, real_workbook)
    names = [p.name for p in workbooks_in(folder)]
    assert names == ["a_mixed.xlsx", "b_tegal.xlsx", "c_brebes.xlsx", "d_rusak.xlsx"]
    assert workbooks_in(tmp_path / "tidak-ada") == []


def test_the_table_has_one_row_per_file_with_flags(tmp_path: Path, real_workbook: Path) -> None:
    folder = _folder(tmp_path, real_workbook)
    summaries = rollup.read_all(workbooks_in(folder), AS_OF)
    frame = rollup.table(summaries, AS_OF)
    assert list(frame.columns) == list(rollup.COLUMNS)
    assert list(frame[RekapCol.FILE]) == ["a_mixed.xlsx", "b_tegal.xlsx", "c_brebes.xlsx",
                                          "d_rusak.xlsx"]  # fmt: skip
    rows = frame.set_index(RekapCol.FILE)
    # The mixed plan and the SK's plan both claim KPU Kota Tegal 2022.
    assert rows[RekapCol.DUPLICATE].to_dict() == {
        "a_mixed.xlsx": True, "b_tegal.xlsx": True, "c_brebes.xlsx": False, "d_rusak.xlsx": False
    }  # fmt: skip
    assert rows.at["a_mixed.xlsx", RekapCol.NOTE] == "Satker dan tahun sama dengan b_tegal.xlsx"
    assert rows.at["d_rusak.xlsx", RekapCol.NOTE] == (
        'Berkas "d_rusak.xlsx" bukan workbook Excel (.xlsx).'
    )
    assert rows[RekapCol.YEAR].isna().to_dict()["d_rusak.xlsx"]
    assert rows.at["a_mixed.xlsx", RekapCol.COMPLETION] == 46.7
    assert rows.at["c_brebes.xlsx", RekapCol.UNIT] == "KPU Kabupaten Brebes"
    areas = rollup.area_table(summaries).set_index(RekapCol.FILE)
    assert areas.at["a_mixed.xlsx", "I. Manajemen Perubahan"] == 75.0
    assert areas[rollup.area_label("IV")].isna().to_dict() == {
        "a_mixed.xlsx": True, "b_tegal.xlsx": False, "c_brebes.xlsx": True, "d_rusak.xlsx": True
    }  # fmt: skip


def test_filters_select_rows(tmp_path: Path, real_workbook: Path) -> None:
    frame = rollup.table(rollup.read_all(workbooks_in(_folder(tmp_path, real_workbook)), AS_OF),
                         AS_OF)  # fmt: skip
    files = lambda f: list(f[RekapCol.FILE])  # noqa: E731
    assert files(rollup.select(frame, text="brebes")) == ["c_brebes.xlsx"]
    assert files(rollup.select(frame, years=[2022])) == ["a_mixed.xlsx", "b_tegal.xlsx",
                                                         "c_brebes.xlsx"]  # fmt: skip
    assert len(rollup.select(frame, flagged=True)) == 4  # duplicates, unreadable, never updated


def _record_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths sent to be read (in the reader processes), in order."""
    read: list[str] = []
    original = rollup._read_many

    def recording(
        paths: list[str], as_of: date, in_process: bool, progress: rollup.Progress | None = None
    ) -> list[rollup.UnitSummary]:
        read.extend(paths)
        return original(paths, as_of, in_process, progress)

    monkeypatch.setattr(rollup, "_read_many", recording)
    return read


def test_the_cache_reads_a_changed_file_alone(
    tmp_path: Path, real_workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = workbooks_in(_folder(tmp_path, real_workbook))
    day = date(2022, 6, 30)  # after the save's 2 May
    first = rollup.read_all(paths, day)
    read = _record_reads(monkeypatch)
    assert rollup.read_all(paths, day) == first and read == []
    factory.save_now(paths[0], {c.Sheet.ACTIONS: {"I.1.2": {ActionCol.PROGRESS: 100}}})
    again = rollup.read_all(paths, day)
    assert read == [str(paths[0])]
    assert again[0].done == first[0].done + 1 and again[1:] == first[1:]
    rollup.read_all(paths, AS_OF)  # another date: every file summed up again
    assert len(read) == 1 + len(paths)


def test_satker_and_year_need_no_reading_at_a_new_date(
    tmp_path: Path, real_workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sidebar's picker: a new tanggal acuan on any page must not re-read the folder."""
    paths = workbooks_in(_folder(tmp_path, real_workbook))
    rollup.forget()
    read = _record_reads(monkeypatch)
    first = rollup.identify_all(paths, date(2022, 6, 30))
    assert len(read) == len(paths)
    again = rollup.identify_all(paths, AS_OF)  # another date: nothing read
    assert len(read) == len(paths)
    assert [(s.unit, s.year, s.error) for s in again] == [(s.unit, s.year, s.error) for s in first]
    factory.save_now(paths[0], {c.Sheet.ACTIONS: {"I.1.2": {ActionCol.PROGRESS: 100}}})
    rollup.identify_all(paths, AS_OF)  # a changed file is read alone
    assert read[len(paths) :] == [str(paths[0])]
    rollup.read_all(paths, AS_OF)  # the Rekap figures at that date: the others now
    assert len(read) == 2 * len(paths)


def test_the_reader_pool_gives_this_process_rows(tmp_path: Path, real_workbook: Path) -> None:
    folder = tmp_path / "banyak"
    folder.mkdir()
    for i in range(18):
        shutil.copyfile(real_workbook, folder / f"u{i:02d}.xlsx")
    (folder / "u99.xlsx").write_bytes(b"")
    paths = workbooks_in(folder)
    pooled = rollup.read_all(paths, AS_OF)
    rollup.forget()
    assert pooled == rollup.read_all(paths, AS_OF, in_process=True)
    assert pooled[-1].error.startswith('Berkas "u99.xlsx" kosong')


def _faulty_folder(tmp_path: Path, real_workbook: Path) -> list[Path]:
    folder = tmp_path / "rusuh"
    folder.mkdir()
    for name in ("a_baik.xlsx", "b_crash.xlsx", "c_hang.xlsx", "d_bug.xlsx", "e_baik.xlsx"):
        shutil.copyfile(real_workbook, folder / name)
    return workbooks_in(folder)


@pytest.fixture
def faulty(monkeypatch: pytest.MonkeyPatch) -> None:
    """Readers that crash, hang or raise on the files named so; 5 s per file (a good one: 10 ms)."""
    monkeypatch.setattr(rollup, "summarize_file", faulty_reader.read)
    monkeypatch.setattr(rollup, "FILE_SECONDS", 5.0)


@pytest.mark.usefixtures("faulty")
def test_a_reader_that_crashes_hangs_or_fails_is_a_row_with_its_reason(
    tmp_path: Path, real_workbook: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Five files (fewer than any threshold): each is read in a worker, never in the server."""
    paths = _faulty_folder(tmp_path, real_workbook)
    rows = {Path(s.path).name: s for s in rollup.read_all(paths, AS_OF)}
    good = rollup.summarize(load_plan(real_workbook), AS_OF)
    assert rows["a_baik.xlsx"].actions == rows["e_baik.xlsx"].actions == good.actions == 70
    assert rows["b_crash.xlsx"].error == (
        'Berkas "b_crash.xlsx" tidak dapat diringkas: proses pembacanya berhenti mendadak.'
    )
    assert rows["c_hang.xlsx"].error == (
        'Berkas "c_hang.xlsx" tidak dapat diringkas: pembacaannya melebihi batas waktu 5 detik.'
    )
    assert rows["d_bug.xlsx"].error == (
        'Berkas "d_bug.xlsx" tidak dapat diringkas: terjadi kesalahan tak terduga saat '
        "membacanya (rincian di log server)."
    )
    assert all(s.actions == 0 for n, s in rows.items() if "baik" not in n)
    # The bug is the server's to see, with the worker's traceback; the user reads Indonesian.
    assert "TypeError" in caplog.text and "d_bug.xlsx" in caplog.text
    # The pool replaced its workers: the next roll-up reads every good file again.
    rollup.forget()
    again = rollup.read_all([paths[0], paths[-1]], date(2022, 6, 30))
    assert [s.error for s in again] == ["", ""]


def test_a_vanished_file_is_a_row_with_the_reason(tmp_path: Path) -> None:
    (s,) = rollup.read_all([tmp_path / "hilang.xlsx"], AS_OF)
    assert "tidak ditemukan" in s.error and s.year == 0 and not s.stale(AS_OF)


BEFORE_EXCEL = factory.AROUND_EXCEL[0]
DONE_IN_EXCEL = factory.DONE_IN_EXCEL


def _unit_page_figures(path: Path, day: date) -> tuple[int, int, float]:
    """Selesai, Terlambat and capaian as a unit page computes them (its loader, its view)."""
    h = metrics.headline(view(load_tracked(path), day, Filters()), day)
    return h.done, h.late, h.completion


def _figures(s: rollup.UnitSummary) -> tuple[int, int, float]:
    return s.done, s.late, s.completion


def test_the_roll_up_keeps_no_copy_and_agrees_with_the_first_look(
    tmp_path: Path, real_workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file never seen reads as it is, on Rekap and on the unit page's first look alike."""
    path = shutil.copyfile(real_workbook, tmp_path / "baru.xlsx")
    factory.excel_edit(path, DONE_IN_EXCEL, factory.EXCEL_TIME)  # before any look
    (first,) = rollup.read_all([path], BEFORE_EXCEL)
    assert not durable.backup_dir(path).exists()  # the roll-up's look wrote nothing
    assert _unit_page_figures(path, BEFORE_EXCEL) == _figures(first) and first.done == 3
    assert durable.last_written_path(path).exists()  # the unit page's first look kept it
    read = _record_reads(monkeypatch)
    (again,) = rollup.read_all([path], BEFORE_EXCEL)
    assert read == [str(path)] and again == first  # a new copy: read again, the same figures


def test_the_cache_follows_the_copy_outside_edits_are_found_against(
    tmp_path: Path, real_workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = shutil.copyfile(real_workbook, tmp_path / "unit.xlsx")
    load_tracked(path)  # a unit page's first look keeps the copy
    factory.excel_edit(path, DONE_IN_EXCEL, factory.EXCEL_TIME)
    (first,) = rollup.read_all([path], BEFORE_EXCEL)
    assert _figures(first) == _unit_page_figures(path, BEFORE_EXCEL) and first.done == 0
    read = _record_reads(monkeypatch)
    assert rollup.read_all([path], BEFORE_EXCEL) == [first] and read == []
    outside.remember(path, path.read_bytes())  # the copy now holds the edit (as after a save)
    (again,) = rollup.read_all([path], BEFORE_EXCEL)
    assert read == [str(path)] and again.done == 3
    assert _figures(again) == _unit_page_figures(path, BEFORE_EXCEL)


def test_a_read_only_folder_is_summed_up_with_its_outside_edits(
    tmp_path: Path, real_workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = shutil.copyfile(real_workbook, tmp_path / "a_dilihat.xlsx")
    load_tracked(seen)
    factory.excel_edit(seen, DONE_IN_EXCEL, factory.EXCEL_TIME)
    never = shutil.copyfile(real_workbook, tmp_path / "b_baru.xlsx")
    make_read_only(monkeypatch, tmp_path)  # in this process: read here, not in the readers
    rows = rollup.read_all([seen, never], BEFORE_EXCEL, in_process=True)
    assert [(s.error, s.done) for s in rows] == [("", 0), ("", 0)]
    assert [s.done for s in rollup.read_all([seen, never], factory.EXCEL_TIME.date(), True)] == [
        3, 0
    ]  # fmt: skip
    assert not durable.backup_dir(never).joinpath("b_baru.dasbor.xlsx").exists()

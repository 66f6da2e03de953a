"""The draft store: unsaved edits per editor and workbook, on disk, never inside the workbook."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.readonly import make_read_only
from zi_dash.base import ActionCol, EvidenceCol, Status, durable
from zi_dash.base import contract as c
from zi_dash.edit import DRAFT_DIR, Draft, DraftStore, editing, uploads
from zi_dash.workbook import editable_values, load_plan, save_changes

A, E = c.Sheet.ACTIONS, c.Sheet.EVIDENCE
SHOWN = {
    ActionCol.START: None,
    ActionCol.END: None,
    ActionCol.PIC: "",
    ActionCol.STATUS: Status.NOT_STARTED,
    ActionCol.PROGRESS: 0.0,
    ActionCol.NOTES: "",
}
AT = datetime(2026, 11, 25, 9, 30)


@pytest.mark.parametrize(
    "value",
    ["catatan\nbaris dua", "40,5", 40.5, None, date(2022, 4, 15), datetime(2022, 4, 15, 10, 5),
     "=1+1", "x" * 40_000, "ümlaut · ✓"],
)  # fmt: skip
def test_values_round_trip_exactly(tmp_path: Path, value: object) -> None:
    store = DraftStore(tmp_path / "rencana_aksi.xlsx")
    draft = Draft("budi")
    column = ActionCol.START if isinstance(value, date) else ActionCol.NOTES
    shown = {**SHOWN, ActionCol.NOTES: "lama", ActionCol.START: date(2000, 1, 1)}
    assert draft.type(A, "I.1.1", column, value, shown, AT)
    store.save(draft)
    back = store.load("budi")
    assert back.typed(A) == {"I.1.1": {column: value}}
    assert back.seen(A) == {"I.1.1": shown} and back.updated == AT


def test_the_draft_lives_beside_the_workbook_per_user(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "rencana_aksi.xlsx")
    for user in ("ani", "budi"):
        draft = Draft(user)
        draft.type(A, "I.1.1", ActionCol.NOTES, f"dari {user}", SHOWN)
        store.save(draft)
    assert store.path("ani") == tmp_path / DRAFT_DIR / "rencana_aksi.xlsx" / "ani.json"
    assert store.load("ani").typed(A)["I.1.1"][ActionCol.NOTES] == "dari ani"
    assert list(store.users()) == ["ani", "budi"]
    store.clear("ani")
    assert store.load("ani").count() == 0 and store.load("budi").count() == 1


def test_typing_keeps_the_first_seen_value_and_typing_it_back_removes_the_edit() -> None:
    draft = Draft("budi")
    draft.type(A, "I.1.1", ActionCol.NOTES, "satu", SHOWN)
    later = {**SHOWN, ActionCol.NOTES: "orang lain", ActionCol.STATUS: Status.IN_PROGRESS}
    draft.type(A, "I.1.1", ActionCol.PROGRESS, "10", later)
    seen = draft.seen(A)["I.1.1"]
    # The typed cell keeps what was there when typed; the others follow what the grid showed.
    assert (seen[ActionCol.NOTES], seen[ActionCol.STATUS]) == ("", Status.IN_PROGRESS)
    assert draft.type(A, "I.1.1", ActionCol.NOTES, "", later)
    assert draft.typed(A) == {"I.1.1": {ActionCol.PROGRESS: "10"}}
    assert not draft.type(A, "I.1.2", ActionCol.NOTES, "", SHOWN)  # no change: no row
    assert draft.count() == 1


def test_an_unreadable_value_stays_in_the_draft_as_typed() -> None:
    draft = Draft("budi")
    assert draft.type(A, "I.1.1", ActionCol.PROGRESS, "empat puluh", SHOWN)
    assert draft.typed(A)["I.1.1"][ActionCol.PROGRESS] == "empat puluh"


def test_a_damaged_draft_file_is_kept_aside(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "rencana_aksi.xlsx")
    store.folder.mkdir(parents=True)
    store.path("budi").write_text("{bukan json", encoding="utf-8")
    assert store.load("budi").count() == 0
    kept = list(store.folder.glob("budi.rusak-*.json"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{bukan json"


@pytest.mark.parametrize("drafts_there", [False, True])
def test_a_read_only_folder_refuses_the_draft_in_indonesian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, drafts_there: bool
) -> None:
    store = DraftStore(tmp_path / "rencana_aksi.xlsx")
    draft = Draft("budi")
    draft.type(A, "I.1.1", ActionCol.NOTES, "x", SHOWN)
    if drafts_there:  # .drafts/ made earlier: the lock file or the temp file is refused
        store.save(Draft("ani", {A: dict(draft.sheets[A])}))
    make_read_only(monkeypatch, tmp_path)
    with pytest.raises(durable.WriteError, match="tidak ada izin menulis") as info:
        store.save(draft)
    assert "Permission denied" not in str(info.value)
    if drafts_there:
        with pytest.raises(durable.WriteError, match=r"ani\.json"):
            store.clear("ani")
        store.path("ani").write_text("{rusak", encoding="utf-8")  # the file is writable
        assert store.load("ani").count() == 0  # damaged, and cannot be moved aside: no crash
    monkeypatch.undo()
    assert not store.path("budi").exists()


def test_an_empty_draft_removes_its_file(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "rencana_aksi.xlsx")
    draft = Draft("budi")
    draft.type(A, "I.1.1", ActionCol.NOTES, "x", SHOWN)
    store.save(draft)
    assert json.loads(store.path("budi").read_text(encoding="utf-8"))["user"] == "budi"
    draft.drop(A, {"I.1.1": {ActionCol.NOTES}})
    store.save(draft)
    assert not store.path("budi").exists()


def test_an_upload_keeps_a_link_typed_in_the_draft(workbook_copy: Path) -> None:
    plan = load_plan(workbook_copy)
    store = DraftStore(workbook_copy)
    draft = Draft("budi")
    shown = editable_values(plan, E)["I.1.1/1"]
    draft.type(E, "I.1.1/1", EvidenceCol.LINK, "https://drive.example/folder", shown)
    store.save(draft)
    stored = uploads.attach(plan, "I.1.1/1", "notulen.pdf", b"%PDF-1.4\n", "budi")
    editing.after_upload(workbook_copy, "budi", "I.1.1/1", stored)
    draft = store.load("budi")
    assert draft.typed(E)["I.1.1/1"][EvidenceCol.LINK] == f"https://drive.example/folder\n{stored}"
    found = editing.review(load_plan(workbook_copy), E, draft)
    assert not found.conflicts and found.cells == 1
    after = load_plan(workbook_copy)
    save_changes(workbook_copy, {E: draft.typed(E)}, user="budi", base_version=after.version,
                 base_values={E: draft.seen(E)})  # fmt: skip
    link = load_plan(workbook_copy).evidence.set_index(EvidenceCol.ID).loc["I.1.1/1"]
    assert link[EvidenceCol.LINK] == f"https://drive.example/folder\n{stored}"

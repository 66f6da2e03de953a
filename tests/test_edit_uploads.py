"""Evidence uploads: names, size and type; where they are stored; which files are served; and
attaching them to an item, whose Tautan keeps every earlier link and file, one per line."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

from tests import factory
from tests.readonly import make_read_only
from zi_dash.base import EvidenceCol, EvidenceStatus, LogCol, Role, Sheet
from zi_dash.edit import uploads
from zi_dash.workbook import WorkbookBusyError, WorkbookError, load_plan

PDF = b"%PDF-1.7\n" + b"0" * 100
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 50
DRIVE = "https://drive.google.com/drive/folders/1AbC"
ITEM = "I.1.1/1"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("SK Tim ZI (final).pdf", "SK-Tim-ZI-final.pdf"),
        ("Undangan Rapat.PDF", "Undangan-Rapat.pdf"),
        ("foto_kegiatan-1.jpeg", "foto_kegiatan-1.jpeg"),
        ("Notulen Évaluasi.docx", "Notulen-Evaluasi.docx"),
        ("---.pdf", "berkas.pdf"),
    ],
)
def test_names_are_made_safe(name: str, expected: str) -> None:
    assert uploads.safe_name(name) == expected


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("../../etc/passwd.pdf", PDF, "folder"),
        ("..\\app.py.pdf", PDF, "folder"),
        ("sub/dokumen.pdf", PDF, "folder"),
        ("skrip.py", b"print(1)", "tidak diterima"),
        ("halaman.html", b"<html>", "tidak diterima"),
        ("tanpa_ekstensi", PDF, "tanpa ekstensi"),
        ("palsu.pdf", b"MZ\x90\x00", "bukan berkas PDF"),
        ("kosong.pdf", b"", "kosong"),
        ("besar.pdf", b"%PDF-" + b"0" * (uploads.MAX_BYTES + 1), "paling besar"),
    ],
)
def test_bad_uploads_are_refused(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    with pytest.raises(uploads.UploadError, match=message):
        uploads.store(tmp_path / "rencana_aksi.xlsx", "I.1.1", name, data)
    assert not (tmp_path / uploads.UPLOAD_DIR).exists() or not any(
        (tmp_path / uploads.UPLOAD_DIR).rglob("*.*")
    )


def test_uploads_are_stored_per_action_and_never_overwritten(tmp_path: Path) -> None:
    workbook = tmp_path / "rencana_aksi.xlsx"
    first = uploads.store(workbook, "III.3.2", "Notulen.pdf", PDF)
    second = uploads.store(workbook, "III.3.2", "Notulen.pdf", PDF + b"2")
    assert (first, second) == ("bukti/III.3.2/Notulen.pdf", "bukti/III.3.2/Notulen-2.pdf")
    assert (tmp_path / second).read_bytes() == PDF + b"2"
    assert (tmp_path / first).stat().st_mode & 0o777 == 0o644


def test_uploads_of_one_name_at_the_same_moment_all_keep_their_file(tmp_path: Path) -> None:
    # The name check and the write were apart: two threads lost a file in 29 of 30 trials.
    def upload(workbook: Path, data: bytes, start: threading.Barrier, stored: list[str]) -> None:
        start.wait()
        stored.append(uploads.store(workbook, "III.3.2", "Notulen.pdf", data))

    for trial in range(40):
        workbook = tmp_path / f"t{trial}" / "rencana_aksi.xlsx"
        contents = [PDF + f"{trial}-{n}".encode() * 2000 for n in range(4)]
        start = threading.Barrier(len(contents))
        stored: list[str] = []
        threads = [
            threading.Thread(target=upload, args=(workbook, data, start, stored))
            for data in contents
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(set(stored)) == len(contents), f"trial {trial}: {stored}"
        kept = {(workbook.parent / path).read_bytes() for path in stored}
        assert kept == set(contents), f"trial {trial}: a file was overwritten"


def test_an_upload_into_a_read_only_folder_is_said_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook = tmp_path / "rencana_aksi.xlsx"
    uploads.store(workbook, "III.3.2", "Notulen.pdf", PDF)
    make_read_only(monkeypatch, tmp_path)
    for action in ("III.3.2", "I.1.1"):  # its folder there already, or still to be made
        with pytest.raises(WorkbookError, match="tidak ada izin menulis") as info:
            uploads.store(workbook, action, "Notulen.pdf", PDF + b"2")
        assert "Permission denied" not in str(info.value)
    monkeypatch.undo()
    assert sorted(p.name for p in (tmp_path / "bukti").rglob("*")) == ["III.3.2", "Notulen.pdf"]


def test_a_read_only_folder_refuses_the_upload_with_the_workbook_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = factory.mixed(tmp_path / "rencana_aksi.xlsx")
    plan = load_plan(path)
    before = path.read_bytes()
    make_read_only(monkeypatch, tmp_path)
    with pytest.raises(WorkbookError, match="hanya-baca"):
        uploads.attach(plan, ITEM, "Notulen.pdf", PDF, "budi")
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "link",
    [
        "../rahasia.pdf",
        "bukti/../rahasia.pdf",
        "bukti/I.1.1/../../rahasia.pdf",
        "/etc/passwd",
        "https://drive.example/berkas.pdf",
        "bukti/I.1.1/tidak-ada.pdf",
        "bukti/I.1.1",
        "",
    ],
)
def test_only_uploaded_files_are_served(tmp_path: Path, link: str) -> None:
    workbook = tmp_path / "rencana_aksi.xlsx"
    (tmp_path / "rahasia.pdf").write_bytes(PDF)
    uploads.store(workbook, "I.1.1", "ada.pdf", PDF)
    assert uploads.local_file(workbook, link) is None


def test_an_uploaded_file_is_found_from_its_link(tmp_path: Path) -> None:
    workbook = tmp_path / "rencana_aksi.xlsx"
    link = uploads.store(workbook, "I.1.1", "ada.pdf", PDF)
    assert uploads.local_files(workbook, {"I.1.1/1": link, "I.1.1/2": "https://x"}) == {
        "I.1.1/1": [tmp_path / "bukti" / "I.1.1" / "ada.pdf"]
    }


def test_a_symlink_out_of_the_upload_folder_is_not_served(tmp_path: Path) -> None:
    workbook = tmp_path / "rencana_aksi.xlsx"
    (tmp_path / "rahasia.pdf").write_bytes(PDF)
    folder = tmp_path / "bukti" / "I.1.1"
    folder.mkdir(parents=True)
    (folder / "pintas.pdf").symlink_to(tmp_path / "rahasia.pdf")
    assert uploads.local_file(workbook, "bukti/I.1.1/pintas.pdf") is None


# --- several links and files per item ---------------------------------------------------------


def _workbook(folder: Path, link: str = DRIVE) -> Path:
    """A small plan: I.1.1/1 (Belum Ada) with `link` in its Tautan, I.1.1/2 without."""
    return factory.make_workbook(
        folder / "rencana_aksi.xlsx",
        [factory.action("I.1.1")],
        [
            factory.evidence("I.1.1", 1, **{EvidenceCol.LINK: link}),
            factory.evidence("I.1.1", 2),
        ],
    )


def _item(workbook: Path, item: str = ITEM) -> dict[str, object]:
    return factory.saved_row(workbook, Sheet.EVIDENCE, item)


def test_an_upload_keeps_the_drive_link_and_the_log_shows_old_and_new(tmp_path: Path) -> None:
    workbook = _workbook(tmp_path)
    stored = uploads.attach(load_plan(workbook), ITEM, "Notulen Rapat.pdf", PDF, "budi")
    assert stored == "bukti/I.1.1/Notulen-Rapat.pdf"
    row = _item(workbook)
    assert row[EvidenceCol.LINK] == f"{DRIVE}\n{stored}"
    assert row[EvidenceCol.STATUS] == EvidenceStatus.PRESENT
    log = load_plan(workbook).history
    link_log = log[log[LogCol.COLUMN] == EvidenceCol.LINK].iloc[-1]
    assert (link_log[LogCol.ID], link_log[LogCol.OLD], link_log[LogCol.NEW]) == (
        ITEM,
        DRIVE,
        f"{DRIVE}\n{stored}",
    )


def test_a_second_upload_adds_a_third_line_and_every_file_is_listed(tmp_path: Path) -> None:
    workbook = _workbook(tmp_path)
    plan = load_plan(workbook)  # the same, now stale, plan for both uploads
    first = uploads.attach(plan, ITEM, "Notulen.pdf", PDF, "budi")
    second = uploads.attach(plan, ITEM, "Notulen.pdf", PDF + b"2", "ani")
    assert (first, second) == ("bukti/I.1.1/Notulen.pdf", "bukti/I.1.1/Notulen-2.pdf")
    text = str(_item(workbook)[EvidenceCol.LINK])
    assert text.splitlines() == [DRIVE, first, second]
    assert (tmp_path / first).read_bytes() == PDF and (tmp_path / second).read_bytes() == PDF + b"2"
    links = {ITEM: text, "I.1.1/2": ""}
    assert uploads.local_files(workbook, links) == {ITEM: [tmp_path / first, tmp_path / second]}
    assert list(uploads.downloads(workbook, links)) == [
        "I.1.1/1 · Notulen.pdf",
        "I.1.1/1 · Notulen-2.pdf",
    ]


def test_a_link_typed_after_the_page_loaded_is_kept(tmp_path: Path) -> None:
    workbook = _workbook(tmp_path)
    plan = load_plan(workbook)
    typed = f"{DRIVE}\nhttps://drive.google.com/file/d/2XyZ"
    factory.save_now(workbook, {Sheet.EVIDENCE: {ITEM: {EvidenceCol.LINK: typed}}}, user="ani")
    stored = uploads.attach(plan, ITEM, "foto.png", PNG, "budi")
    assert _item(workbook)[EvidenceCol.LINK] == f"{typed}\n{stored}"


def test_a_refused_upload_removes_only_its_own_file(tmp_path: Path) -> None:
    workbook = _workbook(tmp_path)
    first = uploads.attach(load_plan(workbook), ITEM, "Notulen.pdf", PDF, "budi")
    owner = workbook.with_name(f"~${workbook.name}")
    owner.write_bytes(factory.excel_owner_file("Siti Rahayu"))
    with pytest.raises(WorkbookBusyError, match="Siti Rahayu"):
        uploads.attach(load_plan(workbook), ITEM, "Notulen.pdf", PDF + b"2", "budi")
    assert sorted(p.name for p in (tmp_path / "bukti" / "I.1.1").iterdir()) == ["Notulen.pdf"]
    assert _item(workbook)[EvidenceCol.LINK] == f"{DRIVE}\n{first}"


def test_a_penilai_upload_is_refused_and_leaves_no_file(tmp_path: Path) -> None:
    workbook = _workbook(tmp_path)
    before = workbook.read_bytes()
    with pytest.raises(WorkbookError, match="penilai"):
        uploads.attach(load_plan(workbook), ITEM, "Notulen.pdf", PDF, "sari", Role.ASSESSOR)
    assert workbook.read_bytes() == before
    assert not list((tmp_path / "bukti").rglob("*.pdf"))


def test_an_upload_for_an_item_no_longer_in_the_workbook_is_refused(tmp_path: Path) -> None:
    workbook = _workbook(tmp_path)
    with pytest.raises(
        WorkbookError, match=re.escape('"I.1.1/9" tidak ada lagi di lembar "Bukti"')
    ):
        uploads.attach(load_plan(workbook), "I.1.1/9", "Notulen.pdf", PDF, "budi")
    assert not (tmp_path / "bukti").exists()


@pytest.mark.parametrize(
    "bad",
    [
        "../rahasia.pdf",
        "bukti/../rahasia.pdf",
        "bukti/I.1.1/../../rahasia.pdf",
        "/etc/passwd",
        str(Path("/tmp")),
        "bukti/I.1.1/pintas.pdf",  # a symlink out of bukti/
        "bukti/I.1.1/tidak-ada.pdf",
        "bukti/I.1.1",
        "https://drive.example/bukti/I.1.1/ada.pdf",
        "file:///bukti/I.1.1/ada.pdf",
    ],
)
def test_each_line_is_checked_on_its_own(tmp_path: Path, bad: str) -> None:
    workbook = tmp_path / "rencana_aksi.xlsx"
    (tmp_path / "rahasia.pdf").write_bytes(PDF)
    good = uploads.store(workbook, "I.1.1", "ada.pdf", PDF)
    (tmp_path / "bukti" / "I.1.1" / "pintas.pdf").symlink_to(tmp_path / "rahasia.pdf")
    for text in (f"{bad}\n{good}", f"{good}\r\n  {bad}  ", f"{bad}\n\n{good}\n{good}"):
        assert uploads.local_files(workbook, {ITEM: text, "I.1.1/2": bad}) == {
            ITEM: [tmp_path / good]
        }


@pytest.mark.parametrize(
    ("line", "kind", "url"),
    [
        (DRIVE, uploads.KIND_WEB, DRIVE),
        ("bukti/I.1.1/ada.pdf", uploads.KIND_FILE, None),
        ("bukti/I.1.1/hilang.pdf", uploads.KIND_MISSING, None),
        ("../rahasia.pdf", uploads.KIND_OTHER, None),
        ("javascript:alert(1)", uploads.KIND_OTHER, None),
        ("[klik](https://x.example)", uploads.KIND_OTHER, None),
        ("Map arsip, lemari 2", uploads.KIND_OTHER, None),
    ],
)
def test_the_listing_says_what_each_line_is(tmp_path: Path, line: str, kind, url) -> None:
    workbook = _workbook(tmp_path, f"{line}\n{DRIVE}")
    uploads.store(workbook, "I.1.1", "ada.pdf", PDF)
    listing = uploads.listing(workbook, load_plan(workbook).evidence)
    assert listing.to_dict("records")[0] == {
        EvidenceCol.ID: ITEM,
        EvidenceCol.ITEM: "Dokumen 1 untuk I.1.1",
        uploads.KIND: kind,
        EvidenceCol.LINK: url,
        uploads.LINE: line,
    }
    assert len(listing) == 2 and listing[EvidenceCol.LINK].iloc[1] == DRIVE


def test_only_items_with_a_line_in_tautan_are_listed(tmp_path: Path) -> None:
    workbook = _workbook(tmp_path, f"  \n{DRIVE}")
    plan = load_plan(workbook)
    linked = uploads.linked_items(plan)
    assert list(linked[EvidenceCol.ID]) == [ITEM]  # I.1.1/2 has no Tautan
    assert uploads.listing(workbook, linked).equals(uploads.listing(workbook, plan.evidence))


def test_files_of_the_same_name_keep_apart_in_the_downloads(tmp_path: Path) -> None:
    workbook = tmp_path / "rencana_aksi.xlsx"
    a = uploads.store(workbook, "I.1.1", "Notulen.pdf", PDF)
    b = uploads.store(workbook, "I.1.2", "Notulen.pdf", PDF)
    assert uploads.downloads(workbook, {ITEM: f"{a}\n{b}", "I.1.2/1": b}) == {
        "I.1.1/1 · I.1.1/Notulen.pdf": tmp_path / a,
        "I.1.1/1 · I.1.2/Notulen.pdf": tmp_path / b,
        "I.1.2/1 · Notulen.pdf": tmp_path / b,
    }


def test_the_bukti_page_offers_every_file_and_link(monkeypatch, workbook_copy: Path) -> None:
    factory.save_now(workbook_copy, {Sheet.EVIDENCE: {ITEM: {EvidenceCol.LINK: DRIVE}}})
    plan = load_plan(workbook_copy)
    stored = [
        uploads.attach(plan, ITEM, name, data, "budi")
        for name, data in [("Notulen.pdf", PDF), ("foto.png", PNG), ("Notulen.pdf", PDF + b"2")]
    ]
    at = factory.run_page(monkeypatch, workbook_copy, "pages/bukti.py")
    assert not at.exception
    assert [e.label for e in at.expander if e.label.startswith("Berkas bukti")] == [
        "Berkas bukti yang diunggah (3) dan tautan (1)"
    ]
    labels = ["I.1.1/1 · Notulen.pdf", "I.1.1/1 · foto.png", "I.1.1/1 · Notulen-2.pdf"]
    assert at.selectbox[0].options == labels
    listing = at.dataframe[-1].value
    assert listing[uploads.LINE].tolist() == [DRIVE, *stored]
    assert listing[EvidenceCol.LINK].fillna("").tolist() == [DRIVE, "", "", ""]
    assert all(DRIVE not in m.value for m in at.markdown)
    buttons = set()
    for label in labels:  # a download button for each file (its id hashes the file name)
        button = at.selectbox[0].select(label).run().get("download_button")[-1]
        assert button.proto.label == "Unduh berkas"
        buttons.add(button.proto.id)
    assert len(buttons) == 3

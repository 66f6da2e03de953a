"""Columns of real plans: only the action is required, the rest read when there, said when not."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from zi_dash.analysis import metrics
from zi_dash.base import ActionCol, EvidenceCol, EvidenceStatus, Sheet, is_web_link, split_links
from zi_dash.edit import layout
from zi_dash.lke import bank
from zi_dash.newplan import intake_from
from zi_dash.sk import SourceError, action_rows, evidence_rows, read_table
from zi_dash.workbook import load_plan

AREA = ["I. MANAJEMEN PERUBAHAN"]


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        # (header row, one action row, {SkRow field: value})
        (["Kegiatan"], ["Rapat pembentukan tim"], {"step": "Rapat pembentukan tim"}),
        (["Uraian", "Output"], ["Sosialisasi", "Laporan"], {"step": "Sosialisasi"}),
        (
            ["No", "Rencana Kerja", "Produk Output"],
            ["1", "Menyusun SOP", "Dokumen SOP"],
            {"step": "Menyusun SOP", "evidence": "Dokumen SOP"},
        ),
        (
            ["rencana_aksi", "bukti_pendukung", "pjk"],
            ["Rapat tim", "Notula", "Tim A"],
            {"step": "Rapat tim", "evidence": "Notula", "pic": "Tim A"},
        ),
        (
            ["PERTANYAAN", "RENCANA AKSI", "BUKTI DUKUNG", "PETUGAS"],
            ["Apakah tim dibentuk?", "Membentuk tim", "SK tim", "Budi"],
            {"indicator": "Apakah tim dibentuk?", "step": "Membentuk tim", "pic": "Budi"},
        ),
        (
            ["Indikator", "Langkah Aksi", "output", "link_bukti"],
            ["Ind", "Aksi", "Laporan", "https://contoh.test/a"],
            {"evidence": "Laporan", "links": "https://contoh.test/a"},
        ),
        (
            ["Rencana Aksi", "Penanggung Jawab", "Keterangan"],
            ["Aksi", "Kasubbag", "catatan bebas"],
            {"pic": "Kasubbag", "evidence": "", "target": "", "notes": "catatan bebas"},
        ),
    ],
)
def test_header_layouts_of_real_plans(
    header: list[str], row: list[str], expected: dict[str, str]
) -> None:
    read = read_table([["RENCANA KERJA ZI KANTOR X"], header, AREA, row])
    got = read.rows[0]
    assert {k: getattr(got, k) for k in expected} == expected


@pytest.mark.parametrize("header", ["Keterangan", "KETERANGAN", "keterangan", "Ket."])
@pytest.mark.parametrize(
    ("cell", "notes"),
    [
        ("Undangan belum dikirim", "Undangan belum dikirim"),
        ("1. Foto belum ada\n2.  Notula   rapat", "1. Foto belum ada\n2. Notula rapat"),
        ("baris satu\r\n\r\nbaris dua", "baris satu\nbaris dua"),
        ("", ""),
    ],
)
def test_a_keterangan_column_is_the_actions_catatan_with_its_lines(
    header: str, cell: str, notes: str
) -> None:
    read = read_table([["Rencana Aksi", header], AREA, ["Aksi satu", cell]])
    assert read.headers[ActionCol.NOTES] == header
    assert read.rows[0].notes == notes
    (action,) = action_rows(read.rows)
    assert action[ActionCol.NOTES] == (notes or None)  # an empty cell: an empty Catatan


def test_keterangan_reaches_the_workbook_summary_and_preview(tmp_path: Path) -> None:
    table = read_table(
        [["rencana_aksi", "keterangan"], AREA, ["Aksi A", "perlu foto\nperlu notula"], ["B", ""]]
    )
    intake = intake_from("x.csv", table, unit="Kantor X", year=2024)
    assert "Catatan ← “keterangan”" in next(n for n in intake.summary() if n.startswith("Kolom:"))
    assert list(intake.preview()[ActionCol.NOTES]) == ["perlu foto\nperlu notula", ""]
    path = tmp_path / "rencana.xlsx"
    path.write_bytes(intake.workbook())
    notes = load_plan(path).actions[ActionCol.NOTES]
    assert notes.iloc[0] == "perlu foto\nperlu notula" and not notes.iloc[1]


def test_without_keterangan_the_preview_has_no_catatan_column() -> None:
    intake = intake_from("x.csv", read_table([["Kegiatan"], AREA, ["A"]]), unit="X", year=2024)
    assert ActionCol.NOTES not in intake.preview().columns


def test_a_two_row_snake_case_header() -> None:
    read = read_table([["rencana", "bukti"], ["aksi", "dukung"], AREA, ["Rapat", "Notula"]])
    assert read.headers == {ActionCol.STEP: "rencana aksi", ActionCol.EVIDENCE: "bukti dukung"}
    assert (read.rows[0].step, read.rows[0].evidence) == ("Rapat", "Notula")


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        (["Langkah Aksi"], {"Komponen", "Indikator", "Bukti Fisik", "Target Waktu"}),
        (["Komponen", "Langkah Aksi", "Target Waktu"], {"Indikator", "Bukti Fisik"}),
        (["Komponen", "Indikator", "Langkah Aksi", "Bukti Fisik", "Target Waktu"], set()),
    ],
)
def test_missing_columns_are_notes_not_errors(header: list[str], missing: set[str]) -> None:
    row = {"Komponen": "Tim", "Target Waktu": "Juni 2022"}
    read = read_table([header, AREA, [row.get(h, "x") for h in header]])
    said = {n.split()[1] for n in read.notes if n.startswith("Kolom ") and "tidak ada" in n}
    named = {h for h in missing for n in read.notes if n.startswith(f"Kolom {h} tidak ada")}
    assert named == missing and len(said) == len(missing)


def test_without_komponen_an_lke_code_column_is_named_as_the_components_source() -> None:
    read = read_table([["kode", "rencana_aksi"], ["A.1.I.i.", "Rapat tim"]])
    (note,) = [n for n in read.notes if n.startswith("Kolom Komponen tidak ada")]
    assert "Kode LKE" in note and "judul komponen" not in note
    assert (read.rows[0].id, read.rows[0].component) == ("I.1.1", "Penyusunan Tim Kerja")


def test_without_komponen_or_indikator_the_area_title_stands_in() -> None:
    read = read_table([["Kegiatan"], AREA, ["Rapat"], ["II. Penataan Tatalaksana"], ["SOP"]])
    assert [(r.id, r.component, r.indicator) for r in read.rows] == [
        ("I.1.1", "Manajemen Perubahan", "Manajemen Perubahan"),
        ("II.1.1", "Penataan Tata Laksana", "Penataan Tata Laksana"),
    ]


def test_a_table_without_an_action_column_names_the_headers_it_saw() -> None:
    with pytest.raises(SourceError) as caught:
        read_table(
            [["Judul panjang kantor"], ["Nomor Surat", "Perihal", "Tanggal"], ["1", "x", "y"]]
        )
    assert "kolom Langkah Aksi tidak ditemukan" in str(caught.value)
    assert "Nomor Surat, Perihal, Tanggal" in str(caught.value)
    assert "Judul panjang" not in str(caught.value)


def _question(n: int) -> str:
    return bank().questions[n].text


def test_two_action_columns_the_one_holding_lke_questions_is_the_indicator() -> None:
    header = ["rencana_kerja", "rencana_aksi", "output"]
    rows = [[_question(n), f"Aksi {n}", "Laporan"] for n in range(3)]
    read = read_table([header, AREA, *rows])
    assert [(r.indicator, r.step) for r in read.rows] == [
        (_question(n), f"Aksi {n}") for n in range(3)
    ]
    assert read.headers[ActionCol.INDICATOR] == "rencana_kerja"
    assert read.headers[ActionCol.STEP] == "rencana_aksi"
    assert any("100% isinya teks pertanyaan LKE" in n for n in read.notes)


def test_two_action_columns_without_lke_text_the_last_is_the_action_and_it_is_said() -> None:
    read = read_table([["Kegiatan", "Rencana Aksi"], AREA, ["Rapat A", "Undang peserta"]])
    assert read.rows[0].step == "Undang peserta"
    assert any("“Kegiatan” tidak dipakai" in n for n in read.notes)


@pytest.mark.parametrize(
    ("evidence", "items"),
    [
        ("", []),  # no invented "Bukti fisik" item
        ("   ", []),
        ("Laporan kegiatan", ["Laporan kegiatan"]),
    ],
)
def test_evidence_items(evidence: str, items: list[str]) -> None:
    read = read_table([["Rencana Aksi", "Bukti Fisik"], AREA, ["Aksi", "-"]])
    row = dataclasses.replace(read.rows[0], evidence=evidence)
    assert [e["Bukti"] for e in evidence_rows([row])] == items


_TWO = "SK tim; notula rapat"
_THREE = "SK tim; notula rapat; foto kegiatan"
_A, _B, _C = "https://contoh.test/a", "https://contoh.test/b", "https://contoh.test/c"


@pytest.mark.parametrize(
    ("evidence", "cell", "tautan"),
    [
        # As many links as items: paired in order, whatever separates them.
        (_TWO, f"{_A} {_B}", [_A, _B]),
        (_TWO, f"{_A}\n{_B}", [_A, _B]),
        (_TWO, f"{_A}, {_B}", [_A, _B]),
        (_TWO, f"{_A};{_B}", [_A, _B]),
        ("Laporan", _A, [_A]),
        ("Laporan", "https://contoh.test/x?a=1,2", ["https://contoh.test/x?a=1,2"]),
        # One link (a folder) for several items: kept once, on the first item.
        (_TWO, _A, [_A, None]),
        (_THREE, f"  {_A}  ", [_A, None, None]),
        # Links not one per item: all kept on the first item, one per line.
        (_THREE, f"{_A} {_B}", [f"{_A}\n{_B}", None, None]),
        (_TWO, f"{_A} {_B} {_C}", [f"{_A}\n{_B}\n{_C}", None]),
        # Only http(s) addresses are links: the rest is listed, never a Tautan.
        ("Laporan", "-", [None]),
        ("Laporan", "belum", [None]),
        ("Laporan", "laporan_rapat.pdf", [None]),
        ("Laporan", "ftp://contoh.test/a", [None]),
        ("Laporan", f"{_A} (folder)", [_A]),
        ("Laporan", "", [None]),
        # No evidence item: no link placed anywhere (the preview names the row).
        ("", _A, []),
        # An address's own characters: a query's "&region=" is no HTML entity ("®ion=");
        # a closed entity of an HTML export is; a sentence's full stop is no part of it.
        ("Laporan", f"{_A}?a=1&region=id&copy=2", [f"{_A}?a=1&region=id&copy=2"]),
        ("Laporan", f"{_A}?a=1&amp;b=2", [f"{_A}?a=1&b=2"]),
        ("Laporan", f"lihat {_A}.", [_A]),
        (_TWO, f"{_A}<br>{_B}", [_A, _B]),
        # Brackets around an address in a sentence are not part of it; its own pair stays.
        ("Laporan", f"lihat ({_A}).", [_A]),
        ("Laporan", f"{_A}/Daftar_(2024)", [f"{_A}/Daftar_(2024)"]),
    ],
)
def test_link_cells_pair_with_the_evidence_items(
    evidence: str, cell: str, tautan: list[str | None]
) -> None:
    header = ["Rencana Aksi", "Bukti Pendukung", "link_bukti"]
    read = read_table([header, AREA, ["Aksi", "x", "y"]])
    row = dataclasses.replace(read.rows[0], evidence=evidence, links=cell)
    items = evidence_rows([row])
    assert [e[EvidenceCol.LINK] for e in items] == tautan
    # A link is not a verified document: every item starts Belum Ada.
    assert {e[EvidenceCol.STATUS] for e in items} <= {EvidenceStatus.MISSING}


def test_the_table_reader_hands_the_link_cell_over_as_typed() -> None:
    typed = f"{_A}?a=1&region=id"
    header = ["Rencana Aksi", "Bukti Pendukung", "link_bukti"]
    (row,) = read_table([header, AREA, ["Aksi", "Laporan", typed]]).rows
    assert row.links == typed
    assert [e[EvidenceCol.LINK] for e in evidence_rows([row])] == [typed]


def _link_plan(rows: list[list[str]], header: tuple[str, ...] = ()) -> list[str]:
    columns = list(header or ("Rencana Aksi", "Bukti Pendukung", "link_bukti"))
    table = read_table([columns, AREA, *rows])
    return intake_from("x.csv", table, unit="Kantor X", year=2024).summary()


@pytest.mark.parametrize(
    ("rows", "said"),
    [
        ([["A", _TWO, f"{_A} {_B}"]], "Kolom “link_bukti”: 2 tautan disimpan di kolom Tautan "
         "lembar Bukti; Status Bukti tetap Belum Ada"),
        ([["A", _TWO, _A], ["B", "Foto", _B]], "satu tautan untuk beberapa butir bukti "
         "(biasanya satu folder) disimpan sekali, pada butir pertama: I.1.1."),
        ([["A", _THREE, f"{_A} {_B}"]], "jumlah tautan tidak sama dengan jumlah butir bukti, "
         "semua tautannya disimpan pada butir pertama: I.1.1."),
        ([["A", "", _A], ["B", "Foto", _B]], "tautan tanpa butir bukti tidak diimpor (lembar "
         "Bukti memerlukan nama butir; isi kolom “Bukti Pendukung” lalu impor lagi): I.1.1."),
        ([["A", "Foto", "-"], ["B", "Foto", "belum"], ["C", "Foto", "-"]], "isi yang bukan "
         "tautan http(s) tidak diimpor: “-” (I.1.1, I.1.3); “belum” (I.1.2)."),
    ],
)  # fmt: skip
def test_the_summary_says_what_became_of_each_link(rows: list[list[str]], said: str) -> None:
    assert any(said in line for line in _link_plan(rows))


def test_a_link_column_without_an_evidence_column_names_the_rows_not_imported() -> None:
    summary = _link_plan([["A", _A], ["B", ""], ["C", _C]], ("Kegiatan", "link_bukti"))
    assert (
        "Kolom “link_bukti”: tautan tanpa butir bukti tidak diimpor (lembar Bukti memerlukan "
        "nama butir; isi kolom Bukti Fisik lalu impor lagi): I.1.1, I.1.3." in summary
    )
    assert not any("disimpan" in line for line in summary)


def test_imported_links_pass_the_workbooks_own_link_reading(tmp_path: Path) -> None:
    header = ["Rencana Aksi", "Bukti Pendukung", "link_bukti"]
    table = read_table([header, AREA, ["A", _THREE, f"{_A}, {_B}"], ["B", _TWO, f"{_A} {_C}"]])
    path = tmp_path / "rencana.xlsx"
    path.write_bytes(intake_from("x.csv", table, unit="Kantor X", year=2024).workbook())
    evidence = load_plan(path).evidence
    links = [split_links(t) for t in evidence[EvidenceCol.LINK] if isinstance(t, str) and t]
    assert links == [[_A, _B], [_A], [_C]]
    assert all(is_web_link(line) for lines in links for line in lines)
    assert set(evidence[EvidenceCol.STATUS]) == {EvidenceStatus.MISSING}


@pytest.mark.parametrize(
    ("header", "targets", "target", "outcome"),
    [
        # A bare "Target" of outcomes: Target Keluaran, no Target Waktu.
        ("Target", ["Terbentuk agen perubahan", "Tersusun SOP"], "", "Terbentuk agen perubahan"),
        # Mostly dates: Target Waktu, as before.
        ("Target", ["Juni 2023", "Maret 2023"], "Juni 2023", ""),
        # "Target Waktu" says what it holds: never moved, even when it does not read.
        ("Target Waktu", ["Terbentuk agen", "Tersusun SOP"], "Terbentuk agen", ""),
    ],
)
def test_a_target_column_of_outcomes_is_kept_as_text(
    header: str, targets: list[str], target: str, outcome: str
) -> None:
    rows = [[f"Aksi {i}", t] for i, t in enumerate(targets)]
    table = read_table([["Kegiatan", header], AREA, *rows])
    intake = intake_from("x.csv", table, unit="Kantor X", year=2023)
    first = intake.table.rows[0]
    assert (first.target, first.outcome) == (target, outcome)
    said = [n for n in intake.summary() if n.startswith(f"Kolom “{header}” dibaca")]
    assert len(said) == (header == "Target")
    if outcome:
        assert "Target Keluaran (teks), bukan Target Waktu: hanya 0 dari 2" in said[0]
        assert list(intake.preview()[ActionCol.OUTCOME]) == targets


def test_actions_without_a_target_are_listed_not_refused() -> None:
    table = read_table([["Kegiatan", "Target Waktu"], AREA, ["A", "Juni 2023"], ["B", ""]])
    intake = intake_from("x.csv", table, unit="Kantor X", year=2023)
    assert intake.unread == [] and intake.no_target == ["I.1.2"]
    assert "Aksi yang belum ada target waktu: I.1.2." in intake.summary()
    assert list(intake.preview()["Bacaan Target"])[1] == "belum ada target waktu"
    assert intake.workbook()  # written: a missing target is not an error


def test_a_plan_without_targets_loads_and_lists_them_as_without_one(tmp_path: Path) -> None:
    header = ["Rencana Aksi", "Target"]
    table = read_table([header, AREA, ["A", "Terbentuk tim"], ["B", "Tersusun SOP"]])
    intake = intake_from("x.csv", table, unit="Kantor X", year=2023)
    path = tmp_path / "rencana.xlsx"
    path.write_bytes(intake.workbook())
    plan = load_plan(path)
    assert list(plan.actions[ActionCol.OUTCOME]) == ["Terbentuk tim", "Tersusun SOP"]
    assert layout.editor_columns(plan, Sheet.ACTIONS)[:4] == (
        ActionCol.ID,
        ActionCol.INDICATOR,
        ActionCol.TARGET,
        ActionCol.OUTCOME,
    )
    assert plan.evidence.empty  # no evidence column: no invented item
    listed = metrics.unreadable_targets(plan)
    assert list(listed["problem"]) == ["belum ada target waktu"] * 2

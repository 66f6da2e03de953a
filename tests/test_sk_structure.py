"""The structure of real plans (issue 22): an action's area from LKE codes, a pilar column, the
LKE question text, a sheet per area or a heading; component title rows; Word tables repeated per
page. Every row here is invented in the layouts offices keep."""

from __future__ import annotations

import io

import docx
import openpyxl
import pytest

from zi_dash.base import ActionCol
from zi_dash.lke import bank
from zi_dash.newplan import BY_OPTION, read_intake
from zi_dash.sk import SourceError, action_rows, read_source, read_table
from zi_dash.sk.areas import Place, code_place, is_section, pilar_area, question_place
from zi_dash.workbook import load_plan

FIRST_Q = bank().questions[0]  # row 6: area I, Pemenuhan, sub-component i, question a


@pytest.mark.parametrize(
    ("code", "letter", "expected"),
    [
        ("A.1.I.i.", "a", Place("I", (6,), "1. Penyusunan Tim Kerja")),
        ("A.1.I.i.", "", Place("I", (6, 7), "1. Penyusunan Tim Kerja")),
        ("A.1.I.i.b.", "", Place("I", (7,), "1. Penyusunan Tim Kerja")),
        # Reform sub-components follow the area's Pemenuhan ones: IV has 2, so A.2.IV.i. is 3.
        ("A.2.IV.i.", "a", Place("IV", (157,), "3. Meningkatnya capaian kinerja unit kerja")),
        ("A.1.IV.ix.", "a", Place("IV")),  # no ninth sub-component: the area, no rows
        ("1.a", "", Place("I")),
        ("III", "", Place("III")),
        ("Rapat koordinasi", "", None),
        ("A.1.VII.i.", "", None),
        ("", "", None),
    ],
)
def test_lke_codes_place_an_action(code: str, letter: str, expected: Place | None) -> None:
    assert code_place(code, letter) == expected


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("1. Manajemen Perubahan", "I"),
        ("3", "III"),
        ("VI", "VI"),
        ("Penguatan Pengawasan", "V"),
        ("7", None),
        ("Sekretariat", None),
    ],
)
def test_a_pilar_cell_names_the_zi_area(text: str, area: str | None) -> None:
    assert pilar_area(text) == area


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("I. Pemenuhan", True),
        ("II. Reform", True),
        ("reform", True),
        ("Manajemen Perubahan", False),
    ],
)
def test_an_area_column_may_name_the_lke_part(text: str, section: bool) -> None:
    assert is_section(text) is section


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FIRST_Q.text, Place("I", (6,))),
        ("a.  " + FIRST_Q.text.upper() + ".", Place("I", (6,))),
        (FIRST_Q.text + " dan lainnya", None),  # not exact: refused, not guessed
        ("", None),
    ],
)
def test_the_lke_question_text_places_an_action(text: str, expected: Place | None) -> None:
    assert question_place(text) == expected


def _row(read, i: int = 0) -> tuple[str, str, str, str]:
    r = read.rows[i]
    return r.id, r.component, r.step, r.lke


CODED = [
    ["kode", "sub_deskripsi", "rencana_aksi", "output", "pjk"],
    ["A.1.I.i.", "a", "Rapat tim", "Undangan", "Tim A"],
    ["A.1.I.i.", "b", "Susun SK", "SK", ""],
    ["A.2.IV.i.", "a", "Evaluasi capaian", "Laporan", ""],
]
PILAR = [
    ["area", "pilar", "sub_pilar", "rencana_aksi"],
    [
        "I. Pemenuhan",
        "2. Penataan Tatalaksana",
        "ii. Sistem Pemerintahan Berbasis Elektronik (SPBE)",
        "Susun peta SPBE",
    ],
    ["II. Reform", "5", "i. Mekanisme Pengendalian", "Rapat pengendalian"],
]
QUESTION = [
    ["pertanyaan", "rencana_aksi"],
    [FIRST_Q.text, "Bentuk tim"],
]
TITLED = [  # numbered components spanning the table, actions a./b. under them
    ["No", "Kegiatan", "Target", "Bukti Pendukung"],
    ["1", "Pembentukan Tim", "", ""],
    ["a.", "Rapat tim", "Tim terbentuk", "SK"],
    ["b.", "Rapat anggota", "Anggota terpilih", "Notulen"],
    ["2", "Penyusunan Rencana", "", ""],
    ["a.", "Susun rencana", "Rencana ada", "Dokumen"],
]
REPEATED = [  # a title over the header repeated per component; a group row without output
    ["Halaman rencana kerja"],
    [""],
    ["Pembentukan Tim"],
    ["Rencana Kerja", "Produk Output"],
    ["Rapat tim", "Undangan"],
    [""],
    ["Sosialisasi"],
    ["Rencana Kerja", "Produk Output"],
    ["Kampanye publik", ""],
    ["Sosialisasi media sosial", "Poster"],
    ["Sosialisasi spanduk", "Spanduk"],
]


@pytest.mark.parametrize(
    ("grid", "area", "expected"),
    [
        (
            CODED,
            None,
            [
                ("I.1.1", "Penyusunan Tim Kerja", "Rapat tim", "6"),
                ("I.1.2", "Penyusunan Tim Kerja", "Susun SK", "7"),
                ("IV.3.1", "Meningkatnya capaian kinerja unit kerja", "Evaluasi capaian", "157"),
            ],
        ),
        (
            PILAR,
            None,
            [
                ("II.2.1", "Sistem Pemerintahan Berbasis Elektronik (SPBE)", "Susun peta SPBE", ""),
                ("V.6.1", "Mekanisme Pengendalian", "Rapat pengendalian", ""),
            ],
        ),
        (QUESTION, None, [("I.1.1", "Manajemen Perubahan", "Bentuk tim", "6")]),
        (
            TITLED,
            "I",
            [
                ("I.1.1", "Pembentukan Tim", "Rapat tim", ""),
                ("I.1.2", "Pembentukan Tim", "Rapat anggota", ""),
                ("I.2.1", "Penyusunan Rencana", "Susun rencana", ""),
            ],
        ),
        (
            REPEATED,
            "II",
            [
                ("II.1.1", "Pembentukan Tim", "Rapat tim", ""),
                ("II.3.1", "Kampanye publik", "Sosialisasi media sosial", ""),
                ("II.3.2", "Kampanye publik", "Sosialisasi spanduk", ""),
            ],
        ),
    ],
    ids=["lke-codes", "pilar-and-part", "question-text", "numbered-titles", "title-over-header"],
)
def test_layouts_read_their_areas_components_and_lke_rows(grid, area, expected) -> None:
    read = read_table(grid, area=area)
    assert [_row(read, i) for i in range(len(read.rows))] == expected


def test_lke_rows_reach_the_new_workbooks_baris_lke() -> None:
    rows = action_rows(read_table(CODED).rows)
    assert [r[ActionCol.LKE_ROWS] for r in rows] == ["6", "7", "157"]


def test_rows_without_an_area_name_what_is_missing() -> None:
    with pytest.raises(SourceError, match="sebelum judul area"):
        read_table(TITLED)


def _xlsx(sheets: dict[str, list[list[str]]]) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, grid in sheets.items():
        ws = wb.create_sheet(name)
        for row in grid:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


SHEET = [["Rencana Kerja", "Produk Output"], ["Rapat", "Undangan"], ["Evaluasi", "Laporan"]]


def test_a_sheet_per_area_reads_every_sheet_and_names_those_left_out() -> None:
    data = _xlsx(
        {
            "Sampul": [["Rencana kerja ZI 2030"]],
            "1. Manajemen Perubahan": SHEET,
            "PENATAAN TATALAKSANA": SHEET,
            "Sekretariat": SHEET,
            "kosong": [],
        }
    )
    read = read_source("rencana.xlsx", data)
    assert read.areas == {"I": 2, "II": 2}
    assert [r.id for r in read.rows] == ["I.1.1", "I.1.2", "II.1.1", "II.1.2"]
    left = [n for n in read.notes if n.startswith("Lembar ")]
    assert left[0] == 'Lembar yang dibaca: "1. Manajemen Perubahan", "PENATAAN TATALAKSANA".'
    assert left[1].startswith('Lembar "Sampul" tidak dibaca (bukan tabel rencana aksi)')
    assert left[2].startswith('Lembar "Sekretariat" tidak dibaca (bukan area ZI)')
    assert len(left) == 3  # the empty sheet needs no reason


def test_two_sheets_of_one_area_keep_their_ids_apart() -> None:
    read = read_source(
        "r.xlsx", _xlsx({"Penguatan Pengawasan": SHEET, "penguatan pengawasan (2)": SHEET})
    )
    assert [r.id for r in read.rows] == ["V.1.1", "V.1.2", "V.2.1", "V.2.2"]


def test_a_workbook_without_a_plan_sheet_names_each_sheets_headers() -> None:
    data = _xlsx({"Satu": [["Nama", "Alamat"]], "Dua": [["Tanggal", "Jumlah"]]})
    with pytest.raises(SourceError) as caught:
        read_source("r.xlsx", data)
    assert 'lembar "Satu"' in str(caught.value) and "Nama, Alamat" in str(caught.value)
    assert 'lembar "Dua"' in str(caught.value) and "Tanggal, Jumlah" in str(caught.value)


def _docx_pages() -> bytes:
    document = docx.Document()
    document.add_paragraph("Penataan Tatalaksana")
    header = ["No", "Kegiatan", "Bukti Pendukung"]
    pages = [
        [["1", "Peta Proses Bisnis", ""], ["a.", "Susun peta", "Dokumen peta"]],
        [["b.", "Sahkan peta", "SK peta"], ["2", "SOP", ""], ["a.", "Evaluasi SOP", "Laporan"]],
    ]
    for rows in pages:
        table = document.add_table(rows=0, cols=3)
        for cells in [header, *rows]:
            row = table.add_row()
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
        document.add_page_break()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_word_tables_per_page_with_the_header_repeated_are_one_table() -> None:
    read = read_source("rencana.docx", _docx_pages())
    assert [(r.id, r.component, r.step) for r in read.rows] == [
        ("II.1.1", "Peta Proses Bisnis", "Susun peta"),
        ("II.1.2", "Peta Proses Bisnis", "Sahkan peta"),
        ("II.2.1", "SOP", "Evaluasi SOP"),
    ]


def test_a_sheet_of_an_area_that_does_not_read_refuses_the_import() -> None:
    broken = [["Area", "Rencana Kerja", "Produk Output"], ["Keuangan", "Rapat", "Undangan"]]
    data = _xlsx({"Manajemen Perubahan": SHEET, "Penguatan Pengawasan": broken})
    with pytest.raises(SourceError) as caught:
        read_source("r.xlsx", data)
    assert caught.value.problems == [
        "lembar \"Penguatan Pengawasan\": baris 2: area 'Keuangan' tidak dikenali sebagai area ZI"
    ]


def test_a_continuation_line_inherits_the_indicator_above_it() -> None:
    grid = [
        ["kode", "rencana_kerja", "rencana_aksi", "output"],
        ["A.1.I.i.", FIRST_Q.text, "Rapat tim", "Undangan"],
        ["A.1.I.i.", "", "Susun SK", "SK"],
    ]
    read = read_table(grid)
    assert [(r.indicator, r.step, r.lke) for r in read.rows] == [
        (FIRST_Q.text, "Rapat tim", "6"),
        (FIRST_Q.text, "Susun SK", "6"),
    ]


def test_a_chosen_sheet_takes_its_area_from_its_name() -> None:
    data = _xlsx({"Sampul": [["Rencana"]], "6. Kualitas Pelayanan Publik": SHEET})
    read = read_source("r.xlsx", data, sheet="6. Kualitas Pelayanan Publik")
    assert [r.id for r in read.rows] == ["VI.1.1", "VI.1.2"]


def test_an_action_cell_keeps_its_own_lines_through_to_the_workbook(tmp_path) -> None:
    # A checklist's action cell of labelled lines: the lines are the text, kept as written.
    step = "Uraian:  Rapat tim kerja\nOutput: Notulen\r\n\nDokumen: ND, Daftar Hadir"
    grid = [
        ["pilar", "pertanyaan", "rencana_aksi"],
        ["1. Manajemen Perubahan", "Unit telah  menyusun\nrencana kerja", step],
    ]
    (row,) = read_table(grid).rows
    assert row.step == "Uraian: Rapat tim kerja\nOutput: Notulen\nDokumen: ND, Daftar Hadir"
    assert row.indicator == "Unit telah menyusun\nrencana kerja"
    data = "\n".join(",".join(f'"{cell}"' for cell in line) for line in grid).encode()
    intake = read_intake("rencana.csv", data, unit="Satker Uji", year=2025)
    path = tmp_path / "baru.xlsx"
    path.write_bytes(intake.workbook(BY_OPTION))
    assert load_plan(path).actions.iloc[0][ActionCol.STEP] == row.step

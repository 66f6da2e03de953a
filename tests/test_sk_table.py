"""The table reader on small grids: header, title, areas, components, continuation, problems."""

from __future__ import annotations

import pytest

from zi_dash.sk import SourceError, read_table

HEADER = ["NO", "KOMPONEN", "INDIKATOR", "LANGKAH AKSI", "BUKTI FISIK", "TARGET WAKTU"]


def _row(no: str, comp: str, ind: str, step: str = "L", ev: str = "B", t: str = "Juni 2022"):
    return [no, comp, ind, step, ev, t]


def test_a_plain_table_with_title_spacers_and_a_repeated_header() -> None:
    read = read_table(
        [
            ["RENCANA AKSI KPU KOTA X"],
            [],
            HEADER,
            ["1", "2", "3", "4", "5", "6"],
            ["I", "Area Manajemen Perubahan", "", "", "", ""],
            _row("1", "Tim Kerja", "SK tim"),
            _row("", "", "Rapat tim"),
            ["", "", "", "", "", ""],
            HEADER,
            _row("2.", "Dokumen", "Renja"),
            ["II. PENATAAN TATA LAKSANA"],
            _row("a.", "SOP", "SOP dievaluasi"),
        ]
    )
    assert [r.id for r in read.rows] == ["I.1.1", "I.1.2", "I.2.1", "II.1.1"]
    assert read.rows[1].component == "Tim Kerja" and read.rows[1].indicator == "Rapat tim"
    assert read.title == "RENCANA AKSI KPU KOTA X"
    assert read.areas == {"I": 3, "II": 1}
    assert read.notes[0] == "Area III (Penataan Sistem Manajemen SDM) tidak ada di tabel."


@pytest.mark.parametrize(
    ("component", "no_cell", "expected"),
    [
        ("1. Tim Kerja", "", (1, "Tim Kerja")),
        ("3) Tim Kerja", "", (3, "Tim Kerja")),
        ("b. Tim Kerja", "", (2, "Tim Kerja")),
        ("Tim Kerja", "c.", (3, "Tim Kerja")),
        ("Tim Kerja", "(4)", (4, "Tim Kerja")),
        ("Tim Kerja", "", (1, "Tim Kerja")),  # no number anywhere: counted in the area
        ("E- Office", "2", (2, "E- Office")),  # a name that only looks numbered
    ],
)
def test_component_numbers(component: str, no_cell: str, expected: tuple[int, str]) -> None:
    read = read_table([HEADER, ["I"], _row(no_cell, component, "X")])
    assert (read.rows[0].component_no, read.rows[0].component) == expected


def test_an_indicator_written_once_covers_the_steps_below_it() -> None:
    read = read_table(
        [HEADER, ["I"], _row("1", "Tim", "Indikator A", "Langkah 1"), _row("", "", "", "Langkah 2")]
    )
    assert [(r.id, r.indicator, r.step) for r in read.rows] == [
        ("I.1.1", "Indikator A", "Langkah 1"),
        ("I.1.2", "Indikator A", "Langkah 2"),
    ]


def test_an_area_met_again_continues_its_numbering() -> None:
    read = read_table(
        [HEADER, ["I"], _row("1", "Tim", "A"), ["II"], _row("1", "SOP", "B"), ["I"],
         _row("1", "Tim", "C")]
    )  # fmt: skip
    assert [r.id for r in read.rows] == ["I.1.1", "I.1.2", "II.1.1"]


def test_the_header_can_be_anywhere_in_the_first_rows_in_any_order() -> None:
    header = ["Target", "Kegiatan", "PIC", "Indikator", "Output", "Komponen", "Area"]
    row = ["Juni 2022", "Langkah", "Budi", "Ind", "Bukti", "Komp", "Penguatan Pengawasan"]
    read = read_table([["x"]] * 12 + [header, row])
    r = read.rows[0]
    assert (r.id, r.step, r.pic, r.evidence, r.target) == (
        "V.1.1",
        "Langkah",
        "Budi",
        "Bukti",
        "Juni 2022",
    )


@pytest.mark.parametrize(
    ("grid", "message"),
    [
        (
            [["Judul"], ["NO", "KOMPONEN", "INDIKATOR", "BUKTI FISIK", "TARGET WAKTU"]],
            "kolom Langkah Aksi tidak ditemukan; judul kolom yang terbaca: NO, KOMPONEN, "
            "INDIKATOR, BUKTI FISIK, TARGET WAKTU.",
        ),
        (
            [["Nama", "Alamat"], ["a", "b"]],
            "kolom Langkah Aksi tidak ditemukan; judul kolom yang terbaca: Nama, Alamat.",
        ),
        (  # the table's fullest row is named, not the title line above it
            [["RENCANA KERJA KANTOR X 2024"], ["Nama", "Alamat", "Telepon"], ["a", "b", "c"]],
            "kolom Langkah Aksi tidak ditemukan; judul kolom yang terbaca: Nama, Alamat, Telepon.",
        ),
        ([], "judul kolom yang terbaca: (tidak ada)."),
        ([HEADER, ["Pengungkit"], _row("1", "T", "I")], "'Pengungkit' tidak dikenali sebagai area"),
        ([HEADER, _row("1", "T", "I")], "baris 2: baris aksi sebelum judul area"),
        ([HEADER, ["I"], _row("", "", "I")], "baris 3: lanjutan tanpa komponen"),
        ([HEADER, ["I"], _row("x1", "T", "I")], "nomor komponen 'x1' bukan angka atau huruf"),
        ([HEADER, ["I"], _row("1", "T", "")], "baris 3: kolom Indikator kosong"),
        (
            [HEADER, ["I"], _row("1", "Tim", "A"), _row("1", "SOP", "B")],
            "komponen I.1 dipakai dua kali ('Tim' dan 'SOP')",
        ),
        ([HEADER, ["I"]], "tidak memuat satu pun baris aksi"),
    ],
)
def test_what_cannot_be_read_is_named(grid: list[list[str]], message: str) -> None:
    with pytest.raises(SourceError) as caught:
        read_table(grid)
    assert message in str(caught.value)


def test_every_problem_is_listed_at_once() -> None:
    grid = [HEADER, ["Tidak dikenal"], ["I"], _row("", "", "X"), _row("1", "T", "")]
    with pytest.raises(SourceError) as caught:
        read_table(grid)
    assert len(caught.value.problems) == 3
    assert str(caught.value).startswith("Tabel tidak dapat dibaca:\n- baris 2:")

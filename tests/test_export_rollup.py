"""zi_dash.export.rollup: the Rekap Satker as XLSX (values; text stays text) and a DOCX section."""

from __future__ import annotations

import io
from datetime import date, datetime

import docx
import openpyxl

from zi_dash import lke
from zi_dash.analysis import readiness, rollup
from zi_dash.analysis.rollup import RekapCol, UnitSummary
from zi_dash.analysis.unit_lke import NO_SHEET, LkeSummary
from zi_dash.export import rollup as rekap
from zi_dash.export.report import ChartImage

AS_OF = date(2022, 6, 30)
READY_HEADING = "Kesiapan Predikat (penilaian mandiri)"
UNITS = [
    UnitSummary("/zi/a.xlsx", unit="=HYPERLINK(\"x\")", year=2022, actions=70, completion=55.56,
                done=10, late=3, behind=2, evidence=40.0, covered_weight=28.0,
                lke_weight=60.0, covered_projection=12.345, uncovered=20,
                last_update=datetime(2022, 6, 1, 9, 30),
                areas=(("I", 50.0), ("II", None))),
    UnitSummary("/zi/b.xlsx", error='Berkas "b.xlsx" kosong (0 bita), bukan workbook Excel.'),
]  # fmt: skip


def test_the_xlsx_has_rekap_and_per_area_as_values() -> None:
    book = openpyxl.load_workbook(io.BytesIO(rekap.rekap_xlsx(UNITS, AS_OF)))
    assert book.sheetnames == [rekap.REKAP_SHEET, rekap.AREA_SHEET, rekap.READY_SHEET]
    rows = list(book[rekap.REKAP_SHEET].iter_rows(values_only=True))
    row = dict(zip(rows[0], rows[1]))
    assert row[RekapCol.UNIT] == '=HYPERLINK("x")'  # text, not a formula
    assert book[rekap.REKAP_SHEET]["B2"].data_type == "s"
    assert (row[RekapCol.COMPLETION], row[RekapCol.AGE]) == (55.6, 29)
    assert (row[RekapCol.COVERAGE], row[RekapCol.COVERED], row[RekapCol.UNCOVERED]) == (
        28.0, 12.35, 20
    )  # fmt: skip
    assert row[RekapCol.LAST] == datetime(2022, 6, 1, 9, 30)
    assert (row[RekapCol.STALE], row[RekapCol.DUPLICATE]) == (None, None)
    broken = dict(zip(rows[0], rows[2]))
    assert (
        broken[RekapCol.NOTE].startswith('Berkas "b.xlsx" kosong') and broken[RekapCol.YEAR] is None
    )
    areas = list(book[rekap.AREA_SHEET].iter_rows(values_only=True))
    assert areas[0][3:] == ("I. Manajemen Perubahan", "II. Penataan Tata Laksana")
    assert areas[1][3:] == (50.0, None)


def test_the_docx_section_lists_units_flags_and_charts() -> None:
    image = ChartImage("peringkat", "Peringkat Capaian Satker", "p", _png(), b"", 1000, 600)
    data = rekap.rekap_docx(UNITS, AS_OF, "zi", [image])
    doc = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Rekap Rencana Aksi Zona Integritas per Satuan Kerja" in text
    assert "Tanggal acuan 30 Juni 2022 · 2 berkas dari folder zi, 1 terbaca" in text
    assert 'b.xlsx: Berkas "b.xlsx" kosong' in text
    assert "Gambar 1. Peringkat Capaian Satker, per 30 Juni 2022" in text
    assert rollup.COVERS in text  # what the coverage is, and is not
    plan_part = text.split(READY_HEADING)[0]  # the plan's figures never read as a predicate
    assert "WBK" not in plan_part and "Predikat" not in plan_part
    units, areas, _ = doc.tables
    first = [c.text for c in units.rows[1].cells]
    assert first[:4] == ["a.xlsx", '=HYPERLINK("x")', "2022", "55,6"]
    assert first[8:] == ["28,00", "12,35", "29"]
    assert [c.text for c in areas.rows[0].cells] == [RekapCol.FILE, RekapCol.UNIT, RekapCol.YEAR,
                                                     "I", "II"]  # fmt: skip
    assert len(doc.inline_shapes) == 1


def test_the_docx_tables_name_the_file_and_keep_the_pages_column_order() -> None:
    twins = [
        UnitSummary(f"/zi/{name}", unit="KPU Kota Tegal", year=2022, actions=70, late=3, behind=2,
                    areas=(("I", 50.0),))
        for name in ("tegal.xlsx", "tegal_salinan.xlsx")
    ]  # fmt: skip
    doc = docx.Document(io.BytesIO(rekap.rekap_docx(twins, AS_OF, "zi")))
    units, areas, _ = doc.tables
    headers = [c.text for c in units.rows[0].cells]
    # The page shows rollup.COLUMNS in that order: the DOCX keeps it (Tertinggal, Terlambat).
    assert headers == [col for col in rollup.COLUMNS if col in headers]
    assert headers[:3] == [RekapCol.FILE, RekapCol.UNIT, RekapCol.YEAR]
    assert headers.index(RekapCol.BEHIND) < headers.index(RekapCol.LATE)
    behind, late = headers.index(RekapCol.BEHIND), headers.index(RekapCol.LATE)
    cells = [[c.text for c in row.cells] for row in units.rows[1:]]
    assert [(r[0], r[behind], r[late]) for r in cells] == [
        ("tegal.xlsx", "2", "3"), ("tegal_salinan.xlsx", "2", "3"),
    ]  # fmt: skip
    assert [row.cells[0].text for row in areas.rows] == [
        RekapCol.FILE, "tegal.xlsx", "tegal_salinan.xlsx",
    ]  # fmt: skip


def _ready(
    name: str, total: float, target: str, short: tuple[str, ...] = (), tpi: float | None = None
) -> UnitSummary:
    minimum = lke.bank().thresholds[target or "WBBM"].total_min
    held = {"": "WBBM", "WBBM": "WBK"}.get(target, "Belum WBK")
    u = LkeSummary(total=total, pengungkit=0.0, hasil=0.0, predicate=held, target=target,
                   gap=minimum - total if target else 0.0, below=(), short=short, answered=0,
                   evidenced=0, questions=110, problems=0, tpi=tpi)  # fmt: skip
    return UnitSummary(f"/zi/{name}.xlsx", unit=name, year=2022, lke=u)


def test_the_docx_says_who_is_ready_by_the_penilaian_mandiri_and_what_holds_each_back() -> None:
    units = [
        _ready("far", 40.0, "WBK", ("Total 40,00, minimal 75,00",)),
        UnitSummary("/zi/none.xlsx", unit="none", year=2022),
        _ready("near", 72.0, "WBK", ("Total 72,00, minimal 75,00", "IPAK 9,00, minimal 15,75")),
        UnitSummary("/zi/bad.xlsx", error="rusak"),  # unreadable: in no group
        _ready("wbbm", 96.0, ""),
        _ready("wbk", 81.0, "WBBM", ("Total 81,00, minimal 85,00",), tpi=78.5),
    ]
    doc = docx.Document(io.BytesIO(rekap.rekap_docx(units, AS_OF, "zi")))
    text = "\n".join(p.text for p in doc.paragraphs)
    ready = text.split(READY_HEADING)[1]
    assert readiness.MANDIRI in ready and readiness.NEAR_MEANS in ready  # labelled mandiri
    for group, count in ((readiness.MET_WBBM, 1), (readiness.MET_WBK, 1), (readiness.NEAR, 1),
                         (readiness.FAR, 1), (readiness.TOTAL_MET, 0), (NO_SHEET, 1)):  # fmt: skip
        assert f"{group}: {count} satker" in ready
    assert "Tabel 3. Kesiapan predikat per satker menurut penilaian mandiri" in ready
    table = doc.tables[2]
    assert "Nilai Mandiri" in table.rows[0].cells[3].text
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    assert list(rows) == ["wbbm", "wbk", "near", "far", "none"]  # readiest first, no unreadable
    assert rows["near"] == ["near", "2022", readiness.NEAR, "72,00", "–", "Belum WBK",
                            "3,00 poin ke WBK",
                            "Total 72,00, minimal 75,00; IPAK 9,00, minimal 15,75"]  # fmt: skip
    assert rows["wbk"][2:7] == [readiness.MET_WBK, "81,00", "78,50", "WBK", "4,00 poin ke WBBM"]
    assert rows["wbbm"][6:] == ["", ""]  # nothing holds it back
    assert rows["none"][2:6] == [NO_SHEET, "", "–", NO_SHEET]  # never scored 0


def _png() -> bytes:
    import base64

    return base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )

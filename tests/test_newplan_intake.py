"""An imported table: satuan kerja and year, what was read, the preview, the new workbook."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests import plan_sources as ps
from zi_dash.base import ActionCol, EvidenceCol
from zi_dash.base import contract as c
from zi_dash.newplan import BY_OPTION, read_intake
from zi_dash.newplan import intake as intake_module
from zi_dash.newplan.intake import READING
from zi_dash.sk import SourceError, split_evidence
from zi_dash.workbook import load_plan


def _load(tmp_path: Path, data: bytes):
    out = tmp_path / "baru.xlsx"
    out.write_bytes(data)
    return load_plan(out)


def test_a_word_file_of_the_sk_becomes_the_same_plan(tmp_path: Path, real_workbook: Path) -> None:
    intake = read_intake("SK.docx", ps.docx_sk_merged())
    assert (intake.unit, intake.year) == ("KPU Kota Tegal", 2022)
    plan = _load(tmp_path, intake.workbook())
    real = load_plan(real_workbook)
    sk_columns = [
        ActionCol.ID, ActionCol.AREA, ActionCol.COMPONENT_NO, ActionCol.COMPONENT,
        ActionCol.INDICATOR, ActionCol.STEP, ActionCol.EVIDENCE, ActionCol.TARGET,
    ]  # fmt: skip
    assert plan.actions[sk_columns].equals(real.actions[sk_columns])
    assert plan.evidence[[EvidenceCol.ID, EvidenceCol.ITEM]].equals(
        real.evidence[[EvidenceCol.ID, EvidenceCol.ITEM]]
    )
    assert plan.info.legal_basis == "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA TEGAL NOMOR: 5/2022"


def test_the_brebes_plan_becomes_its_own_workbook(tmp_path: Path) -> None:
    intake = read_intake("brebes.xlsx", ps.xlsx_brebes())
    plan = _load(tmp_path, intake.workbook())
    assert (plan.info.unit, plan.info.year) == ("KPU Kabupaten Brebes", 2023)
    assert list(plan.actions[ActionCol.PIC])[:2] == ["Sekretaris", "Ketua Tim"]
    assert set(plan.actions[ActionCol.STATUS]) == {c.Status.NOT_STARTED}
    assert set(plan.actions[ActionCol.PROGRESS]) == {0}
    first = plan.evidence[plan.evidence[EvidenceCol.ACTION_ID] == "I.1.1"]
    assert list(first[EvidenceCol.ITEM]) == split_evidence(ps.BREBES[0][4])
    assert list(first[EvidenceCol.ITEM]) == ["SK Tim Kerja ZI 2023", "notulen rapat pembentukan"]
    wb = openpyxl.load_workbook(tmp_path / "baru.xlsx")
    guide = " ".join(str(r[0]) for r in wb[c.Sheet.GUIDE].iter_rows(values_only=True) if r[0])
    assert "SK Nomor 5/2022" not in guide  # another satker's workbook names no Tegal SK


def test_options_win_over_the_file() -> None:
    intake = read_intake("brebes.xlsx", ps.xlsx_brebes(), unit="KPU Kab. Brebes", year=2024)
    assert (intake.unit, intake.year) == ("KPU Kab. Brebes", 2024)
    assert intake.readings[0].reading == "8–14 Januari 2023"  # the target names its year


def test_without_satker_the_workbook_is_not_made() -> None:
    intake = read_intake("ra.csv", ps.csv_first_row_only())
    assert intake.unit == "" and intake.year == 2022
    assert intake.missing() == [
        "Satuan kerja tidak terbaca dari berkas: isi namanya (contoh KPU Kota X)."
    ]
    with pytest.raises(SourceError, match="Satuan kerja tidak terbaca"):
        intake.workbook()
    assert read_intake("ra.csv", ps.csv_first_row_only(), unit="KPU Kota Tegal").workbook()


def test_summary_and_preview_say_what_was_read() -> None:
    intake = read_intake("pekalongan.docx", ps.docx_pekalongan())
    summary = intake.summary()
    assert summary[0] == (
        "6 baris aksi dalam 4 area: II Penataan Tata Laksana (2), IV Penguatan Akuntabilitas "
        "(2), V Penguatan Pengawasan (1), VI Peningkatan Kualitas Pelayanan Publik (1)."
    )
    assert summary[2] == "Target Waktu terbaca: 6 dari 6."
    assert "Target Waktu ← “JADWAL”" in summary[3]
    assert summary[-1] == "Area III (Penataan Sistem Manajemen SDM) tidak ada di tabel."
    preview = intake.preview()
    assert list(preview[ActionCol.ID]) == ["II.1.1", "II.1.2", "IV.1.1", "IV.2.1", "V.1.1",
                                           "VI.1.1"]  # fmt: skip
    assert preview.iloc[1][READING] == "Desember 2024 – Januari 2025"


def test_unreadable_targets_are_listed() -> None:
    data = b"area;komponen;indikator;kegiatan;output;waktu\nI;Tim;Ind;L;B;kalau sempat\n"
    intake = read_intake("x.csv", data, unit="KPU X")
    assert intake.summary()[2] == "Target Waktu terbaca: 0 dari 1."
    assert "I.1.1" in intake.summary()[4]


def _csv(targets: list[str], title: str = "") -> bytes:
    head = f"{title}\n" if title else ""
    lines = [f"I;Tim;Ind {n};Langkah {n};Notulen;{t}" for n, t in enumerate(targets)]
    return (head + "area;komponen;indikator;kegiatan;output;waktu\n" + "\n".join(lines)).encode()


@pytest.mark.parametrize(
    ("ids", "shown"),
    [
        ([], ""),
        (["I.1.1"], "I.1.1"),
        ([f"I.1.{n}" for n in range(1, 11)], ", ".join(f"I.1.{n}" for n in range(1, 11))),
        ([f"I.1.{n}" for n in range(1, 12)], "11 target, mis. I.1.1, I.1.2, I.1.3, I.1.4, I.1.5"),
        (
            [f"V.{n}.1" for n in range(78_500)],
            "78.500 target, mis. V.0.1, V.1.1, V.2.1, V.3.1, V.4.1",
        ),
    ],
)
def test_long_lists_of_ids_are_summed_up(ids: list[str], shown: str) -> None:
    assert intake_module.some(ids) == shown


MISSING_YEAR_PAGE = "Tahun rencana tidak terbaca dari berkas: isi tahunnya (contoh 2023)"


@pytest.mark.parametrize(
    ("targets", "year", "lines", "missing"),
    [
        # Only the year is missing: one fix named once, no row listed as unreadable.
        (
            ["April Minggu ke 3"] * 12,
            None,
            ["Target Waktu terbaca: 0 dari 12.",
             "Target yang terbaca setelah tahun rencana diisi: 12 target, mis. I.1.1, I.1.2, "
             "I.1.3, I.1.4, I.1.5."],
            [f"{MISSING_YEAR_PAGE}; 12 target yang tidak menyebut tahunnya terbaca setelah itu."],
        ),
        # The same rows once the year is filled in: all read.
        (["April Minggu ke 3"] * 12, 2023, ["Target Waktu terbaca: 12 dari 12."], []),
        # Some lack only the year, one is no date at all: each told apart.
        (
            ["Juni", "kalau sempat"],
            None,
            ["Target Waktu terbaca: 0 dari 2.",
             "Target yang terbaca setelah tahun rencana diisi: I.1.1.",
             "Target yang tidak terbaca (diisi Mulai/Selesai nanti atau diperbaiki teksnya): "
             "I.1.2."],
            [f"{MISSING_YEAR_PAGE}; 1 target yang tidak menyebut tahunnya terbaca setelah itu."],
        ),
        # A year the targets name is the plan year: those without one read with it.
        (["Juni", "Mei 2024"], None, ["Target Waktu terbaca: 2 dari 2."], []),
        (
            ["kalau sempat"] * 3,
            None,
            ["Target Waktu terbaca: 0 dari 3.",
             "Target yang tidak terbaca (diisi Mulai/Selesai nanti atau diperbaiki teksnya): "
             "I.1.1, I.1.2, I.1.3."],
            [f"{MISSING_YEAR_PAGE}."],
        ),
    ],
)  # fmt: skip
def test_the_summary_says_the_one_fix_that_fixes_the_targets(
    targets: list[str], year: int | None, lines: list[str], missing: list[str]
) -> None:
    intake = read_intake("ra.csv", _csv(targets), unit="KPU X", year=year)
    summary = intake.summary()
    assert [line for line in summary if line.startswith("Target")] == lines
    assert intake.missing() == missing


def test_the_command_line_names_its_options() -> None:
    intake = read_intake("ra.csv", _csv(["April Minggu ke 3"]))
    with pytest.raises(SourceError) as caught:
        intake.workbook(BY_OPTION)
    assert str(caught.value) == (
        'Satuan kerja tidak terbaca dari berkas: beri opsi --satker (contoh --satker "KPU Kota '
        'X"). Tahun rencana tidak terbaca dari berkas: beri opsi --year (contoh --year 2023); '
        "1 target yang tidak menyebut tahunnya terbaca setelah itu."
    )


def test_another_satker_keeps_the_readings_and_summary() -> None:
    intake = read_intake("ra.csv", _csv(["April Minggu ke 3 2023"] * 3))
    summary = intake.summary()
    other = intake.for_unit("KPU Kota Y")
    assert other.unit == "KPU Kota Y" and other.readings is intake.readings
    assert other.summary() == summary and other._summary is intake._summary
    assert intake.for_unit("  ").unit == intake.unit == ""

"""Reading a filled LKE Excel's `Jawaban` sheet: found by its header TEXT, bounded, strict.

Instances of the LKE Excel put their columns in different places, so the header row is looked
for and each column found by what its header says, not by its letter. The file is checked
against tight bounds (an LKE is ~200 rows of ~20 columns) before calamine reads it.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Final

import python_calamine

from zi_dash.base import limits
from zi_dash.base.exchange import LkeExcel

MB: Final = limits.MB
MAX_BYTES: Final = 20 * MB
# Far above an LKE's ~205 rows × 22 columns; a hostile file is refused before it is parsed.
BOUNDS: Final = limits.Bounds(
    entry_bytes=32 * MB,
    total_bytes=64 * MB,
    rows=10_000,
    columns=256,
    cells=500_000,
    total_cells=2_000_000,
)
HEADER_SEARCH: Final = 30  # the header is among the first rows
_SPACE: Final = re.compile(r"\s+")
_CALAMINE_ERRORS: Final = (python_calamine.CalamineError, ValueError, OSError, IndexError)


class LkeFileError(ValueError):
    """An LKE file that cannot be read, or is not an LKE Excel; the message is Indonesian."""


def fold(value: object) -> str:
    """A header or a text as compared: case and spacing do not count."""
    return _SPACE.sub(" ", str(value)).strip().casefold() if value is not None else ""


# Which field a header text names; first match wins, so the unit's columns come before the TPI's.
def _field(header: str) -> str | None:
    h = fold(header)
    if h in ("id", "baris", "no", "no.", "nomor"):
        return "row"
    if h == "pilihan jawaban":
        return "type"
    if h.startswith("kriteria"):
        return "criteria"
    if h == "bobot":
        return "weight"
    tpi = "tpi" in h
    if h.startswith("jawaban"):
        return "tpi_answer" if tpi else ("answer" if h in ("jawaban", "jawaban unit") else None)
    if h.startswith("catatan"):
        return "tpi_notes" if tpi else ("notes" if "unit" in h or h == "catatan" else None)
    if "bukti dukung" in h and "baru" not in h and not tpi:
        return "evidence"
    return None


REQUIRED: Final = {
    "row": LkeExcel.ROW,
    "type": LkeExcel.TYPE,
    "answer": LkeExcel.ANSWER,
}


@dataclass(frozen=True)
class FileRow:
    """One row of the file's Jawaban sheet that carries a row number."""

    baris: int
    excel_row: int  # 1-based, as Excel shows it
    type_text: str
    texts: tuple[str, ...]  # the text cells between the row number and the first data column
    cells: dict[str, object]  # field -> raw value (answer, notes, evidence, tpi_answer, tpi_notes)


@dataclass(frozen=True)
class LkeFile:
    """The Jawaban sheet as read: its header row, the columns found (0-based) and its rows."""

    header_row: int
    columns: dict[str, int]
    rows: tuple[FileRow, ...]
    problems: tuple[str, ...]  # rows whose number cannot be read


def _grid(name: str, data: bytes) -> list[list[object]]:
    if len(data) > MAX_BYTES:
        raise LkeFileError(
            f'Berkas "{name}" ditolak: {len(data) / MB:.0f} MB (paling besar {MAX_BYTES // MB} MB).'
        )
    try:
        parts = limits.check_xlsx(name, data, lambda sheet: sheet == LkeExcel.ANSWERS, BOUNDS)
        if LkeExcel.ANSWERS not in parts.sheets:
            raise LkeFileError(
                f'Berkas "{name}" bukan LKE Excel: tidak ada lembar "{LkeExcel.ANSWERS}".'
            )
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        return book.get_sheet_by_name(LkeExcel.ANSWERS).to_python(skip_empty_area=False)
    except limits.LimitError as exc:
        if isinstance(exc, limits.DamagedError):
            raise LkeFileError(f'Berkas "{name}" bukan workbook Excel (.xlsx) yang utuh.') from exc
        raise LkeFileError(str(exc)) from exc
    except _CALAMINE_ERRORS as exc:
        raise LkeFileError(f'Berkas "{name}": lembar "{LkeExcel.ANSWERS}" rusak.') from exc


def _header(name: str, grid: list[list[object]]) -> tuple[int, dict[str, int]]:
    for index, row in enumerate(grid[:HEADER_SEARCH]):
        found: dict[str, int] = {}
        for col, value in enumerate(row):
            field = _field(str(value)) if isinstance(value, str) else None
            if field is not None:
                found.setdefault(field, col)
        if all(k in found for k in REQUIRED):
            return index, found
    wanted = ", ".join(f'"{h}"' for h in REQUIRED.values())
    raise LkeFileError(
        f'Berkas "{name}", lembar "{LkeExcel.ANSWERS}": baris judul dengan kolom {wanted} '
        f"tidak ditemukan di {HEADER_SEARCH} baris pertama. Berkas ini bukan LKE Excel yang "
        "dikenal; tidak ada yang diubah."
    )


def row_number(value: object) -> int | None:
    """A row number cell (18, 18.0, "18") as an int; None when it holds none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value.strip())
    return None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_lke_file(name: str, data: bytes) -> LkeFile:
    """The Jawaban sheet of an LKE Excel file; LkeFileError (Indonesian) when it is not one."""
    grid = _grid(name, data)
    header, columns = _header(name, grid)
    first_data = min(columns[k] for k in ("type", "weight", "criteria") if k in columns)
    fields = [k for k in ("answer", "notes", "evidence", "tpi_answer", "tpi_notes") if k in columns]
    rows: list[FileRow] = []
    problems: list[str] = []
    for index in range(header + 1, len(grid)):
        line = grid[index]

        def at(col: int, line: list[object] = line) -> object:
            value = line[col] if col < len(line) else None
            return None if value == "" else value

        number = row_number(at(columns["row"]))
        cells = {k: at(columns[k]) for k in fields}
        if number is None:
            if not _blank(at(columns["row"])) or any(not _blank(v) for v in cells.values()):
                problems.append(
                    f"baris Excel {index + 1}: nomor baris LKE {at(columns['row'])!r} tidak terbaca"
                )
            continue
        texts = tuple(
            str(v)
            for v in line[columns["row"] + 1 : first_data]
            if isinstance(v, str) and v.strip()
        )
        rows.append(FileRow(number, index + 1, fold(at(columns["type"])), texts, cells))
    return LkeFile(header + 1, columns, tuple(rows), tuple(problems))

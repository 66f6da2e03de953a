"""Reader for the annex table of Keputusan KPU Kota Tegal Nomor 5/2022 (the action plan)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from zi_dash.base import AREA_CODES, AREA_NAMES, fold, tidy

SOURCE = Path(__file__).resolve().parents[2] / "data" / "sumber" / "sk-kpu-kota-tegal-5-2022.txt"

_ANNEX_START = "LAMPIRAN"
_COLUMNS = 6


class SourceError(ValueError):
    """The annex text does not have the shape the reader expects."""


@dataclass(frozen=True)
class SkRow:
    """One action row of the annex: an indicator line with its component and area."""

    id: str
    area: str
    component_no: int
    component: str
    indicator: str
    step: str
    evidence: str
    target: str


def _is_header(cells: list[str]) -> bool:
    # The table header and its "1 2 3 4 5 6" numbering row repeat on every page.
    return cells[0] == "NO" or cells[:_COLUMNS] == [str(i) for i in range(1, _COLUMNS + 1)]


def _area_code(cell: str) -> str | None:
    code = tidy(cell)
    return code if code in AREA_CODES else None


def _check_area_name(code: str, name: str, line_no: int) -> None:
    # The annex spells area names in mixed case and sometimes with "Area"; the canonical
    # name lives in the contract, so the reader only checks it is the same area.
    bare = re.sub(r"^area\s+", "", fold(name)).replace(" ", "")
    if bare != fold(AREA_NAMES[code]).replace(" ", ""):
        raise SourceError(f"baris {line_no}: nama area {code} tidak dikenal: {name!r}")


def read_annex(text: str) -> list[SkRow]:
    """Parse the annex table into its action rows, in the SK's order."""
    start = text.find(_ANNEX_START)
    if start < 0:
        raise SourceError("teks SK tidak memuat LAMPIRAN")
    rows: list[SkRow] = []
    area: str | None = None
    component_no = 0
    component = ""
    indicator_no = 0
    first_line = text[:start].count("\n") + 1
    for offset, line in enumerate(text[start:].splitlines()):
        line_no = first_line + offset
        if "\t" not in line:
            continue
        cells = [c.strip() for c in line.split("\t")]
        cells += [""] * (_COLUMNS - len(cells))
        if _is_header(cells):
            continue
        code = _area_code(cells[0])
        if code and not any(cells[2:]):
            _check_area_name(code, tidy(cells[1]), line_no)
            area, component_no, component = code, 0, ""
            continue
        if area is None:
            raise SourceError(f"baris {line_no}: baris aksi sebelum judul area")
        no = tidy(cells[0]).rstrip(".")
        if no:
            if not no.isdigit():
                raise SourceError(f"baris {line_no}: nomor komponen {no!r} bukan angka")
            component_no, component, indicator_no = int(no), tidy(cells[1]), 0
        elif not component:
            raise SourceError(f"baris {line_no}: lanjutan tanpa komponen")
        indicator_no += 1
        rows.append(
            SkRow(
                id=f"{area}.{component_no}.{indicator_no}",
                area=area,
                component_no=component_no,
                component=component,
                indicator=tidy(cells[2]),
                step=tidy(cells[3]),
                evidence=tidy(cells[4]),
                target=tidy(cells[5]),
            )
        )
    return rows


def load_sk_rows(path: Path = SOURCE) -> list[SkRow]:
    """Read the SK text file and return its action rows."""
    return read_annex(path.read_text(encoding="utf-8"))

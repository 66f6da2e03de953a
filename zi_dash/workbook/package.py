"""The workbook file as a package: its format checked, its bounds, its sheets as grids.

Every failure of the file itself (not .xlsx, beyond the bounds, a damaged zip or sheet) ends
in NotXlsxError naming the file and, where known, the sheet.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import python_calamine

from zi_dash.base import MissingSheetError, NotXlsxError, durable, fold, limits
from zi_dash.base import contract as c
from zi_dash.workbook.cells import CellValue
from zi_dash.workbook.formats import Shown, shown_styles, shown_value, styled_cells

Grids = dict[str, list[list[CellValue]]]
_DATA_FOLDS = frozenset(fold(spec.name) for spec in (*c.DATA_SHEETS, *c.OPTIONAL_SHEETS))
# What calamine raises for a damaged part besides its own CalamineError family.
_PARSE_ERRORS = (python_calamine.CalamineError, ValueError, TypeError, OverflowError, OSError)


def check_format(path: Path, data: bytes) -> zipfile.ZipFile:
    """Refuse what is not an .xlsx (empty, .xls, encrypted, .ods, a zip of something else).

    Returns the zip, opened once here for the bounds check too (the caller closes it).
    """
    name = path.name
    if not data:
        raise NotXlsxError(f'Berkas "{name}" kosong (0 bita), bukan workbook Excel.')
    if data[:4] == b"\xd0\xcf\x11\xe0":
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise NotXlsxError(
                f'Berkas "{name}" dilindungi kata sandi. Buka di Excel, hapus kata sandinya '
                "(File > Info > Protect Workbook), lalu simpan sebagai .xlsx."
            )
        raise NotXlsxError(
            f'Berkas "{name}" berformat Excel lama (.xls). Buka di Excel lalu simpan sebagai '
            '"Excel Workbook (.xlsx)".'
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except limits.ZIP_OPEN_ERRORS as exc:
        # Only a failed open asks why: a zip without its end record is not a zip at all.
        if not zipfile.is_zipfile(io.BytesIO(data)):
            if data[:4] == b"PK\x03\x04":  # a zip's start without its end: cut off
                raise NotXlsxError(
                    f'Berkas "{name}" adalah workbook Excel yang rusak: terpotong (tersalin atau '
                    "terunduh setengah), sehingga tidak dapat dibaca." + restore_hint(path)
                ) from exc
            raise NotXlsxError(f'Berkas "{name}" bukan workbook Excel (.xlsx).') from exc
        raise NotXlsxError(
            f'Berkas "{name}" rusak: isi zip-nya tidak dapat dibaca.' + restore_hint(path)
        ) from exc
    names = set(archive.namelist())
    if "content.xml" in names:
        refusal = f'Berkas "{name}" berformat OpenDocument (.ods). Simpan ulang sebagai .xlsx.'
    elif "xl/workbook.xml" not in names:
        refusal = f'Berkas "{name}" bukan workbook Excel (.xlsx).'
    else:
        return archive
    archive.close()
    raise NotXlsxError(refusal)


def read_bytes(path: Path) -> bytes:
    """The workbook file's bytes; raises NotXlsxError when it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise NotXlsxError(f'Berkas workbook "{path}" tidak ditemukan.') from exc
    except OSError as exc:
        raise NotXlsxError(f'Berkas workbook "{path}" tidak dapat dibuka: {exc.strerror}.') from exc


def restore_hint(path: Path) -> str:
    """What to do with a damaged workbook: copy it again, or the dashboard's latest copy."""
    backup = durable.newest_backup(path)
    if backup is None:
        return " Salin ulang berkasnya dari sumbernya, atau buka di Excel dan simpan lagi."
    return (
        " Salin ulang berkasnya dari sumbernya, atau pakai salinan cadangan terakhir yang "
        f'disimpan dasbor: "{backup.name}" di folder "{backup.parent.absolute()}".'
    )


def _damaged(path: Path, sheet: str | None) -> NotXlsxError:
    where = f' (lembar "{sheet}")' if sheet else ""
    return NotXlsxError(
        f'Berkas "{path.name}" rusak{where} dan tidak dapat dibaca: mungkin tersalin setengah.'
        + restore_hint(path)
    )


def _as_shown(grid: list[list[CellValue]], cells: list[tuple[int, int, int]], shown: dict) -> None:
    # A value is read as its format shows it ("75%", "April 2022"), so every reader (progress,
    # weights, targets, texts) sees what the user typed, not what Excel made of it.
    for r, col, style in cells:
        if r < len(grid) and col < len(grid[r]):
            grid[r][col] = shown_value(grid[r][col], shown[style])  # type: ignore[assignment]


def read_grids(
    path: Path, data: bytes | None = None, *, optional: bool = True
) -> tuple[bytes, Grids]:
    """The file's bytes and every contract sheet as a grid whose index+1 is the Excel row.

    An optional sheet (LKE) is in the grids only when the workbook has it and `optional` asks.
    """
    if data is None:
        data = read_bytes(path)
    with check_format(path, data) as archive:
        try:
            parts = limits.check_xlsx_archive(
                path.name, archive, lambda sheet: fold(sheet) in _DATA_FOLDS
            )
        except limits.DamagedError as exc:  # a workbook whose parts are cut off or corrupt
            raise NotXlsxError(str(exc) + restore_hint(path)) from exc
        except limits.LimitError as exc:
            raise NotXlsxError(str(exc)) from exc
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except _PARSE_ERRORS as exc:
        raise _damaged(path, None) from exc
    by_fold = {fold(n): n for n in book.sheet_names}
    shown: dict[int, Shown] = shown_styles(parts.styles)
    grids: Grids = {}
    wanted = (*c.DATA_SHEETS, *(c.OPTIONAL_SHEETS if optional else ()))
    for spec in wanted:
        actual = by_fold.get(fold(spec.name))
        if actual is None and spec in c.OPTIONAL_SHEETS:
            continue
        if actual is None:
            raise MissingSheetError(
                f'Lembar "{spec.name}" tidak ada di workbook "{path.name}". '
                f"Lembar yang ada: {', '.join(book.sheet_names)}."
            )
        if actual not in parts.sheets:  # named in the workbook, its part missing or unnamed
            raise _damaged(path, actual)
        try:
            grid = book.get_sheet_by_name(actual).to_python(skip_empty_area=False)
        except _PARSE_ERRORS as exc:
            raise _damaged(path, actual) from exc
        if shown:
            _as_shown(grid, styled_cells(parts.sheets[actual], shown), shown)
        grids[spec.name] = grid
    return data, grids

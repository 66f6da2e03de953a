"""A file that says, in Indonesian, why the file asked for could not be made.

A lazy download (st.download_button with a callable) that raises shows the user Streamlit's
English "Failed to generate file for download": instead the download delivers a file of the
kind asked for (PNG, SVG, XLSX, DOCX, else text) whose content is the reason.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path
from typing import Final

import openpyxl
from docx import Document
from PIL import Image, ImageDraw, ImageFont

from zi_dash.base import escape_html

_FONT: Final = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
_WIDTH: Final = 72  # characters per line in an image


def message(file_name: str, reason: str) -> str:
    """'Berkas X tidak dapat dibuat: <reason>'."""
    return f"Berkas {file_name} tidak dapat dibuat. {reason}"


def _png(lines: list[str]) -> bytes:
    font = ImageFont.truetype(str(_FONT), 22) if _FONT.is_file() else ImageFont.load_default(22)
    image = Image.new("RGB", (1000, 60 + 32 * len(lines)), "white")
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((30, 30 + 32 * i), line, fill="#B91C1C", font=font)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _svg(lines: list[str]) -> bytes:
    rows = "".join(
        f'<text x="30" y="{50 + 32 * i}">{escape_html(line)}</text>' for i, line in enumerate(lines)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="{60 + 32 * len(lines)}" '
        f'font-family="DejaVu Sans, Arial, sans-serif" font-size="22" fill="#B91C1C">{rows}</svg>'
    ).encode()


def _xlsx(text: str) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Gagal"
    sheet["A1"] = text
    sheet.column_dimensions["A"].width = 120
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _docx(text: str) -> bytes:
    doc = Document()
    doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def document(file_name: str, reason: str) -> bytes:
    """A file named like `file_name`, of its kind, that says why it could not be made."""
    text = message(file_name, reason)
    kind = Path(file_name).suffix.lower()
    if kind == ".png":
        return _png(textwrap.wrap(text, _WIDTH))
    if kind == ".svg":
        return _svg(textwrap.wrap(text, _WIDTH))
    if kind == ".xlsx":
        return _xlsx(text)
    if kind == ".docx":
        return _docx(text)
    return (text + "\n").encode("utf-8")

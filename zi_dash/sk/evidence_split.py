"""Splitting an action's BUKTI FISIK text into its separate evidence documents."""

from __future__ import annotations

import re
from typing import Final

from zi_dash.base import fold, tidy

# Words that start a new document after "dan"/"serta"; any other word continues the same
# document ("monitoring dan evaluasi", "pendidikan dan pelatihan").
_DOCUMENT_NOUNS: Final = frozenset(
    [
        "undangan",
        "daftar",
        "foto",
        "notulen",
        "notula",
        "notulensi",
        "laporan",
        "sk",
        "surat",
        "dokumen",
        "dokumentasi",
        "lampiran",
        "banner",
        "spanduk",
        "screenshot",
        "tangkapan",
        "rekapitulasi",
        "rekap",
        "tabel",
        "formulir",
        "matrik",
        "matriks",
        "piagam",
        "draft",
        "prosedur",
        "berita",
        "sertifikat",
        "bukti",
    ]
)

# Hand-checked splits for SK rows that no rule reads right (commas inside one document,
# missing commas, "dan" joining two documents named by non-document words).
OVERRIDES: Final[dict[str, tuple[str, ...]]] = {
    fold(k): v
    for k, v in {
        # "Draft" alone names nothing: the draft is the LAKIP 2021's (the row's own subject).
        "Draft dan dokumentasi rapat penyusunan LAKIP 2021": (
            "Draft LAKIP 2021",
            "dokumentasi rapat penyusunan LAKIP 2021",
        ),
        "PK Eselon III dan IV tahun 2022 dan SKP Eselon III, IV dan pelaksana tahun 2021, "
        "Renstra 2022": (
            "PK Eselon III dan IV tahun 2022",
            "SKP Eselon III, IV dan pelaksana tahun 2021",
            "Renstra 2022",
        ),
        "Prosentase Analisa dari kebutuhan, kecukupan kompetensi pegawai dengan kondisi riil "
        "pegawai yang tersedia dan lampiran analisis mutasi pegawai": (
            "Prosentase Analisa dari kebutuhan, kecukupan kompetensi pegawai dengan kondisi "
            "riil pegawai yang tersedia",
            "lampiran analisis mutasi pegawai",
        ),
        "Undangan rapat, daftar hadir, lembar monev ZI, bukti pelaksanaan dan tindak lanjut": (
            "Undangan rapat",
            "daftar hadir",
            "lembar monev ZI",
            "bukti pelaksanaan",
            "tindak lanjut",
        ),
        "Daftar hadir notulen dokumen terkait": ("Daftar hadir", "notulen", "dokumen terkait"),
        "Halaman Website KPU dan Media Sosial": ("Halaman Website KPU", "Media Sosial"),
        "Analisis survei kepuasan masyarakat dan tindak lanjutnya": (
            "Analisis survei kepuasan masyarakat",
            "tindak lanjutnya",
        ),
    }.items()
}

_NUMBERED = re.compile(r"(?:^|(?<=\s))(\d{1,2})[).]\s+")
_JOINER = re.compile(r"\s+(?:dan|serta)\s+", re.IGNORECASE)
_LEADING_JOINER = re.compile(r"^(?:dan|serta)\s+", re.IGNORECASE)
_TRIM = " ,;:"


def _numbered_items(text: str) -> list[str] | None:
    """Split "1) … 2) … 3) …" when the markers count up from 1; else None."""
    marks = list(_NUMBERED.finditer(text))
    if len(marks) < 2 or [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
        return None
    if text[: marks[0].start()].strip():
        return None
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return [text[m.end() : end].strip(_TRIM) for m, end in zip(marks, ends, strict=True)]


def _split_outside_parens(text: str, separators: str) -> list[str]:
    pieces: list[str] = []
    depth, current = 0, []
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if ch in separators and depth <= 0:
            pieces.append("".join(current))
            current = []
        else:
            current.append(ch)
    pieces.append("".join(current))
    return pieces


def _split_joined(piece: str) -> list[str]:
    """Split "A dan B" only where B starts with a document noun."""
    parts = [piece]
    for match in reversed(list(_JOINER.finditer(piece))):
        rest = piece[match.end() :]
        first_word = re.split(r"[\s/]", rest, maxsplit=1)[0].casefold()
        if first_word in _DOCUMENT_NOUNS:
            head = parts.pop(0)
            cut = match.start()
            parts[:0] = [head[:cut], head[match.end() :]]
    return parts


def split_evidence(text: object) -> list[str]:
    """The separate evidence documents named in a BUKTI FISIK text, in order."""
    clean = tidy(text)
    if not clean:
        return []
    if fold(clean) in OVERRIDES:
        return list(OVERRIDES[fold(clean)])
    numbered = _numbered_items(clean)
    pieces = numbered if numbered is not None else _split_outside_parens(clean, ",;")
    items: list[str] = []
    for piece in pieces:
        piece = _LEADING_JOINER.sub("", piece.strip(_TRIM))
        items.extend(p.strip(_TRIM) for p in _split_joined(piece))
    items = [i for i in items if i]
    return items or [clean]

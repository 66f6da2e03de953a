"""The words of plan tables: header synonyms per column and the LKE areas as units spell them."""

from __future__ import annotations

import re
from typing import Final

from zi_dash.base import AREA_CODES, ActionCol, fold, tidy

# Column roles are the contract's own headers (NO besides), which name them for the user.
NO: Final = "NO"
# The one column a plan cannot do without; the others are read when the table has them.
REQUIRED: Final = (ActionCol.STEP,)
# The Tegal SK's five columns: a row naming all of them is the header, the search stops there.
FULL: Final = (
    ActionCol.COMPONENT,
    ActionCol.INDICATOR,
    ActionCol.STEP,
    ActionCol.EVIDENCE,
    ActionCol.TARGET,
)
# A column of evidence links (a database export's link_bukti): read beside the evidence text.
LINKS: Final = "Tautan Bukti"
# Columns that place an action in the LKE (zi_dash.sk.areas reads them): an LKE code, the
# question's letter beside it, and the ZI area as a `pilar` number or name.
LKE_CODE: Final = "Kode LKE"
LKE_LETTER: Final = "Huruf LKE"
PILAR: Final = "Pilar"
# A database export's year column (`tahun`): the plan's year when it holds one (zi_dash.newplan).
YEAR: Final = "Tahun"
# Header words seen in real SK tables, compared as letters only ("Langkah-Aksi" = "LANGKAH AKSI").
_SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    NO: ("no", "nomor", "nourut"),
    LKE_CODE: ("kode", "kodelke", "iddeskripsi", "kodepertanyaan", "kodeindikator"),
    LKE_LETTER: ("subdeskripsi", "hurufpertanyaan"),
    PILAR: ("pilar", "pilarzi", "areazipilar"),
    YEAR: ("tahun", "tahunrencana"),
    ActionCol.AREA: ("area", "areaperubahan", "areazi", "areapengungkit", "namaarea"),
    ActionCol.COMPONENT: ("komponen", "komponenpengungkit", "komponenzi", "subpilar"),
    ActionCol.INDICATOR: ("indikator", "indikatorkinerja", "pertanyaan", "pertanyaanlke"),
    # "Rencana Kerja" is the action, or the LKE indicator beside a "Rencana Aksi" column:
    # read_table tells the two apart by their cells.
    ActionCol.STEP: (
        "langkahaksi",
        "rencanaaksi",
        "kegiatan",
        "aksi",
        "uraiankegiatan",
        "uraian",
        "rencanakerja",
    ),
    ActionCol.EVIDENCE: (
        "buktifisik",
        "output",
        "buktidukung",
        "datadukung",
        "keluaran",
        "outputbuktifisik",
        "buktipendukung",
        "produkoutput",
    ),
    LINKS: ("linkbukti", "tautanbukti", "linkbuktidukung", "tautanbuktidukung"),
    ActionCol.TARGET: (
        "targetwaktu",
        "waktu",
        "jadwal",
        "target",
        "waktupelaksanaan",
        "jadwalpelaksanaan",
    ),
    # A plan's remarks ("Keterangan", "Ket."): the action's Catatan, as written.
    ActionCol.NOTES: ("keterangan", "ket"),
    ActionCol.PIC: (
        "penanggungjawab",
        "pic",
        "pj",
        "pjk",
        "petugas",
        "unitpenanggungjawab",
    ),
}
BY_WORD: Final = {word: role for role, words in _SYNONYMS.items() for word in words}

# The LKE's six areas as units spell them; compared as letters only.
_AREA_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "I": ("manajemenperubahan",),
    "II": ("penataantatalaksana",),
    "III": (
        "penataansistemmanajemensdm",
        "penataansistemmanajemensumberdayamanusia",
        "penataansdm",
        "manajemensdm",
    ),
    "IV": ("penguatanakuntabilitas", "penguatanakuntabilitaskinerja"),
    "V": ("penguatanpengawasan",),
    "VI": ("peningkatankualitaspelayananpublik", "kualitaspelayananpublik"),
}
_AREA_BY_KEY: Final = {key: code for code, keys in _AREA_ALIASES.items() for key in keys}
_NUMBER_PREFIX = re.compile(
    r"^\s*(?:area\s+)?(?:[ivx]+|[a-z]|\d{1,2})\s*[.):\-]?\s+", re.IGNORECASE
)


def letters(text: object) -> str:
    """A text as lower-case letters only, for comparing header words and area names."""
    return re.sub(r"[^a-z]", "", fold(tidy(text)))


def area_code(text: object) -> str | None:
    """The LKE area a title names ("I. MANAJEMEN PERUBAHAN", "Area Penataan Tatalaksana")."""
    # A trailing note in brackets ("Penguatan Pengawasan (Area V)") names no other area.
    clean = re.sub(r"\s*\([^()]*\)$", "", tidy(text)).rstrip(".")
    if clean.upper() in AREA_CODES:
        return clean.upper()
    while True:
        found = _AREA_BY_KEY.get(re.sub(r"^area", "", letters(clean)))
        if found or not _NUMBER_PREFIX.match(clean):
            return found
        clean = _NUMBER_PREFIX.sub("", clean, count=1)

"""Plan tables: any satker's table (.xlsx, .csv, .docx) or the SK's annex read into action rows,
BUKTI FISIK split into documents, and the contract's workbook built from them."""

from __future__ import annotations

from zi_dash.sk.annex import SOURCE, annex_grid, load_sk_rows, read_annex
from zi_dash.sk.builder import (
    GUIDE,
    OTHER_GUIDE,
    action_rows,
    build_workbook,
    evidence_rows,
    workbook_bytes,
    write_workbook,
)
from zi_dash.sk.contacts_sheet import add_contacts_sheet_to, contact_rows
from zi_dash.sk.evidence_links import cell_links, evidence_items
from zi_dash.sk.evidence_split import split_evidence
from zi_dash.sk.lke_sheet import add_lke_sheet_to
from zi_dash.sk.sources import KINDS, read_source
from zi_dash.sk.table import SkRow, SourceError, TableRead, read_table
from zi_dash.sk.title import guess_legal_basis, guess_unit, guess_year, stated_year
from zi_dash.sk.words import LINKS, YEAR, area_code, letters

__all__ = [
    "GUIDE",
    "KINDS",
    "LINKS",
    "OTHER_GUIDE",
    "SOURCE",
    "YEAR",
    "SkRow",
    "SourceError",
    "TableRead",
    "action_rows",
    "add_contacts_sheet_to",
    "add_lke_sheet_to",
    "annex_grid",
    "area_code",
    "build_workbook",
    "cell_links",
    "contact_rows",
    "evidence_items",
    "evidence_rows",
    "guess_legal_basis",
    "guess_unit",
    "guess_year",
    "letters",
    "load_sk_rows",
    "read_annex",
    "read_source",
    "read_table",
    "split_evidence",
    "stated_year",
    "workbook_bytes",
    "write_workbook",
]

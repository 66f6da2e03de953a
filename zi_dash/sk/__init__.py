"""The SK's annex: reading its table, splitting BUKTI FISIK into documents, building a workbook."""

from __future__ import annotations

from zi_dash.sk.annex import SOURCE, SkRow, SourceError, load_sk_rows, read_annex
from zi_dash.sk.builder import action_rows, build_workbook, evidence_rows, write_workbook
from zi_dash.sk.evidence_split import split_evidence

__all__ = [
    "SOURCE",
    "SkRow",
    "SourceError",
    "action_rows",
    "build_workbook",
    "evidence_rows",
    "load_sk_rows",
    "read_annex",
    "split_evidence",
    "write_workbook",
]

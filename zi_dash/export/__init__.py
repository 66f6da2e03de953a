"""Files for the LAKIP: the ZIP of charts, the report (DOCX, PDF) and the tables (XLSX)."""

from __future__ import annotations

from zi_dash.export import bundle, cli_lke, failure, lke_excel, lke_score, report, rollup

__all__ = ["bundle", "cli_lke", "failure", "lke_excel", "lke_score", "report", "rollup"]

"""Files for the LAKIP: the ZIP of charts, the report (DOCX, PDF) and the tables (XLSX); the
reminders by e-mail."""

from __future__ import annotations

from zi_dash.export import (
    bundle,
    cli_lke,
    cli_newplan,
    cli_remind,
    failure,
    lke_excel,
    lke_score,
    mail,
    report,
    rollup,
)

__all__ = [
    "bundle",
    "cli_lke",
    "cli_newplan",
    "cli_remind",
    "failure",
    "lke_excel",
    "lke_score",
    "mail",
    "report",
    "rollup",
]

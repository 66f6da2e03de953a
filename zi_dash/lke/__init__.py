"""The LKE layer: the LKE ZI question bank and its answers, on plain values.

It imports only zi_dash.base.
"""

from __future__ import annotations

from zi_dash.lke.answers import Parsed, allowed_text, parse_answer
from zi_dash.lke.bank import AnswerType, Bank, Option, Row, RowKind, Thresholds, bank
from zi_dash.lke.links import LinkError, format_rows, parse_rows

__all__ = [
    "AnswerType",
    "Bank",
    "LinkError",
    "Option",
    "Parsed",
    "Row",
    "RowKind",
    "Thresholds",
    "allowed_text",
    "bank",
    "format_rows",
    "parse_answer",
    "parse_rows",
]

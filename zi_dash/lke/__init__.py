"""The LKE layer: the LKE ZI question bank, its answers and their score, on plain values.

It imports only zi_dash.base.
"""

from __future__ import annotations

from zi_dash.lke.answers import Parsed, allowed_text, parse_answer
from zi_dash.lke.bank import AnswerType, Bank, Option, Row, RowKind, Thresholds, bank
from zi_dash.lke.links import SK_COMPONENTS, LinkError, format_rows, parse_rows, tegal_links
from zi_dash.lke.path import Step, next_steps
from zi_dash.lke.scoring import AreaScore, Problem, QuestionScore, Score, score
from zi_dash.lke.suggest import suggest
from zi_dash.lke.verdict import Verdict, meets

__all__ = [
    "SK_COMPONENTS",
    "AnswerType",
    "AreaScore",
    "Bank",
    "LinkError",
    "Option",
    "Parsed",
    "Problem",
    "QuestionScore",
    "Row",
    "RowKind",
    "Score",
    "Step",
    "Thresholds",
    "Verdict",
    "allowed_text",
    "bank",
    "format_rows",
    "meets",
    "next_steps",
    "parse_answer",
    "parse_rows",
    "score",
    "suggest",
    "tegal_links",
]

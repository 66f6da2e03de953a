"""Reading the SK's free-text Target Waktu into date intervals: tokens, grammar, intervals."""

from __future__ import annotations

from zi_dash.schedule.target import (
    NO_TARGET,
    Target,
    effective_target,
    format_interval,
    format_intervals,
    parse_target,
)

__all__ = [
    "NO_TARGET",
    "Target",
    "effective_target",
    "format_interval",
    "format_intervals",
    "parse_target",
]

"""Action IDs listed in a message: short lists whole, long ones counted with a few examples."""

from __future__ import annotations

from typing import Final

from zi_dash.base import number

_LISTED: Final = 10  # a longer list of IDs is summed up: its count and the first few
_EXAMPLES: Final = 5


def some(ids: list[str], noun: str = "target") -> str:
    """IDs for a message: all of a short list, else their count and the first few."""
    if len(ids) <= _LISTED:
        return ", ".join(ids)
    return f"{number(len(ids), 0)} {noun}, mis. {', '.join(ids[:_EXAMPLES])}"

"""An action's periods measured at a date: what is planned by then, what was missed, what is next.

One action's weight is spread evenly over the days of its target periods, as the Kurva S
rencana spreads it, so a quarterly meeting missed in April counts before December.
"""

from __future__ import annotations

from datetime import date, timedelta

from zi_dash.schedule import Target, format_interval


def planned_share(target: Target, day: date) -> float:
    """% of an action planned by the end of `day`: its periods' days up to then, spread evenly.

    The same spreading as the Kurva S rencana; 0 for a target that cannot be read.
    """
    if not target.recognized or not target.intervals:
        return 0.0
    total = sum((e - s).days + 1 for s, e in target.intervals)
    done = sum(max(0, (min(e, day) - s).days + 1) for s, e in target.intervals if s <= day)
    return 100.0 * done / total


def period_flags(
    target: Target, progress: float, open_: bool, as_of: date, soon_days: int
) -> tuple[float, bool, bool, date | None, str]:
    """planned %, behind, due soon, the next period's end and the last missed period."""
    planned = planned_share(target, as_of)
    if not target.recognized or not target.intervals:
        return planned, False, False, None, ""
    behind = open_ and progress < planned - 1e-9
    upcoming = [(s, e) for s, e in target.intervals if e >= as_of]
    next_end = upcoming[0][1] if upcoming else None
    soon = (
        open_
        and next_end is not None
        and next_end <= as_of + timedelta(days=soon_days)
        and progress < planned_share(target, next_end) - 1e-9
    )
    # The period that fell behind: the last one that ended, else the one running now.
    started = [(s, e) for s, e in target.intervals if s <= as_of]
    passed = [(s, e) for s, e in started if e < as_of] or started
    missed = format_interval(*passed[-1]) if behind and passed else ""
    return planned, behind, soon, next_end, missed

"""Password guessing slowed across browser sessions: per client address and per account.

A new browser session costs nothing, so a count kept in the session stops nobody. The counts
live here, in the server process, shared by every session (one lock guards them); they are
lost when the server restarts, which only gives a guesser back the few free tries.

Each failed login is counted against the client's address and against the account named,
and each count, past its free tries, asks for a wait that doubles up to a cap. A stranger can
thus slow an account for everyone only briefly (ACCOUNT's cap: a minute), while their own
address waits up to a quarter of an hour. An address that has logged in as the account
before (since the server started) is the real user's: it keeps its own, smaller count for
that account (KNOWN) and is not held up by anyone else's guesses. Without an address
(Streamlit gives none for localhost) only the account's count applies.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

MAX_NAME: Final = 64  # longer typed names are counted by their first 64 characters
MAX_KEYS: Final = 10_000  # a guesser typing random names cannot grow the counts without end
FORGET_AFTER: Final = 3600.0  # seconds without a failure after which a count starts again


@dataclass(frozen=True)
class Limit:
    """How many failures are free, the first wait after them, and the longest wait (s)."""

    free: int
    first: float
    cap: float

    def wait(self, failures: int) -> float:
        """Seconds to wait after the last of `failures` failed logins."""
        if failures < self.free:
            return 0.0
        return min(self.first * 2.0 ** (failures - self.free), self.cap)


ADDRESS: Final = Limit(free=5, first=30.0, cap=15 * 60.0)
ACCOUNT: Final = Limit(free=10, first=15.0, cap=60.0)
KNOWN: Final = Limit(free=5, first=15.0, cap=60.0)

_Key = tuple[str, ...]


@dataclass
class _Count:
    failures: int
    last: float


class Guard:
    """The failed-login counts of one server process; safe to use from every session."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._counts: dict[_Key, _Count] = {}
        self._known: set[tuple[str, str]] = set()

    def _keys(self, name: str, address: str | None) -> list[tuple[_Key, Limit]]:
        name = name.strip().lower()[:MAX_NAME]
        if address is None:
            return [(("account", name), ACCOUNT)]
        if (name, address) in self._known:
            return [(("known", name, address), KNOWN)]
        return [(("address", address), ADDRESS), (("account", name), ACCOUNT)]

    def wait(self, name: str, address: str | None) -> float:
        """Seconds before a login as `name` from `address` may be tried; 0 when it may now."""
        now = self._clock()
        with self._lock:
            waits = [0.0]
            for key, limit in self._keys(name, address):
                count = self._counts.get(key)
                if count is not None and now - count.last < FORGET_AFTER:
                    waits.append(count.last + limit.wait(count.failures) - now)
            return max(waits)

    def failed(self, name: str, address: str | None) -> None:
        """Count a wrong password (or unknown name) for `name` from `address`."""
        now = self._clock()
        with self._lock:
            for key, _ in self._keys(name, address):
                count = self._counts.get(key)
                if count is None or now - count.last >= FORGET_AFTER:
                    count = self._counts[key] = _Count(0, now)
                count.failures += 1
                count.last = now
            if len(self._counts) > MAX_KEYS:
                self._prune(now)

    def succeeded(self, name: str, address: str | None) -> None:
        """A login as `name` from `address`: from now on its address is the real user's."""
        if address is None:
            return
        name = name.strip().lower()[:MAX_NAME]
        with self._lock:
            self._counts.pop(("known", name, address), None)
            if len(self._known) < MAX_KEYS:
                self._known.add((name, address))

    def _prune(self, now: float) -> None:
        for key in [k for k, c in self._counts.items() if now - c.last >= FORGET_AFTER]:
            del self._counts[key]
        # Still too many: the oldest go first (their waits are the nearest to being over).
        excess = len(self._counts) - MAX_KEYS
        if excess > 0:
            for key in sorted(self._counts, key=lambda k: self._counts[k].last)[:excess]:
                del self._counts[key]


def locked_message(wait: float, now: datetime | None = None) -> str:
    """The Indonesian lock-out message: when the next try is allowed."""
    at = (now or datetime.now()) + timedelta(seconds=wait)
    left = f"{math.ceil(wait)} detik" if wait < 60 else f"{math.ceil(wait / 60)} menit"
    return (
        "Terlalu banyak percobaan masuk yang gagal. Coba lagi pukul "
        f"{at:%H.%M.%S} (sekitar {left} lagi)."
    )


# The one guard of this server process: every session's login goes through it.
GUARD: Final = Guard()

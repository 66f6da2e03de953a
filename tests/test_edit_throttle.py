"""zi_dash.edit.throttle: failed logins counted per address and account across sessions."""

from __future__ import annotations

from datetime import datetime

import pytest

from zi_dash.edit import throttle
from zi_dash.edit.throttle import ACCOUNT, ADDRESS, KNOWN, Guard, Limit


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("limit", "failures", "wait"),
    [
        (Limit(5, 30, 900), 0, 0),
        (Limit(5, 30, 900), 4, 0),
        (Limit(5, 30, 900), 5, 30),
        (Limit(5, 30, 900), 6, 60),
        (Limit(5, 30, 900), 9, 480),
        (Limit(5, 30, 900), 10, 900),  # 960, capped
        (Limit(5, 30, 900), 500, 900),  # no overflow either
        (Limit(10, 15, 60), 11, 30),
        (Limit(10, 15, 60), 13, 60),
    ],
)
def test_waits_double_after_the_free_tries_up_to_the_cap(limit, failures, wait) -> None:
    assert limit.wait(failures) == wait


def test_the_limits_keep_a_stranger_from_locking_the_real_user_out_for_long() -> None:
    assert ACCOUNT.cap <= 60 and KNOWN.cap <= 60  # what others' guesses can cost a user
    assert ADDRESS.cap >= 10 * ACCOUNT.cap  # what the guesser's own address pays


def _fail(guard: Guard, clock: Clock, name: str, address: str | None, times: int) -> None:
    """`times` failed logins, each as soon as the guard allows it."""
    for _ in range(times):
        clock.now += guard.wait(name, address)
        guard.failed(name, address)


# (who fails, how often) then (name, address) -> the wait expected right after.
STRANGER, REAL, OTHER = "10.0.0.9", "10.0.0.5", "10.0.0.7"


@pytest.mark.parametrize(
    ("known", "fails", "expected"),
    [
        # Five free tries per address, whatever names are typed.
        ([], [("budi", STRANGER, 4)], {("budi", STRANGER): 0, ("ani", STRANGER): 0}),
        ([], [("budi", STRANGER, 5)], {("budi", STRANGER): 30, ("ani", STRANGER): 30}),
        ([], [("budi", STRANGER, 3), ("ani", STRANGER, 3)], {("x", STRANGER): 60}),
        # The account, from any other address: ten free, then at most a minute.
        ([], [("budi", STRANGER, 9)], {("budi", OTHER): 0}),
        ([], [("budi", STRANGER, 11)], {("budi", OTHER): 30, ("ani", OTHER): 0}),
        ([], [("budi", STRANGER, 40)], {("budi", OTHER): 60, ("budi", STRANGER): 900}),
        # Many addresses guessing one account: each address is free, the account is not.
        ([], [("budi", f"10.1.0.{i}", 2) for i in range(6)], {("budi", OTHER): 60}),
        # The real user's own address is never held up by a stranger's guesses...
        ([("budi", REAL)], [("budi", STRANGER, 40)], {("budi", REAL): 0}),
        # ...and keeps a count of its own typos, which holds nobody else up.
        ([("budi", REAL)], [("budi", REAL, 5)], {("budi", REAL): 15, ("budi", OTHER): 0}),
        ([("budi", REAL)], [("budi", REAL, 30)], {("budi", REAL): 60}),
        # A known address is known for that account only.
        ([("budi", REAL)], [("ani", REAL, 5)], {("ani", REAL): 30, ("budi", REAL): 0}),
        # No address (localhost): the account's count alone.
        ([], [("budi", None, 10)], {("budi", None): 15, ("ani", None): 0}),
        # Names are compared as accounts are: case and spaces do not make a new count.
        ([], [(" BUDI ", STRANGER, 11)], {("budi", OTHER): 30}),
    ],
)
def test_who_waits_after_whose_failures(known, fails, expected) -> None:
    clock = Clock()
    guard = Guard(clock)
    for name, address in known:
        guard.succeeded(name, address)
    for name, address, times in fails:
        _fail(guard, clock, name, address, times)
    assert {k: guard.wait(*k) for k in expected} == expected


def test_a_count_is_forgotten_an_hour_after_its_last_failure() -> None:
    clock = Clock()
    guard = Guard(clock)
    _fail(guard, clock, "budi", STRANGER, 12)
    assert guard.wait("budi", STRANGER) == 900 - 0  # just failed: the whole cap
    clock.now += throttle.FORGET_AFTER
    assert guard.wait("budi", STRANGER) == 0
    guard.failed("budi", STRANGER)  # counted from one again
    assert guard.wait("budi", STRANGER) == 0


def test_a_login_clears_only_the_real_users_own_count() -> None:
    clock = Clock()
    guard = Guard(clock)
    guard.succeeded("budi", REAL)
    _fail(guard, clock, "budi", REAL, 6)
    _fail(guard, clock, "budi", STRANGER, 12)
    guard.succeeded("budi", REAL)
    assert guard.wait("budi", REAL) == 0
    assert guard.wait("budi", OTHER) == 60  # the stranger's guesses still count


def test_random_names_cannot_grow_the_counts_without_end(monkeypatch) -> None:
    monkeypatch.setattr(throttle, "MAX_KEYS", 50)
    clock = Clock()
    guard = Guard(clock)
    for i in range(500):
        guard.failed(f"nama{i}", f"10.2.{i // 250}.{i % 250}")
        clock.now += 1
    assert len(guard._counts) <= 51
    assert guard.wait("nama499", None) == 0  # the newest are kept, and still count
    assert guard._counts[("account", "nama499")].failures == 1


@pytest.mark.parametrize(
    ("wait", "expected"),
    [
        (30, "Coba lagi pukul 14.05.30 (sekitar 30 detik lagi)."),
        (0.2, "Coba lagi pukul 14.05.00 (sekitar 1 detik lagi)."),
        (60, "Coba lagi pukul 14.06.00 (sekitar 1 menit lagi)."),
        (900, "Coba lagi pukul 14.20.00 (sekitar 15 menit lagi)."),
        (61, "Coba lagi pukul 14.06.01 (sekitar 2 menit lagi)."),
    ],
)
def test_the_lock_out_message_says_when_to_try_again(wait: float, expected: str) -> None:
    message = throttle.locked_message(wait, datetime(2026, 11, 25, 14, 5, 0))
    assert message == f"Terlalu banyak percobaan masuk yang gagal. {expected}"

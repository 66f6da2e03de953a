"""bench.load --profile: cProfile inside the server, over every thread, started and dumped by
signals (SIGUSR1 starts, SIGUSR2 writes the stats to $BENCH_PROFILE). Loaded by Python at
start-up when this folder is on PYTHONPATH; does nothing without $BENCH_PROFILE."""

import os

if os.environ.get("BENCH_PROFILE"):
    import cProfile
    import pstats
    import signal
    import sys
    import threading

    _profiles: list[cProfile.Profile] = []

    def _thread_start(*_: object) -> None:
        # The first profile event of a new thread (a script run): profile it from here on.
        sys.setprofile(None)
        profile = cProfile.Profile()
        _profiles.append(profile)
        profile.enable()

    def _start(*_: object) -> None:
        _profiles.clear()
        threading.setprofile(_thread_start)
        profile = cProfile.Profile()  # the main thread: Tornado, sessions, static files
        _profiles.append(profile)
        profile.enable()

    def _dump(*_: object) -> None:
        threading.setprofile(None)  # type: ignore[arg-type]
        _profiles[0].disable()
        stats = pstats.Stats(_profiles[0])
        for profile in _profiles[1:]:
            stats.add(profile)
        stats.dump_stats(os.environ["BENCH_PROFILE"])

    signal.signal(signal.SIGUSR1, _start)
    signal.signal(signal.SIGUSR2, _dump)

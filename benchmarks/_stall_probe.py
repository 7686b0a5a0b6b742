"""Run a Textual app with a stall detector on its event loop (used by `felt.py`, not by the app).

    python benchmarks/_stall_probe.py LOG -m briefing_tui [ARGS...]
    python benchmarks/_stall_probe.py LOG -c CODE

A heartbeat is scheduled on the app's asyncio loop every 10 ms; whenever it runs more than 100 ms
late, the loop was blocked (a long callback, a paint, or another thread holding the GIL) and one
line "MONOTONIC_START_S LATE_MS" is appended to LOG. The clock is `time.monotonic()`, the same
clock the benchmark reads, so a stall can be attributed to what the benchmark was doing then.
Nothing in the app is changed: the probe only wraps `asyncio.new_event_loop`.
"""

from __future__ import annotations

import asyncio
import asyncio.events
import runpy
import sys
import time

TICK = 0.010
STALL = 0.100


def _install(log_path: str) -> None:
    log = open(log_path, "a", buffering=1, encoding="ascii")
    original = asyncio.events.new_event_loop

    def new_event_loop() -> asyncio.AbstractEventLoop:
        loop = original()
        expected = [0.0]

        def beat() -> None:
            now = time.monotonic()
            late = now - expected[0]
            if late > STALL:
                log.write(f"{now - late:.4f} {late * 1000:.1f}\n")
            expected[0] = now + TICK
            loop.call_later(TICK, beat)

        def start() -> None:
            expected[0] = time.monotonic()
            beat()

        loop.call_soon(start)
        return loop

    asyncio.events.new_event_loop = new_event_loop
    asyncio.new_event_loop = new_event_loop


def main() -> None:
    log_path, mode, target, *rest = sys.argv[1:]
    _install(log_path)
    if mode == "-m":
        sys.argv = [target, *rest]
        runpy.run_module(target, run_name="__main__", alter_sys=True)
    elif mode == "-c":
        sys.argv = ["-c", *rest]
        exec(compile(target, "<app>", "exec"), {"__name__": "__main__"})
    else:
        raise SystemExit(f"usage: {__doc__}")


if __name__ == "__main__":
    main()

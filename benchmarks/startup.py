"""Start-up time to first paint: `briefing-tui` on the bundled sample vs a bare Textual app.

How it is measured: each app runs as a real process in a pseudo-terminal of 120x40, the way a
terminal emulator runs it (nothing in the app is changed or told it is being timed). The clock
starts just before the process is spawned and stops when the terminal output contains text that
only the painted frame holds: for briefing-tui a word of the sample's headline (painted once the
briefing is loaded and the main screen is up; the "Loading…" line before it is timed too), for the
baseline its one line of text. The process is then killed. The two apps alternate, N runs each,
after one unmeasured warm-up run of each (so both start with a warm disk cache); the table gives
min, median and max, and the ratio of the medians.

    .venv/bin/python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

COLUMNS, LINES = 120, 40
TIMEOUT = 30.0

BASELINE = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("bare textual app: one line")

Bare().run()
"""


def _headline_word() -> bytes:
    """A word from the sample's headline, long enough to be found nowhere else on screen."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from briefing_tui.paths import sample_path

    for line in sample_path().read_text(encoding="utf-8").splitlines():
        if line.startswith("headline:"):
            return max(line.split(), key=len).encode()
    raise SystemExit("the sample has no headline line")


def time_to_paint(argv: list[str], markers: list[bytes], env: dict[str, str]) -> list[float | None]:
    """Seconds from spawning `argv` in a pty until each marker first appears in its output.

    Waits for the last marker; the others are timed if they show up before it (None if not)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    found: dict[bytes, float] = {}
    output = b""
    try:
        while markers[-1] not in found:
            if time.perf_counter() - start > TIMEOUT:
                raise SystemExit(f"{argv}: no paint within {TIMEOUT}s; output ends {output[-300:]!r}")
            ready, _, _ = select.select([master], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the process ended
                raise SystemExit(f"{argv}: exited before painting; output {output[-300:]!r}") from None
            output += chunk
            now = time.perf_counter()
            for marker in markers:
                if marker not in found and marker in output:
                    found[marker] = now - start
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)
    return [found.get(marker) for marker in markers]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, metavar="N", help="runs of each app (15)")
    args = parser.parse_args()

    headline = _headline_word()
    with tempfile.TemporaryDirectory() as scratch:
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": str(COLUMNS),
            "LINES": str(LINES),
            # No user config: the default theme and keys, nothing read from the home folder.
            "BRIEFING_TUI_CONFIG": str(Path(scratch) / "config.yaml"),
        }
        ours = [sys.executable, "-m", "briefing_tui"]
        bare = [sys.executable, "-c", BASELINE]
        time_to_paint(ours, [headline], env)  # warm-up, not measured
        time_to_paint(bare, [b"one line"], env)
        loading: list[float] = []
        sample: list[float] = []
        baseline: list[float] = []
        for _ in range(args.runs):
            first, full = time_to_paint(ours, [b"Loading", headline], env)
            if first is not None:
                loading.append(first)
            sample.append(full or 0.0)
            baseline.append(time_to_paint(bare, [b"one line"], env)[0] or 0.0)

    def row(name: str, times: list[float]) -> str:
        ms = [t * 1000 for t in times]
        return f"| {name:<38} | {min(ms):7.0f} | {statistics.median(ms):7.0f} | {max(ms):7.0f} |"

    ratio = statistics.median(sample) / statistics.median(baseline)
    print(f"Start-up to first paint, {COLUMNS}x{LINES} pty, {args.runs} runs each, alternating (ms)")
    print()
    print(f"| {'app':<38} | {'min':>7} | {'median':>7} | {'max':>7} |")
    print(f"|{'-' * 40}|{'-' * 9}|{'-' * 9}|{'-' * 9}|")
    print(row("bare Textual app, one line", baseline))
    if loading:
        print(row(f"briefing-tui: 'Loading…' ({len(loading)} runs)", loading))
    print(row("briefing-tui: sample painted", sample))
    print()
    print(f"ratio of medians, sample painted / bare app: {ratio:.2f} (target: at most 1.50)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

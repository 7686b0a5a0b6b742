"""How `briefing-tui check` grows with the number of problems in a file: it must grow linearly.

Two kinds of file, each at N = 1,000, 10,000 and 100,000:

* misspelt-N: N events and N participants, each naming a misspelling of one event in `present_at`
  (every one gets a did-you-mean; compared with every event, this was quadratic);
* unknown-N: one participant with N unknown keys (every one is a problem to report).

Each file is checked by a fresh `briefing-tui check` process; the table gives its wall time, peak
resident memory (the child's own, from wait4) and the bytes it printed, and the time per problem,
which stays about flat when growth is linear. The files are made in a temporary folder, or read
from `--files DIR` (named misspelt-N.yaml and unknown-N.yaml, as /work/notes/before/gen.py makes
them) to compare with numbers measured on other code.

    .venv/bin/python benchmarks/check_scaling.py [--files DIR] [--sizes 1000,10000,100000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAD = "headline: H\ndate: 2026-02-04\nkey_points: [a point]\n"


def misspelt(n: int) -> str:
    events = [f"meeting number {i} on trade" for i in range(n)]
    lines = [HEAD, "events:\n", *(f"  - name: {e}\n" for e in events), "participants:\n"]
    lines += [f"  - name: P{i}\n    present_at: [meting nmber {i} on trde]\n" for i in range(n)]
    return "".join(lines)


def unknown(n: int) -> str:
    return HEAD + "participants:\n  - name: A\n" + "".join(f"    unknwn{i}: x\n" for i in range(n))


def check(path: Path) -> tuple[float, int, int, int]:
    """Seconds, peak RSS in KiB, bytes printed and exit status of `briefing-tui check PATH`."""
    command = [sys.executable, "-m", "briefing_tui", "check", str(path)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    printed = len(process.stdout.read())
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
    return elapsed, usage.ru_maxrss, printed, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=Path, help="read the files from this folder")
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated N")
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.files or Path(scratch)
        header = ("file", "problems", "time s", "µs/problem", "peak RSS MB", "output KB")
        print("{:<22} {:>9} {:>8} {:>11} {:>12} {:>10}".format(*header))
        for kind, make in (("misspelt", misspelt), ("unknown", unknown)):
            for n in sizes:
                path = folder / f"{kind}-{n}.yaml"
                if args.files is None:
                    path.write_text(make(n), encoding="utf-8")
                elapsed, rss, printed, status = check(path)
                note = "" if status == 1 else f"  (exit status {status})"
                print(
                    f"{path.name:<22} {n:>9,} {elapsed:>8.2f} {elapsed / n * 1e6:>11.1f} "
                    f"{rss / 1024:>12.1f} {printed / 1024:>10.1f}{note}"
                )


if __name__ == "__main__":
    main()

"""Sizes and times of every export on a folder of generated briefings.

    python benchmarks/export.py [--count 1000] [--runs 3]

Generates `count` briefings (about 30 participants each, `corpus.write_folder`), loads them once, then
renders each format in process (median of `runs`), and runs `briefing-tui export` end to end once per
format in a fresh process with a warm load cache, as a user would. Prints one table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefing_tui.export.command import render
from briefing_tui.export.common import load_path
from briefing_tui.export.vault import write_vault
from corpus import write_folder

FORMATS = [
    ("md", "md", None),
    ("json", "json", None),
    ("jsonl (people)", "jsonl", "people"),
    ("csv (people)", "csv", "people"),
    ("csv (agreements)", "csv", "agreements"),
    ("popolo", "popolo", None),
]


def _median_time(runs: int, work):  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _cli(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "briefing_tui", "export", *args], check=True, env=env)
    return time.perf_counter() - start


def _size(nbytes: int) -> str:
    return f"{nbytes / 1_000_000:.1f} MB" if nbytes >= 100_000 else f"{nbytes / 1000:.1f} kB"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        folder = write_folder(root / "desk", args.count)
        env = {**os.environ, "BRIEFING_TUI_CACHE": str(root / "cache")}
        os.environ["BRIEFING_TUI_CACHE"] = env["BRIEFING_TUI_CACHE"]
        start = time.perf_counter()
        briefings = load_path(folder).briefings
        cold = time.perf_counter() - start
        start = time.perf_counter()
        load_path(folder)
        warm = time.perf_counter() - start
        people = sum(len(b.participants) for b in briefings)
        print(
            f"{len(briefings):,} briefings, {people:,} participants; "
            f"load {cold:.2f} s cold, {warm:.2f} s cached"
        )
        print()
        print(f"{'format':<26} {'output':>9} {'render':>9} {'end to end':>11}")
        for label, fmt, table in FORMATS:
            seconds, text = _median_time(
                args.runs, lambda f=fmt, t=table: render(briefings, f, t or "people")
            )
            out = root / f"out-{fmt}-{table}"
            cli_args = [str(folder), "--format", fmt, "-o", str(out), "--force"]
            if table:
                cli_args += ["--table", table]
            total = _cli(cli_args, env)
            print(f"{label:<26} {_size(len(text.encode())):>9} {seconds:>7.2f} s {total:>9.2f} s")
        vaults = iter(range(args.runs))
        seconds, result = _median_time(
            args.runs, lambda: write_vault(briefings, root / f"vault-{next(vaults)}", force=False)
        )
        notes = sum(p.stat().st_size for p in result.written)
        total = _cli([str(folder), "--format", "md", "--vault", str(root / "vault2")], env)
        label = f"md --vault ({len(result.written):,} notes)"
        print(f"{label:<26} {_size(notes):>9} {seconds:>7.2f} s {total:>9.2f} s")


if __name__ == "__main__":
    main()

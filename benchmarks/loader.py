"""Load time of `briefing-tui check` against PyYAML's C loader, on the sample and on a generated file.

    python benchmarks/loader.py [--people 100000] [--runs 5]

Each round runs, in turn, each in a fresh process so one cannot warm the other: `briefing-tui
check FILE` (`python -m briefing_tui check`: strict parse, validation, evidence check, as a user
runs it); `yaml.load(..., Loader=yaml.CSafeLoader)` (what a user would reach for; it validates
nothing); the libyaml event floor (`yaml.parse` with the C parser, consuming every event: what any
reader built on PyYAML pays at least); and the same briefing reopened through the library's load
cache (what the browser and `search` do for a file already seen). Prints medians, ratios, and the
check's peak resident memory (the child's own, from wait4).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from as_installed import as_installed

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "pakistan-kazakhstan-state-visit.yaml"

FLOOR = (
    "import collections, yaml; "
    "collections.deque(yaml.parse(open({path!r}, encoding='utf-8'), Loader=yaml.CSafeLoader), maxlen=0)"
)
PYYAML_C = "import yaml; yaml.load(open({path!r}, encoding='utf-8'), Loader=yaml.CSafeLoader)"
CACHED = (
    "import os; os.environ['BRIEFING_TUI_CACHE'] = {cache!r}; "
    "from briefing_tui.library import load_cached; load_cached({path!r})"
)

FIRST = ["Nurlan", "Serik", "Aigerim", "Asif", "Muhammad", "Olga", "Ivan", "Li", "Wei", "Fatima", "Ali"]
LAST = ["Tokayev", "Zhakupov", "Sharif", "Dar", "Petrov", "Wang", "Khan", "Garcia", "Nurbek", "Kosanov"]
ROLES = ["Minister of Defence", "Ambassador", "Senator", "Adviser to the President", "Deputy Prime Minister"]
SIDES = ["Pakistan", "Kazakhstan", "China", "Turkey"]


def generate(people: int, path: Path) -> None:
    rng = random.Random(7)
    lines = [
        "briefing: 1",
        "headline: A generated summit",
        "date: 2026-02-04",
        "key_points:",
        "  - One point.",
        "events:",
        "  - name: Plenary",
        "participants:",
    ]
    for i in range(people):
        lines += [
            f"  - name: {rng.choice(FIRST)} {rng.choice(LAST)} {i}",
            f"    role: {rng.choice(ROLES)}",
            f"    side: {rng.choice(SIDES)}",
            f"    aliases: [{rng.choice(LAST)}]",
            "    present_at: [Plenary]",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(code: str) -> float:
    return run([sys.executable, "-c", code])[0]


def run(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a child process, which must succeed."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
    if process.returncode:
        raise SystemExit(f"{command} exited with {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    as_installed()
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "generated.yaml"
        generate(args.people, big)
        size = big.stat().st_size / 1e6
        cache = Path(tmp) / "cache"
        print(
            f"{'file':<34} {'check (s)':>10} {'CSafeLoader (s)':>16} {'ratio':>6} {'event floor (s)':>16}"
            f" {'ratio':>6} {'cached (s)':>11} {'ratio':>6} {'check RSS MB':>13}"
        )
        for label, path in (("sample", SAMPLE), (f"{args.people:,} participants ({size:.1f} MB)", big)):
            timed(CACHED.format(cache=str(cache), path=str(path)))  # fills the cache
            ours: list[float] = []
            rss: list[float] = []
            theirs: list[float] = []
            floor: list[float] = []
            cached: list[float] = []
            for _ in range(args.runs):
                seconds, peak = run([sys.executable, "-m", "briefing_tui", "check", str(path)])
                ours.append(seconds)
                rss.append(peak)
                theirs.append(timed(PYYAML_C.format(path=str(path))))
                floor.append(timed(FLOOR.format(path=str(path))))
                cached.append(timed(CACHED.format(cache=str(cache), path=str(path))))
            a, b, f, c, m = (statistics.median(t) for t in (ours, theirs, floor, cached, rss))
            print(
                f"{label:<34} {a:>10.3f} {b:>16.3f} {a / b:>6.2f} {f:>16.3f} {a / f:>6.2f}"
                f" {c:>11.3f} {c / b:>6.2f} {m:>13.1f}"
            )
    print(f"medians of {args.runs} alternating runs, each a fresh process (Python start-up included)")


if __name__ == "__main__":
    main()

"""Load time of `briefing-tui check` against PyYAML's C loader, on the sample and on a generated file.

    python benchmarks/loader.py [--people 100000] [--runs 5]

Each round runs, in turn: our loader (`load_briefing`: strict parse, validation, evidence check) and
`yaml.load(..., Loader=yaml.CSafeLoader)` (what a user would reach for; it validates nothing), each in
a fresh process so one cannot warm the other; and the same briefing reopened through the library's
load cache (what the browser and `search` do for a file already seen). Prints medians and ratios.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "pakistan-kazakhstan-state-visit.yaml"

OURS = "from briefing_tui.format.loader import load_briefing; load_briefing({path!r})"
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
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "generated.yaml"
        generate(args.people, big)
        size = big.stat().st_size / 1e6
        cache = Path(tmp) / "cache"
        print(
            f"{'file':<34} {'briefing-tui (s)':>17} {'PyYAML CSafeLoader (s)':>23} {'ratio':>6}"
            f" {'cached (s)':>11} {'ratio':>6}"
        )
        for label, path in (("sample", SAMPLE), (f"{args.people:,} participants ({size:.1f} MB)", big)):
            timed(CACHED.format(cache=str(cache), path=str(path)))  # fills the cache
            ours: list[float] = []
            theirs: list[float] = []
            cached: list[float] = []
            for _ in range(args.runs):
                ours.append(timed(OURS.format(path=str(path))))
                theirs.append(timed(PYYAML_C.format(path=str(path))))
                cached.append(timed(CACHED.format(cache=str(cache), path=str(path))))
            a, b, c = (statistics.median(t) for t in (ours, theirs, cached))
            print(f"{label:<34} {a:>17.3f} {b:>23.3f} {a / b:>6.2f} {c:>11.3f} {c / b:>6.2f}")
    print(f"medians of {args.runs} alternating runs, each a fresh process (Python start-up included)")


if __name__ == "__main__":
    main()

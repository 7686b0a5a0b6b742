"""A library at desk scale: 10,000 generated briefings of ~30 participants, opened, filtered, searched.

    .venv/bin/python benchmarks/library.py [--count 10000] [--folder DIR] [--no-serial]

Prints, beside PyYAML's C loader parsing the same files in the same run: cold open (nothing
cached; worker processes, and in one process), warm open to a usable list (the library opened
from its cache and sorted newest first), filter and people search per keystroke (every prefix of
typical queries), find per query, and peak RSS. Each step runs in a fresh process and times
itself from before its first import of briefing_tui (Python's own start-up is not counted, for
either side). `--folder` reuses (or keeps) a generated folder: generating 10,000 takes a minute.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from as_installed import as_installed

HERE = Path(__file__).resolve().parent

FILTERS = (
    "kazakhstan",
    "topic:energy after:2023-01-01",
    "-side:china trade",
    "person:nurlan",
    "year:2024 place:almaty",
    "outlet:xinhua security",
    "talks defence -topic:health",
    "before:2022-06 is:valid",
)
PEOPLE = ("tokayev", "wang yi", "minister of foreign affairs", "zhakupov", "Токаев", "ambassador turkey")
FINDS = (
    "cooperation",
    '"transit trade"',
    "bank*",
    "memorandum AND energy",
    "security NOT defence",
    "roadmap OR protocol",
    "ratified",
    "round table",
    "kazakh*",
    '"point 3"',
    "signing ceremony",
    "(trade OR transit) AND digital",
)
TARGETS = {
    "cold": "≤ 1.2x",
    "warm": "< 0.5 s",
    "filter": "p95 ≤ 16 ms",
    "people": "p95 ≤ 16 ms",
    "find": "p95 ≤ 50 ms",
    "rss": "< 600 MB",
}


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the worker processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _ms(values: list[float]) -> str:
    values = sorted(values)
    p50 = statistics.median(values)
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    return f"{p50 * 1000:.2f} / {p95 * 1000:.2f} ms"


def _keystrokes(queries: tuple[str, ...]) -> list[str]:
    return [query[:n] for query in queries for n in range(1, len(query) + 1)]


# -- the steps, each in its own process ------------------------------------------------------------


def step_pyyaml(folder: Path) -> dict[str, Any]:
    start = time.perf_counter()
    import yaml

    files = sorted(folder.rglob("*.yaml"))
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return {"seconds": time.perf_counter() - start, "cpu": _cpu(), "files": len(files), "rss": _rss_mb()}


def step_cold(folder: Path, workers: int | None) -> dict[str, Any]:
    start = time.perf_counter()
    from briefing_tui.library import load_library

    library = load_library(folder, workers=workers)
    seconds = time.perf_counter() - start
    assert not library.problems, library.problems[:3]
    return {"seconds": seconds, "cpu": _cpu(), "files": len(library.entries), "rss": _rss_mb()}


def step_warm(folder: Path) -> dict[str, Any]:
    start = time.perf_counter()
    from briefing_tui.library import load_library

    library = load_library(folder)
    rows = library.filter("")  # sorted newest first: what the list shows
    warm = time.perf_counter() - start
    assert library.note is None, library.note
    result: dict[str, Any] = {"seconds": warm, "cpu": _cpu(), "files": len(rows)}

    start = time.perf_counter()
    people = library.persons()
    result["people_build"] = time.perf_counter() - start
    result["persons"] = len(people)
    result["participants"] = sum(len(p.appearances) for p in people.persons)
    start = time.perf_counter()
    people.search("x")
    result["people_index"] = time.perf_counter() - start

    start = time.perf_counter()
    library.filter("x")  # the filter's index is made for the first filter (a sort needs none)
    result["filter_build"] = time.perf_counter() - start
    times = []
    for prefix in _keystrokes(FILTERS):
        t = time.perf_counter()
        try:
            library.filter(prefix)
        except ValueError:
            pass  # "after:2023-0" is not a date yet: said under the box, as fast
        times.append(time.perf_counter() - t)
    result["filter"] = times

    times = []
    for prefix in _keystrokes(PEOPLE):
        t = time.perf_counter()
        people.search(prefix)
        times.append(time.perf_counter() - t)
    result["people"] = times

    times = []
    for query in FINDS:
        t = time.perf_counter()
        library.find(query)
        times.append(time.perf_counter() - t)
    result["find"] = times
    result["find_hits"] = sum(len(library.find(query)) for query in FINDS)
    result["rss"] = _rss_mb()
    return result


def run_step(name: str, folder: Path, cache: Path, *extra: str) -> dict[str, Any]:
    env = {**os.environ, "BRIEFING_TUI_CACHE": str(cache), "PYTHONPATH": str(HERE.parent / "src")}
    command = [sys.executable, __file__, "--step", name, "--folder", str(folder), *extra]
    output = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout
    result: dict[str, Any] = json.loads(output.splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=30)
    parser.add_argument("--folder", type=Path, help="the generated folder, reused if it exists")
    parser.add_argument("--no-serial", action="store_true", help="skip the cold open in one process")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    as_installed()
    if args.step:
        steps = {
            "pyyaml": lambda: step_pyyaml(args.folder),
            "cold": lambda: step_cold(args.folder, args.workers),
            "warm": lambda: step_warm(args.folder),
        }
        print(json.dumps(steps[args.step]()))
        return

    with tempfile.TemporaryDirectory() as scratch:
        folder = args.folder or Path(scratch) / "desk"
        if not folder.exists():
            sys.path.insert(0, str(HERE))
            from corpus import write_folder

            start = time.perf_counter()
            write_folder(folder, args.count, people=args.people)
            print(
                f"generated {args.count:,} briefings in {time.perf_counter() - start:.0f} s", file=sys.stderr
            )
        cold_cache, serial_cache = Path(scratch) / "cache", Path(scratch) / "serial-cache"
        size = sum(p.stat().st_size for p in folder.rglob("*.yaml")) / 1e6
        pyyaml = run_step("pyyaml", folder, cold_cache)
        cold = run_step("cold", folder, cold_cache)
        serial = None if args.no_serial else run_step("cold", folder, serial_cache, "--workers", "0")
        warm = run_step("warm", folder, cold_cache)
        base = pyyaml["seconds"]

        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        print(
            f"library: {pyyaml['files']:,} briefings ({size:.1f} MB, {warm['participants']:,} participants,"
            f" {warm['persons']:,} people), {cores} cores, Python {sys.version.split()[0]}"
        )

        def timed(step: dict[str, Any], digits: int = 2) -> str:
            return f"{step['seconds']:.{digits}f} s (cpu {step['cpu']:.1f})"

        rows = [
            ("PyYAML CSafeLoader: parse every file", timed(pyyaml), "1.00x", ""),
            ("cold open, worker processes", timed(cold), f"{cold['seconds'] / base:.2f}x", TARGETS["cold"]),
        ]
        if serial is not None:
            rows.append(("cold open, one process", timed(serial), f"{serial['seconds'] / base:.2f}x", ""))
        rows += [
            ("warm open to a usable list", timed(warm, 3), f"{warm['seconds'] / base:.3f}x", TARGETS["warm"]),
            (
                "people and their search index (first use)",
                f"{warm['people_build'] + warm['people_index']:.2f} s",
                "",
                "",
            ),
            ("filter index (first filter)", f"{warm['filter_build']:.2f} s", "", ""),
            (
                f"filter per keystroke p50 / p95 ({len(warm['filter'])})",
                _ms(warm["filter"]),
                "",
                TARGETS["filter"],
            ),
            (
                f"people search per keystroke p50 / p95 ({len(warm['people'])})",
                _ms(warm["people"]),
                "",
                TARGETS["people"],
            ),
            (
                f"find per query p50 / p95 ({len(warm['find'])}, {warm['find_hits']} hits)",
                _ms(warm["find"]),
                "",
                TARGETS["find"],
            ),
            (
                "peak RSS: C loader / cold (parent) / warm, all of the above",
                f"{pyyaml['rss']:.0f} / {cold['rss']:.0f} / {warm['rss']:.0f} MB",
                "",
                TARGETS["rss"],
            ),
        ]
        width = max(len(r[0]) for r in rows)
        print(f"{'':<{width}}  {'time (cpu s)':>22}  {'vs C loader':>11}  target")
        for label, value, ratio, target in rows:
            print(f"{label:<{width}}  {value:>22}  {ratio:>11}  {target}")
        print("cpu: seconds of CPU of the step's process and its worker processes; time is wall-clock")


if __name__ == "__main__":
    main()

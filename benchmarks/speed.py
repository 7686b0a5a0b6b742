"""Search speed: index build time, per-keystroke latency and memory at 1k to 1M participants.

    .venv/bin/python benchmarks/speed.py                      # 1k, 10k, 100k, 1M
    .venv/bin/python benchmarks/speed.py --sizes 1000 100000  # some sizes only
    .venv/bin/python benchmarks/speed.py --no-fzf             # without the fzf column

Participants come from a seeded generator (`people.py`) of realistic names, roles, organizations
and sides. Realistic queries (a surname, a full name, a typo, a transliteration, a role with a
country, initials, an abbreviation...) are typed character by character, and every keystroke is
one `SearchIndex.search(prefix, limit=50)`, highlighting spans included, on one index (caches
carry over from query to query as in a session). Beside it, in the same run, `fzf --filter` gets
the same keystrokes over the same items (one line per participant: name, aliases, role,
organization, side, events): a fresh process per keystroke, which is how fzf filters.
At the largest sizes fzf runs on an evenly spaced sample of the keystrokes.

Each size runs in its own process, so the memory figure is that of the index alone: the growth of
the resident set size while building it (the participants themselves are not counted).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from briefing_tui.format.model import Participant  # noqa: E402
from people import generate, to_cyrillic  # noqa: E402

SIZES = (1_000, 10_000, 100_000, 1_000_000)
FIXED_QUERIES = (
    "minister of defence kazakhstan",
    "fm pakistan",
    "deputy prime minister",
    "ambassador of uzbekistan",
    "ceo samruk",
    "senator",
    "adviser to the president",
    "governor almaty",
    "prosecutor general",
    "director general",
)


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    kind = rng.choice(("swap", "drop", "double", "replace"))
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiouy") + word[i + 1 :]


def _variant(word: str) -> str:
    for old, new in (("zh", "j"), ("kh", "h"), ("yev", "ev"), ("ov", "ow"), ("ou", "u"), ("y", "i")):
        if old in word:
            return word.replace(old, new, 1)
    return word


def queries(people: list[Participant], seed: int = 11) -> list[str]:
    """What users type: names and name parts as they remember them, and roles."""
    rng = random.Random(seed)
    named = [p for p in people if p.name]
    found: list[str] = list(FIXED_QUERIES)
    for _ in range(30):
        person = rng.choice(named)
        words = (person.name or "").lower().split()
        family, given = words[-1], words[0]
        kind = rng.choice(("surname", "full", "typo", "variant", "cyrillic", "initials", "role"))
        if kind == "surname":
            found.append(family)
        elif kind == "full":
            found.append(f"{given} {family}")
        elif kind == "typo":
            found.append(_typo(family, rng))
        elif kind == "variant":
            found.append(f"{given} {_variant(family)}")
        elif kind == "cyrillic":
            found.append(to_cyrillic(family))
        elif kind == "initials":
            found.append("".join(w[0] for w in words))
        else:
            side = (person.side or "").lower()
            found.append(f"{family} {side}".strip())
    return found


def _line(person: Participant) -> str:
    parts = [person.name or "", *person.aliases, person.role or ""]
    parts += [person.organization or "", person.side or "", *person.present_at]
    return " | ".join(p for p in parts if p)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(size: int, use_fzf: bool) -> dict[str, float | int | str]:
    """Run one size in this process."""
    people = generate(size)
    typed = queries(people)
    keystrokes = [q[:i] for q in typed for i in range(1, len(q) + 1)]

    from briefing_tui.search import SearchIndex

    before = _rss_mb()
    start = time.perf_counter()
    index = SearchIndex(people)
    build = time.perf_counter() - start
    memory = _rss_mb() - before

    timings = []
    for text in keystrokes:
        start = time.perf_counter()
        index.search(text, limit=50)
        timings.append((time.perf_counter() - start) * 1000)

    result: dict[str, float | int | str] = {
        "size": size,
        "vocabulary": index.vocabulary_size,
        "build_s": build,
        "rss_mb": memory,
        "keystrokes": len(keystrokes),
        "p50_ms": statistics.median(timings),
        "p95_ms": _percentile(timings, 0.95),
        "max_ms": max(timings),
    }
    fzf = shutil.which("fzf")
    if use_fzf and fzf:
        step = max(1, len(keystrokes) * size // 20_000_000)
        sample = keystrokes[::step]
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as items:
            items.write("\n".join(_line(p) for p in people))
            items.write("\n")
        fzf_timings = []
        try:
            for text in sample:
                with open(items.name, "rb") as stdin:
                    start = time.perf_counter()
                    subprocess.run(
                        [fzf, "--filter", text], stdin=stdin, stdout=subprocess.DEVNULL, check=False
                    )
                    fzf_timings.append((time.perf_counter() - start) * 1000)
        finally:
            Path(items.name).unlink()
        result.update(
            fzf_keystrokes=len(sample),
            fzf_p50_ms=statistics.median(fzf_timings),
            fzf_p95_ms=_percentile(fzf_timings, 0.95),
        )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--no-fzf", action="store_true", help="skip the fzf --filter column")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(measure(args.worker, not args.no_fzf)))
        return
    head = (
        f"{'participants':>12} {'tokens':>8} {'build s':>8} {'RSS MB':>7} {'keys':>5} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} | {'fzf keys':>8} {'fzf p50':>8} {'fzf p95':>8}"
    )
    print(head)
    print("-" * len(head))
    for size in args.sizes:
        command = [sys.executable, __file__, "--worker", str(size)]
        if args.no_fzf:
            command.append("--no-fzf")
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        r = json.loads(out)
        fzf = (
            f"{r['fzf_keystrokes']:>8} {r['fzf_p50_ms']:>8.1f} {r['fzf_p95_ms']:>8.1f}"
            if "fzf_p50_ms" in r
            else f"{'-':>8} {'-':>8} {'-':>8}"
        )
        print(
            f"{r['size']:>12,} {r['vocabulary']:>8,} {r['build_s']:>8.2f} {r['rss_mb']:>7.0f} "
            f"{r['keystrokes']:>5} {r['p50_ms']:>7.2f} {r['p95_ms']:>7.2f} {r['max_ms']:>7.1f} | "
            f"{fzf}",
            flush=True,
        )


if __name__ == "__main__":
    main()

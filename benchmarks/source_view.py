"""The source view on large articles: how long it takes to open, to move between quotes, to close.

    .venv/bin/python benchmarks/source_view.py [--files DIR] [--sizes 1,30]

For each size (MB) an article is made as /work/notes/before/gen.py makes its a1 and a30 (random
sentences of a few words), or read from `--files DIR` (DIR/a1/article.txt, DIR/a30/article.txt),
with a briefing whose one participant quotes three passages of it: "the minister said" (near
its start), its middle sentence and its last one. Each size runs in a fresh process (Pilot,
headless, 120x40): the participant's details are opened, then the source view (`s`) is timed until
the app is idle again (its first frame is sooner: the rest of the article is wrapped between
frames), `n` (to the middle sentence) and `N` (back to the first quote) likewise; then `/` and
"transit trade" typed, timed until the matches are counted (`find`), with the longest the app
took to answer a pause meanwhile (`stall`: the UI never waits for the find), and `n` to the next
match; Escape (twice: the find, then the dialog) until the dialog is gone, and the app's exit; the
peak resident memory is the child's own (wait4).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = "the minister said that the agreement on transit trade would be signed in Astana next week".split()
QUOTE = "the minister said"


def make_article(size: int) -> str:
    rnd = random.Random(1)
    parts, total = [], 0
    while total < size:
        sentence = " ".join(rnd.choice(WORDS) for _ in range(20)) + ".\n"
        parts.append(sentence)
        total += len(sentence)
    return "".join(parts)


def briefing(article: str) -> str:
    lines = article.rstrip("\n").split("\n")
    quotes = [QUOTE, lines[len(lines) // 2], lines[-1]]
    evidence = "".join(f"      - {quote!r}\n" for quote in quotes)
    return (
        "headline: H\ndate: 2026-02-04\nkey_points: [a point]\nsource: {file: article.txt}\n"
        f"participants:\n  - name: P0\n    evidence:\n{evidence}"
    )


async def measure(path: Path) -> dict[str, float]:
    sys.path.insert(0, str(ROOT / "tests"))
    from apptest import make_app, ready
    from briefing_tui.items import Ref
    from briefing_tui.screens.main import MainScreen
    from briefing_tui.screens.source import SourceScreen

    times: dict[str, float] = {}
    app = make_app(path.parent, path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen), screen
        screen.jump_to(Ref("participant", 0))
        await pilot.press("enter")
        await ready(pilot)
        start = time.perf_counter()
        await pilot.press("s")
        while not isinstance(app.screen, SourceScreen):
            await pilot.pause(0.001)
        await pilot.pause()
        times["open"] = time.perf_counter() - start
        for key, name in (("n", "next"), ("N", "previous")):
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            times[name] = time.perf_counter() - start
        source = app.screen
        assert isinstance(source, SourceScreen)
        await pilot.press("slash", *"transit trade")
        start, stall = time.perf_counter(), 0.0
        while source.matches is None:
            before = time.perf_counter()
            await pilot.pause(0.001)
            stall = max(stall, time.perf_counter() - before)
        await pilot.pause()
        times["find"], times["stall"] = time.perf_counter() - start, stall
        await pilot.press("enter")
        start = time.perf_counter()
        await pilot.press("n")
        await pilot.pause()
        times["match"] = time.perf_counter() - start
        start = time.perf_counter()
        await pilot.press("escape", "escape")
        await pilot.pause()
        times["close"] = time.perf_counter() - start
        start = time.perf_counter()
    times["exit"] = time.perf_counter() - start
    return times


def child(size: int, files: Path | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["BRIEFING_TUI_CACHE"] = ""
        article = (
            (files / f"a{size}" / "article.txt").read_text(encoding="utf-8")
            if files
            else make_article(size * 1_000_000)
        )
        (Path(folder) / "article.txt").write_text(article, encoding="utf-8")
        path = Path(folder) / "b.yaml"
        path.write_text(briefing(article), encoding="utf-8")
        times = asyncio.run(measure(path))
    print(" ".join(f"{key}={value:.3f}" for key, value in times.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=Path)
    parser.add_argument("--sizes", default="1,30")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.files)
        return
    heads = ("open s", "n s", "N s", "find s", "stall s", "match s", "close s", "exit s", "peak MB")
    print(f"{'article':>8} " + " ".join(f"{head:>8}" for head in heads))
    for size in (int(s) for s in args.sizes.split(",")):
        command = [sys.executable, __file__, "--child", str(size)]
        if args.files:
            command += ["--files", str(args.files)]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        output = process.stdout.read() if process.stdout else ""
        if status != 0:
            print(f"{size:>6}MB failed: {output.strip()}")
            continue
        got = dict(item.split("=") for item in output.split())
        keys = ("open", "next", "previous", "find", "stall", "match", "close", "exit")
        columns = " ".join(f"{float(got[key]):>8.2f}" for key in keys)
        print(f"{size:>6}MB {columns} {usage.ru_maxrss / 1024:>8.0f}")


if __name__ == "__main__":
    main()

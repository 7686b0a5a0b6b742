"""Latency as the user feels it: the app in a real pty, driven by keys, read through a terminal emulator.

    .venv/bin/python benchmarks/felt.py                    # sample, 10k, 100k, a folder of 1,000
    .venv/bin/python benchmarks/felt.py --only sample --runs 5
    .venv/bin/python benchmarks/felt.py --app-python OTHER/.venv/bin/python   # another checkout

Each scenario starts `briefing-tui PATH` in a pseudo-terminal of 120x40 (a fresh process, as a
terminal emulator starts it), feeds everything it writes to `pyte` (a VT100 emulator), and types as
a person does: one key, wait until the screen shows what that key should show, a short pause, the
next key. A latency is the time from writing a key to the first complete frame (Textual's
synchronized-output frames) showing the expected result:

- first paint: spawn → the briefing's headline (or the library) on screen; settled: the last frame
  before the screen stays still for 0.5 s (indexes built, lists filled);
- search: `/` then a name typed letter by letter; each letter → the participant count for that
  query (computed beforehand with the same engine) in the pane title and its first hit on screen,
  in a frame drawn after the key. A letter whose count and first hit are those of the letter before
  cannot be told apart from its echo: it is typed but not measured ("unmeasured/run");
- escape: the search cleared, everyone listed again; move: `j` in the participants list → the screen
  changes; details: Enter → the dialog, Escape → gone again;
- in a folder: move in the library, a filter typed letter by letter (each letter → "N of 1,000" in
  the title and the first file listed), Escape, Enter on a briefing and Escape back.

Stalls come from inside the app's process (`_stall_probe.py`): the event loop waking more than
100 ms late after the first paint, i.e. a key pressed then would have waited that long. RSS is the
app's resident set once settled, and its peak. A bare Textual app (a line of text, an Input and an
OptionList) runs in the same rounds: the floor of first paint, key echo, movement and Escape on this
machine (a lone ESC is told from the start of a sequence only after `ESCDELAY`, 100 ms, and on the
input thread's next 100 ms tick: Escape costs 100–200 ms in any Textual app).
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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pyte

from as_installed import as_installed

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

if TYPE_CHECKING:
    from briefing_tui.search import SearchIndex

COLUMNS, LINES = 120, 40
SYNC_END = b"\x1b[?2026l"
DECRQM_SYNC = b"\x1b[?2026$p"
QUIET = 0.5
KEY_TIMEOUT = 15.0
PAUSE = 0.12  # between a result and the next key, as a person reads it

BARE_APP = """
from textual.app import App
from textual.widgets import Input, OptionList, Static

class Bare(App):
    BINDINGS = [("escape", "escaped", "")]
    escapes = 0

    def compose(self):
        yield Static("bare textual app: one line")
        yield Input(placeholder="type here")
        yield OptionList(*[f"option number {i}" for i in range(30)])

    def on_mount(self):
        self.query_one(Input).cursor_blink = False  # a blinking cursor never lets the screen settle

    def action_escaped(self):
        self.escapes += 1
        self.query_one(Static).update(f"bare textual app: escape {self.escapes}")

Bare().run()
"""

Screen = pyte.Screen
Predicate = Callable[["Term"], bool]


class Term:
    """A process in a pty, its output interpreted by pyte, read frame by frame."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self.master = master
        self.last_frame = self.started
        self.frames = 0
        self.tail = b""

    # -- reading ----------------------------------------------------------------------------------

    def _read(self, timeout: float) -> bool:
        """Read what is there (waiting up to `timeout`); True if a frame ended in it."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 1 << 20)
        except OSError:
            raise RuntimeError(f"the app exited; screen:\n{self.text()}") from None
        data = self.tail + chunk
        if DECRQM_SYNC in data:  # say the terminal supports synchronized output: whole frames
            os.write(self.master, b"\x1b[?2026;2$y")
        self.stream.feed(chunk)
        frames = data.count(SYNC_END)
        self.tail = data[-len(SYNC_END) :]
        if frames:
            self.frames += frames
            self.last_frame = time.monotonic()
        return bool(frames)

    def wait(self, predicate: Predicate, timeout: float = KEY_TIMEOUT, after: float = 0.0) -> float | None:
        """Monotonic time of the first frame (ending at or after `after`) after which `predicate`
        holds; None on timeout. `after`: a key's result is a frame drawn after the key was sent,
        not the screen as it was (which may already show the same count)."""
        deadline = time.monotonic() + timeout
        while True:
            if self.last_frame >= after and predicate(self):
                return self.last_frame
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            while not self._read(min(left, 0.25)):
                left = deadline - time.monotonic()
                if left <= 0:
                    return None

    def settle(self, quiet: float = QUIET, timeout: float = 120.0) -> float:
        """Monotonic time of the last frame before `quiet` seconds without one."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            before = self.frames
            end = time.monotonic() + quiet
            while time.monotonic() < end:
                self._read(max(0.0, end - time.monotonic()))
            if self.frames == before:
                return self.last_frame
        return self.last_frame

    # -- writing ----------------------------------------------------------------------------------

    def press(self, key: bytes, predicate: Predicate) -> float | None:
        """Seconds from writing `key` to the frame showing `predicate`, None if it never does."""
        sent = time.monotonic()
        os.write(self.master, key)
        shown = self.wait(predicate, after=sent)
        time.sleep(PAUSE)
        self._drain()
        return None if shown is None else max(0.0, shown - sent)

    def _drain(self) -> None:
        while self._read(0):
            pass

    # -- looking ----------------------------------------------------------------------------------

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def has(self, *needles: str) -> bool:
        text = self.text().replace(",", "")
        return all(needle.replace(",", "") in text for needle in needles)

    def picture(self) -> tuple[tuple[tuple[str, str, str, bool], ...], ...]:
        """Every cell's character, colours and reverse flag: what a change of highlight changes."""
        buffer = self.screen.buffer
        return tuple(
            tuple((c.data, c.fg, c.bg, c.reverse) for c in (buffer[y][x] for x in range(COLUMNS)))
            for y in range(LINES)
        )

    def rss_kb(self, key: str = "VmRSS") -> int:
        try:
            with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith(key + ":"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    def close(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        os.close(self.master)


def changed(term: Term) -> Predicate:
    before = term.picture()
    return lambda t: t.picture() != before


def shows(*needles: str) -> Predicate:
    return lambda t: t.has(*needles)


def hides(needle: str) -> Predicate:
    return lambda t: not t.has(needle)


# -- what each scenario expects -------------------------------------------------------------------


@dataclass
class Expect:
    """What the screen must show for a scenario: its first-paint marker and search counts."""

    marker: str
    total: int
    query: str
    #: Prefix typed so far → the count text the pane shows for it.
    counts: dict[str, str] = field(default_factory=dict)
    #: Prefix typed so far → the first hit's label (the list's top row).
    firsts: dict[str, str] = field(default_factory=dict)

    def ambiguous(self, typed: str) -> bool:
        """Whether the screen for `typed` cannot be told from the one for `typed` less a letter
        by the count and the top row: its key's latency is not measured (the frame echoing the
        letter would pass for the result)."""
        before = typed[:-1]
        return bool(before) and (self.counts[typed], self.firsts[typed]) == (
            self.counts[before],
            self.firsts[before],
        )


def _count_text(found: int, limit: int = 1000) -> str:
    return f"{min(found, limit)}{'+' if found > limit else ''}"


def expect_briefing(path: Path, query: str) -> Expect:
    from briefing_tui import load_briefing
    from briefing_tui.search import SearchIndex

    briefing = load_briefing(path)
    index = SearchIndex(briefing.participants)
    marker = max(briefing.headline.split(), key=len)
    return _expect(marker, len(briefing.participants), index, query)


def _expect(marker: str, total: int, index: SearchIndex, query: str) -> Expect:
    expect = Expect(marker, total, query)
    for i in range(1, len(query) + 1):
        hits = index.search(query[:i], limit=1001)
        expect.counts[query[:i]] = _count_text(len(hits))
        expect.firsts[query[:i]] = hits[0].participant.label if hits else ""
    return expect


def expect_library(folder: Path, query: str) -> Expect:
    """The library's `/` filters the briefings (the filter language: free words here), newest
    first: each prefix's count ("38 of 1,000" in the title) and the first file listed."""
    from briefing_tui.library import Library

    library = Library.open(folder, use_cache=False)
    total = len(library.entries)
    expect = Expect(f"{total} briefings", total, query)
    for i in range(1, len(query) + 1):
        found = library.filter(query[:i])
        expect.counts[query[:i]] = str(len(found))
        expect.firsts[query[:i]] = found[0].path.name if found else ""
    return expect


# -- one run of a scenario ------------------------------------------------------------------------


@dataclass
class Run:
    first_paint: float = 0.0
    settled: float = 0.0
    keys: dict[str, list[float]] = field(default_factory=dict)
    timeouts: int = 0
    stalls: list[float] = field(default_factory=list)
    rss_kb: int = 0
    peak_kb: int = 0

    def add(self, kind: str, latency: float | None) -> None:
        if latency is None:
            self.timeouts += 1
        else:
            self.keys.setdefault(kind, []).append(latency)

    def add_search(self, expect: Expect, typed: str, latency: float | None) -> None:
        self.add("search?" if expect.ambiguous(typed) else "search", latency)


def _spawn(python: str, target: list[str], env: dict[str, str], log: Path) -> Term:
    return Term([python, str(HERE / "_stall_probe.py"), str(log), *target], env)


def _stalls_after(log: Path, start: float) -> list[float]:
    if not log.exists():
        return []
    stalls = []
    for line in log.read_text(encoding="ascii").splitlines():
        at, late = line.split()
        if float(at) >= start:
            stalls.append(float(late))
    return stalls


def run_briefing(python: str, path: Path, expect: Expect, env: dict[str, str], scratch: Path) -> Run:
    log = scratch / f"stalls-{time.monotonic_ns()}.log"
    term = _spawn(python, ["-m", "briefing_tui", str(path)], env, log)
    run = Run()
    try:
        painted = term.wait(shows(expect.marker), timeout=120)
        if painted is None:
            raise RuntimeError(f"{path.name}: no paint; screen:\n{term.text()}")
        run.first_paint = painted - term.started
        run.settled = term.settle() - term.started
        run.rss_kb = term.rss_kb()
        run.add("search", term.press(b"/", changed(term)))
        typed = ""
        for char in expect.query:
            typed += char
            shown = shows(f"({expect.counts[typed]} of {expect.total})", expect.firsts[typed][:40])
            run.add_search(expect, typed, term.press(char.encode(), shown))
        run.add("escape", term.press(b"\x1b", shows(f"Participants ({expect.total})")))
        for _ in range(10):
            run.add("move", term.press(b"j", changed(term)))
        run.add("details", term.press(b"\r", shows("Organisation")))
        run.add("details", term.press(b"\x1b", hides("Organisation")))
        run.peak_kb = term.rss_kb("VmHWM")
        run.stalls = _stalls_after(log, painted)
    finally:
        term.close()
    return run


def run_library(python: str, folder: Path, expect: Expect, env: dict[str, str], scratch: Path) -> Run:
    log = scratch / f"stalls-{time.monotonic_ns()}.log"
    term = _spawn(python, ["-m", "briefing_tui", str(folder)], env, log)
    run = Run()
    try:
        painted = term.wait(shows(expect.marker), timeout=300)
        if painted is None:
            raise RuntimeError(f"{folder.name}: no paint; screen:\n{term.text()}")
        run.first_paint = painted - term.started
        run.settled = term.settle() - term.started
        run.rss_kb = term.rss_kb()
        for _ in range(10):
            run.add("move", term.press(b"j", changed(term)))
        run.add("search", term.press(b"/", changed(term)))
        typed = ""
        for char in expect.query:
            typed += char
            shown = shows(f"{expect.counts[typed]} of {expect.total}", expect.firsts[typed][:40])
            run.add_search(expect, typed, term.press(char.encode(), shown))
        run.add("escape", term.press(b"\x1b", hides(f"of {expect.total}")))
        run.add("details", term.press(b"\r", shows("Key points")))
        run.add("details", term.press(b"\x1b", hides("Key points")))
        run.peak_kb = term.rss_kb("VmHWM")
        run.stalls = _stalls_after(log, painted)
    finally:
        term.close()
    return run


def run_bare(python: str, env: dict[str, str], scratch: Path) -> Run:
    log = scratch / f"stalls-{time.monotonic_ns()}.log"
    term = _spawn(python, ["-c", BARE_APP], env, log)
    run = Run()
    try:
        painted = term.wait(shows("bare textual app"), timeout=60)
        if painted is None:
            raise RuntimeError(f"bare app: no paint; screen:\n{term.text()}")
        run.first_paint = painted - term.started
        run.settled = term.settle() - term.started
        run.rss_kb = term.rss_kb()
        typed = ""
        for char in "tokayev":
            typed += char
            run.add("search", term.press(char.encode(), shows(typed)))
        run.add("move", term.press(b"\t", changed(term)))
        for _ in range(10):
            run.add("move", term.press(b"\x1b[B", changed(term)))
        for number in range(1, 4):  # the floor of Escape: Textual tells a lone ESC from a sequence
            run.add("escape", term.press(b"\x1b", shows(f"escape {number}")))
        run.peak_kb = term.rss_kb("VmHWM")
        run.stalls = _stalls_after(log, painted)
    finally:
        term.close()
    return run


# -- the table ------------------------------------------------------------------------------------


def _ms(values: Iterable[float]) -> list[float]:
    return sorted(v * 1000 for v in values)


def _pct(values: list[float], fraction: float) -> float:
    return values[min(len(values) - 1, round(fraction * (len(values) - 1)))]


def _keys(runs: list[Run], kind: str) -> str:
    values = _ms(v for run in runs for v in run.keys.get(kind, ()))
    if not values:
        return "—"
    return f"{statistics.median(values):.0f}/{_pct(values, 0.95):.0f}/{max(values):.0f}"


def row(name: str, runs: list[Run]) -> list[str]:
    stalls = [s for run in runs for s in run.stalls]
    timeouts = sum(run.timeouts for run in runs)
    return [
        name,
        f"{statistics.median(r.first_paint for r in runs) * 1000:.0f}",
        f"{statistics.median(r.settled for r in runs) * 1000:.0f}",
        _keys(runs, "search"),
        _keys(runs, "move"),
        _keys(runs, "escape"),
        _keys(runs, "details"),
        f"{len(stalls) / len(runs):.1f} / {max(stalls, default=0):.0f}",
        f"{statistics.median(r.rss_kb for r in runs) / 1024:.0f}",
        f"{max(r.peak_kb for r in runs) / 1024:.0f}",
        str(timeouts) if timeouts else "",
        str(sum(len(r.keys.get("search?", ())) for r in runs) // len(runs)),
    ]


HEADER = [
    "scenario",
    "first paint",
    "settled",
    "search p50/p95/max",
    "move p50/p95/max",
    "escape",
    "details",
    "stalls/run / max",
    "RSS",
    "peak",
    "timeouts",
    "unmeasured/run",
]


def print_table(rows: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in [HEADER, *rows]) for i in range(len(HEADER))]
    line = "  ".join(
        h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(HEADER, widths, strict=False))
    )
    print(line)
    print("-" * len(line))
    for r in rows:
        print(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=False))
            )
        )


SCENARIOS = ("sample", "10k", "100k", "folder")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, metavar="N", help="rounds (3)")
    parser.add_argument("--only", nargs="+", choices=SCENARIOS, default=list(SCENARIOS))
    parser.add_argument("--app-python", default=sys.executable, help="the Python that runs the app")
    parser.add_argument(
        "--cache",
        choices=("warm", "cold", "off"),
        default="warm",
        help="warm: the load cache filled by an unmeasured run first (default); "
        "cold: emptied before every run; off: BRIEFING_TUI_CACHE empty",
    )
    parser.add_argument("--data", type=Path, help="folder for the generated files (kept between runs)")
    args = parser.parse_args()
    as_installed(args.app_python)

    from corpus import write_briefing, write_folder

    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        data = args.data or scratch / "data"
        data.mkdir(parents=True, exist_ok=True)
        cache = scratch / "cache"
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": str(COLUMNS),
            "LINES": str(LINES),
            "BRIEFING_TUI_CONFIG": str(scratch / "config.yaml"),
            "BRIEFING_TUI_CACHE": "" if args.cache == "off" else str(cache),
        }
        os.environ["BRIEFING_TUI_CACHE"] = ""  # the expectations below load without a cache
        from briefing_tui.paths import sample_path

        plans: list[tuple[str, Callable[[], Run]]] = []
        for name in args.only:
            if name == "sample":
                path = sample_path()
                expect = expect_briefing(path, "tokaev")
                plans.append(("sample", partial(run_briefing, args.app_python, path, expect, env, scratch)))
            elif name in ("10k", "100k"):
                people = 10_000 if name == "10k" else 100_000
                path = data / f"generated-{name}.yaml"
                if not path.exists():
                    write_briefing(path, people)
                expect = expect_briefing(path, "kosanov")
                label = f"{people:,} participants"
                plans.append((label, partial(run_briefing, args.app_python, path, expect, env, scratch)))
            else:
                folder = data / "desk-1000"
                if not folder.exists():
                    write_folder(folder, 1_000)
                expect = expect_library(folder, "kosanov")
                run = partial(run_library, args.app_python, folder, expect, env, scratch)
                plans.append(("folder of 1,000", run))

        def fresh_cache() -> None:
            if args.cache == "cold":
                subprocess.run(["rm", "-rf", str(cache)], check=True)

        if args.cache == "warm":
            for _, plan in plans:
                plan()  # fills the cache; not measured
        results: dict[str, list[Run]] = {"bare Textual app": []}
        for name, _ in plans:
            results[name] = []
        for round_number in range(args.runs):
            print(f"round {round_number + 1} of {args.runs}…", file=sys.stderr)
            results["bare Textual app"].append(run_bare(args.app_python, env, scratch))
            for name, plan in plans:
                fresh_cache()
                results[name].append(plan())

    print(
        f"Felt latency, {COLUMNS}x{LINES} pty, {args.runs} runs, cache {args.cache} "
        f"(ms; key columns p50/p95/max over all keys of all runs; RSS MB)"
    )
    print()
    print_table([row(name, runs) for name, runs in results.items()])
    bare = statistics.median(r.first_paint for r in results["bare Textual app"])
    print()
    for name, runs in results.items():
        if name != "bare Textual app":
            ratio = statistics.median(r.first_paint for r in runs) / bare
            print(f"first paint / bare app: {name}: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

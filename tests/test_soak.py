"""A seeded random-key soak: a few hundred keys on a briefing and on a folder with a broken file, some
in bursts (as a paste, key repeat or a fast double tap over ssh deliver them), with a resize now and
then. Any exception fails it, naming the seed and the keys sent, in bursts, to replay.

`q` and ctrl+q are never sent; the palette's Quit command can still be typed ("uit", Enter), so an
app that quits is opened again for the keys left. Keys are drawn from a fixed seed: a failure is
replayed by running the same case again (`pytest tests/test_soak.py -k 'file and 3'`).
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot

from apptest import BRIEFINGS, make_app, ready

ROOT = Path(__file__).resolve().parents[1]
KEYS_PER_CASE = 300
#: Keys the soak types: every key the app binds (but quitting), movement, letters and digits for the
#: search boxes and the palette.
KEYS = [
    *"abcdefghijklmnoprstuvwxyzGNP0123456789",
    *("up", "down", "left", "right", "home", "end", "pageup", "pagedown"),
    *("enter", "escape", "tab", "shift+tab", "backspace", "space"),
    *("ctrl+p", "slash", "question_mark", "ctrl+f", "ctrl+b"),
]
#: More often than letters: the keys that move between screens and panes.
FREQUENT = ["enter", "escape", "tab", "1", "2", "3", "4", "j", "k", "s", "n", "y", "pagedown", "ctrl+p"]
SIZES = [(120, 40), (80, 24), (40, 12), (100, 30)]
CHARACTERS = {"enter": "\r", "tab": "\t", "space": " ", "slash": "/", "question_mark": "?"}

Burst = list[str]


def bursts(seed: int) -> list[Burst]:
    """The keys of one case, in bursts of one to four (a resize is "resize:WxH")."""
    rnd = random.Random(seed)
    out: list[Burst] = []
    count = 0
    while count < KEYS_PER_CASE:
        if rnd.random() < 0.02:
            width, height = rnd.choice(SIZES)
            out.append([f"resize:{width}x{height}"])
            continue
        size = rnd.choice((1, 1, 1, 2, 2, 3, 4))
        burst = [rnd.choice(FREQUENT if rnd.random() < 0.4 else KEYS) for _ in range(size)]
        out.append(burst)
        count += size
    return out


def send(pilot: Pilot, key: str) -> None:
    character = CHARACTERS.get(key, key if len(key) == 1 else None)
    pilot.app.post_message(events.Key(key, character))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The bundled sample, the hostile-text briefing and a broken file."""
    folder = tmp_path / "lib"
    folder.mkdir()
    for path in (ROOT / "data").iterdir():
        shutil.copy(path, folder / path.name)
    for name in ("hostile-text.yaml", "broken.yaml"):
        shutil.copy(BRIEFINGS / name, folder / name)
    return folder


@pytest.mark.parametrize("seed", [1])
@pytest.mark.parametrize("where", ["file", "folder"])
async def test_random_keys_never_crash_the_app(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch, where: str, seed: int
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # the palette's Screenshot command saves under ~
    monkeypatch.chdir(tmp_path)
    plan = bursts(seed + (100 if where == "folder" else 0))
    sent: list[Burst] = []
    while len(sent) < len(plan):
        app = make_app(tmp_path, folder if where == "folder" else None)
        try:
            async with app.run_test(size=SIZES[0]) as pilot:
                await ready(pilot)
                for burst in plan[len(sent) :]:
                    if not app.is_running:
                        break
                    sent.append(burst)
                    if burst[0].startswith("resize:"):
                        width, height = map(int, burst[0].removeprefix("resize:").split("x"))
                        await pilot.resize_terminal(width, height)
                    else:
                        for key in burst:
                            send(pilot, key)
                    await pilot.pause()
        except Exception as exc:
            raise AssertionError(
                f"{where}, seed {seed}: {type(exc).__name__}: {exc}\nbursts sent: {sent!r}"
            ) from exc
        assert app.return_code in (None, 0), f"{where}, seed {seed}: exit {app.return_code}; bursts: {sent!r}"

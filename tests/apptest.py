"""What the Pilot tests share: building the app through the factory, waiting until it is ready, and
reading what it shows (the screen as text, the notifications) through Textual's public API only."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from rich.cells import cell_len
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from briefing_tui.app import BriefingApp, build_app
from briefing_tui.items import Ref
from briefing_tui.screens.library import LibraryScreen
from briefing_tui.screens.loading import LoadingScreen
from briefing_tui.screens.main import MainScreen
from briefing_tui.screens.source import SourceScreen
from briefing_tui.widgets.searchable import SearchableList

BRIEFINGS = Path(__file__).parent / "briefings"
HOSTILE = BRIEFINGS / "hostile-text.yaml"
SIZE = (120, 40)

_NOTIFICATIONS: WeakKeyDictionary[App[Any], list[str]] = WeakKeyDictionary()


def make_app(
    tmp_path: Path, path: Path | None = None, *, config: Path | None = None, watch: bool = False
) -> BriefingApp:
    """The app as the CLI builds it, with a config file of the test's own (`config`, else one in
    `tmp_path`), not watching for saves unless asked to, its notifications recorded."""
    app = build_app(path, config_path=config or tmp_path / "config.yaml", watch=watch)
    messages = _NOTIFICATIONS[app] = []
    notify = app.notify

    def record(message: str, **kwargs: Any) -> None:
        messages.append(message)
        notify(message, **kwargs)

    app.notify = record  # type: ignore[method-assign]
    return app


def notifications(app: App[Any]) -> list[str]:
    """The message of every notification `app` (built by `make_app`) has shown, in order."""
    return _NOTIFICATIONS[app]


async def settle(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def ready(pilot: Pilot) -> None:
    """Loaded, rows and search indexes built, work done, and no cursor blink to catch half-way."""
    for _ in range(500):
        screen = pilot.app.screen
        busy = isinstance(screen, LibraryScreen) and (screen.still_loading or screen.filtering)
        if (
            not isinstance(screen, LoadingScreen)
            and not busy
            and all(searchable.index is not None for searchable in screen.query(SearchableList))
        ):
            break
        await pilot.pause(0.01)
    await settle(pilot)
    screen = pilot.app.screen
    for _ in range(500):  # the last files loaded, or a filter typed: its rows
        if not (isinstance(screen, LibraryScreen) and (screen.still_loading or screen.filtering)):
            break
        await pilot.pause(0.01)
    await settle(pilot)
    for box in pilot.app.query(Input):
        box.cursor_blink = False


_TEXT = re.compile(
    r'<text [^>]*?x="([\d.]+)"[^>]*?textLength="([\d.]+)"[^>]*?-line-(\d+)\)">(.*?)</text>', re.S
)


def screen_text(pilot: Pilot) -> str:
    """The terminal as text, one line per row, each as wide as the screen (read from the SVG of
    `App.export_screenshot`: text runs are placed at their cell)."""
    width, height = pilot.app.size
    runs: dict[int, list[tuple[int, str]]] = {}
    for x, length, row, escaped in _TEXT.findall(pilot.app.export_screenshot()):
        text = html.unescape(escaped).replace("\xa0", " ")
        if text and text != "\n":
            cell = round(float(x) / (float(length) / len(text)))
            runs.setdefault(int(row), []).append((cell, text))
    lines = []
    for row in range(height):
        line = ""
        for cell, text in sorted(runs.get(row, [])):
            assert cell >= cell_len(line), f"row {row}: text overlaps at cell {cell}"
            line += " " * (cell - cell_len(line)) + text
        lines.append(line + " " * (width - cell_len(line)))
    return "\n".join(lines)


def main_screen(pilot: Pilot) -> MainScreen:
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen), screen
    return screen


def library_screen(pilot: Pilot) -> LibraryScreen:
    screen = pilot.app.screen
    assert isinstance(screen, LibraryScreen), screen
    return screen


async def open_source(pilot: Pilot) -> SourceScreen:
    """The sample's source view, from a key point with two quotes or more."""
    await ready(pilot)
    screen = main_screen(pilot)
    point = next(i for i, k in enumerate(screen.briefing.key_points) if len(k.evidence) > 1)
    screen.jump_to(Ref("key_point", point))
    await pilot.press("enter", "s")
    await settle(pilot)
    source = pilot.app.screen
    assert isinstance(source, SourceScreen)
    return source

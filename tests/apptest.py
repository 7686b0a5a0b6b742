"""What the Pilot tests share: building the app through the factory and waiting until it is idle."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from briefing_tui.app import BriefingApp, build_app
from briefing_tui.screens.library import LibraryScreen
from briefing_tui.screens.loading import LoadingScreen
from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.participants import ParticipantsPane

BRIEFINGS = Path(__file__).parent / "briefings"
HOSTILE = BRIEFINGS / "hostile-text.yaml"
SIZE = (120, 40)


def make_app(tmp_path: Path, path: Path | None = None) -> BriefingApp:
    """The app as the CLI builds it, with a config file of the test's own (not watching for saves)."""
    return build_app(path, config_path=tmp_path / "config.yaml", watch=False)


async def settle(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def ready(pilot: Pilot) -> None:
    """Loaded, search index built, work done, and no cursor blink to catch half-way."""
    for _ in range(500):
        screen = pilot.app.screen
        if isinstance(screen, LibraryScreen):
            if screen.index is not None:
                break
        elif isinstance(screen, MainScreen):
            panes = screen.query(ParticipantsPane)
            if panes and panes.first().index is not None:
                break
        elif not isinstance(screen, LoadingScreen):
            break
        await pilot.pause(0.01)
    await settle(pilot)
    for box in pilot.app.query(Input):
        box.cursor_blink = False


def main_screen(pilot: Pilot) -> MainScreen:
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen), screen
    return screen


def library_screen(pilot: Pilot) -> LibraryScreen:
    screen = pilot.app.screen
    assert isinstance(screen, LibraryScreen), screen
    return screen

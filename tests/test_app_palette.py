"""The command palette with keys that come in a burst (key repeat, a double tap over ssh, a paste):
one jump for two Enters, no crash paging a list that is not laid out yet. (An exception in the app
fails the test: `run_test` raises it.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets.option_list import Option

from apptest import SIZE, library_screen, main_screen, make_app, ready, settle
from briefing_tui.items import Ref
from briefing_tui.screens.library import LibraryScreen
from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.lists import ItemList

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder holding the bundled sample and one broken file."""
    folder = tmp_path / "lib"
    folder.mkdir()
    for path in (ROOT / "data").iterdir():
        shutil.copy(path, folder / path.name)
    shutil.copy(ROOT / "tests" / "briefings" / "broken.yaml", folder / "broken.yaml")
    return folder


def burst(pilot: Pilot, *keys: str) -> None:
    """`keys` as one read from the terminal: all queued before the app handles the first."""
    for key in keys:
        pilot.app.post_message(events.Key(key, "\r" if key == "enter" else None))


async def type_in_palette(pilot: Pilot, query: str) -> None:
    await pilot.press("ctrl+p")
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*query)
    await pilot.pause(0.5)


@pytest.mark.parametrize(
    ("query", "ref"),
    [("sherry rehman", Ref("participant", 20)), ("state banquet", Ref("event", 3))],
)
async def test_two_enters_in_the_palette_jump_once(
    tmp_path: Path, folder: Path, query: str, ref: Ref
) -> None:
    app = make_app(tmp_path, folder)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        library = library_screen(pilot)
        await pilot.press("enter")
        await ready(pilot)
        main = main_screen(pilot)
        await type_in_palette(pilot, query)
        burst(pilot, "enter", "enter")
        await settle(pilot)
        assert pilot.app.screen is main  # the second Enter closed nothing more
        assert pilot.app.screen_stack[-2] is library
        focused = pilot.app.focused
        assert isinstance(focused, ItemList)
        assert focused.current_ref == ref


async def test_two_enters_in_the_palette_of_a_single_file(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        main = main_screen(pilot)
        await type_in_palette(pilot, "sherry rehman")
        burst(pilot, "enter", "enter")
        await settle(pilot)
        assert pilot.app.screen is main
        assert main.participants.item_list.current_ref == Ref("participant", 20)


async def test_two_enters_open_one_briefing_from_the_library_palette(tmp_path: Path, folder: Path) -> None:
    app = make_app(tmp_path, folder)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        library = library_screen(pilot)
        await type_in_palette(pilot, "open briefing: nishan")
        burst(pilot, "enter", "enter")
        await ready(pilot)
        assert [type(screen) for screen in pilot.app.screen_stack[-2:]] == [LibraryScreen, MainScreen]
        assert pilot.app.screen_stack[-2] is library
        assert main_screen(pilot).briefing.headline.startswith("President Zardari confers Nishan")


async def test_a_jump_to_a_closed_screen_does_nothing(tmp_path: Path, folder: Path) -> None:
    # The palette's command runs after the palette closes: its screen may be gone by then.
    async with make_app(tmp_path, folder).run_test(size=SIZE) as pilot:
        await ready(pilot)
        library = library_screen(pilot)
        await pilot.press("enter")
        await ready(pilot)
        main = main_screen(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is library
        main.jump_to(Ref("participant", 1))
        await settle(pilot)
        assert pilot.app.screen is library


@pytest.mark.parametrize("key", ["pagedown", "pageup"])
@pytest.mark.parametrize("where", ["file", "folder"])
async def test_paging_in_a_palette_just_opened(tmp_path: Path, folder: Path, key: str, where: str) -> None:
    app = make_app(tmp_path, folder if where == "folder" else None)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        burst(pilot, "ctrl+p", key, key)
        await settle(pilot)
        assert isinstance(pilot.app.screen, CommandPalette)
        await pilot.press(key, "escape")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, CommandPalette)


class NoRoom(App[None]):
    """A list with rows but no room to show them (as a closed pane's, on a small terminal)."""

    CSS = "ItemList { height: 0; }"

    def compose(self) -> ComposeResult:
        yield ItemList([Option("a", id="key_point:0"), Option("b", id="key_point:1")], id="items")


@pytest.mark.parametrize("key", ["pagedown", "pageup"])
async def test_paging_a_list_with_no_room_does_nothing(key: str) -> None:
    app = NoRoom()
    async with app.run_test() as pilot:
        item_list = app.query_one(ItemList)
        item_list.highlighted = 0
        item_list.focus()
        await pilot.press(key)
        await pilot.pause()
        assert item_list.highlighted == 0

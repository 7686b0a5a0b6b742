"""The key registry: every binding of every screen and widget is declared there, once, by id."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

import briefing_tui.screens
import briefing_tui.widgets
from briefing_tui import keys
from briefing_tui.app import BriefingApp


def ui_classes() -> Iterator[type[DOMNode]]:
    """The app and every screen and widget class the package defines."""
    yield BriefingApp
    for package in (briefing_tui.screens, briefing_tui.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ == module.__name__ and issubclass(cls, DOMNode):
                    yield cls


def declared() -> Iterator[tuple[type[DOMNode], Binding]]:
    """Each class's own bindings (what it adds to those it inherits)."""
    for cls in ui_classes():
        for binding in cls.__dict__.get("BINDINGS", ()):
            assert isinstance(binding, Binding), (cls, binding)
            yield cls, binding


def test_the_walk_finds_the_classes() -> None:
    names = {cls.__name__ for cls, _ in declared()}
    assert {"BriefingApp", "MainScreen", "ItemList", "ScrollBox", "HelpScreen", "LibraryScreen"} <= names


@pytest.mark.parametrize(("cls", "binding"), list(declared()), ids=lambda x: getattr(x, "__name__", None))
def test_every_binding_is_a_registered_id_with_its_default_keys(cls: type, binding: Binding) -> None:
    assert binding.id in keys.KEYS, f"{cls.__name__}: {binding.key} has no registered id"
    key = keys.KEYS[binding.id]
    assert (binding.key, binding.priority, binding.key_display) == (key.keys, key.priority, key.key_display)


def test_every_registered_id_is_bound_somewhere_and_in_a_help_group() -> None:
    bound = {binding.id for _, binding in declared()}
    assert set(keys.KEYS) <= bound
    listed = {key.id for _, group in keys.help_groups(library=True) for key in group}
    assert set(keys.KEYS) <= listed


def test_the_groups_are_worded_from_the_registry() -> None:
    for group in keys.GROUPS:
        for key in group.keys:
            same = keys.KEYS[key.id]
            assert (key.keys, key.priority, key.key_display) == (same.keys, same.priority, same.key_display)
            assert set(group.live_on) <= set(group.ids)
            assert set(group.screens_of(key.id)) <= set(keys.SCREENS)


def test_a_file_alone_lists_no_library_keys() -> None:
    ids = {key.id for _, group in keys.help_groups() for key in group}
    assert "back" not in ids
    titles = [title for title, _ in keys.help_groups()]
    assert "Library" not in titles and "Library" in [title for title, _ in keys.help_groups(library=True)]


def test_the_ids_live_together_on_each_screen() -> None:
    # Escape clears a search before it goes back: both live on the main screen, on purpose.
    assert {"clear-search", "back", "details", "down", "quit", "first-hit"} <= keys.live_ids("main")
    assert {"close", "show-source", "copy", "down", "details"} <= keys.live_ids("details")
    assert "details" not in keys.live_ids("source")
    assert "back" in keys.live_ids("entry-error") and "back" not in keys.live_ids("error")
    assert "back" not in keys.live_ids("library") and "search" in keys.live_ids("library")
    # q and ? of the app do not reach through a dialog; its own do, and ctrl+q always.
    assert "quit-anywhere" in keys.live_ids("help") and "command-palette" in keys.live_ids("source")


def test_current_keys_follow_the_keymap() -> None:
    assert keys.current_keys("back", {}) == ["escape", "backspace"]
    assert keys.current_keys("back", {"back": "h, left"}) == ["h", "left"]
    assert keys.current_keys("quit", {"back": "h"}) == ["q"]

"""The key registry: every binding of every screen and widget is declared there, once, by id."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
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


# -- checking a keymap -------------------------------------------------------------------------

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.mark.parametrize(
    "key", ["ctrl+alt+shift+banana", "zzz", "f99", "Escape", "ctrl+ctrl+x", "foo+x", "ctrl+?", "ctrl+"]
)
def test_keys_textual_never_delivers_are_refused(key: str) -> None:
    assert keys.key_problem(key) is not None


@pytest.mark.parametrize(
    "key",
    (
        "q G ? question_mark slash é pagedown f5 f24 space shift+tab ctrl+q alt+x ctrl+shift+f5 super+a "
        "hyper+meta+up ctrl+question_mark ctrl+plus backspace"
    ).split(),
)
def test_keys_textual_delivers_are_accepted(key: str) -> None:
    assert keys.key_problem(key) is None


def test_every_default_key_is_a_key() -> None:
    for key in keys.KEYS.values():
        for name in key.keys.split(","):
            assert keys.key_problem(name) is None, (key.id, name)


def test_an_id_left_without_keys_keeps_its_default() -> None:
    keymap, problems = keys.checked_keys({"quit": "zzz", "down": "j,ctrl+alt+shift+banana,f99"}, "c.yaml")
    assert keymap == {"down": "j"}  # quit keeps q
    assert problems == [
        "c.yaml: keymap: quit: 'zzz' is not a key (a key is one character, or a name such as escape, "
        "pagedown or f5, after any of ctrl+ shift+ alt+ super+ meta+ hyper+); keeping the default: q",
        "c.yaml: keymap: down: 'ctrl+alt+shift+banana' ('banana' is not a key), 'f99' are not keys (a key "
        "is one character, or a name such as escape, pagedown or f5, after any of ctrl+ shift+ alt+ super+ "
        "meta+ hyper+)",
    ]


def test_a_key_given_to_two_ids_live_on_one_screen_is_a_problem() -> None:
    assert keys.checked_keys({"down": "j,down,n"}, "c.yaml")[1] == [
        "c.yaml: keymap: n is the key of both 'down' and 'next-quote' on the source screen: "
        "only one of them can have it"
    ]
    # "?" and "question_mark" are one key.
    assert keys.checked_keys({"search": "?"}, "c.yaml")[1] == [
        "c.yaml: keymap: question_mark is the key of both 'help' and 'search' on the main and library and "
        "people screens: only one of them can have it"
    ]


def test_keys_the_defaults_share_on_purpose_are_no_problem() -> None:
    assert keys.checked_keys({}, "c.yaml") == ({}, [])
    # Escape clears a search, then goes back: shared by default, still shared.
    assert keys.checked_keys({"back": "escape,h"}, "c.yaml") == ({"back": "escape,h"}, [])


def test_the_readme_config_example_has_no_problem() -> None:
    text = README.read_text(encoding="utf-8")
    block = text.split("## Configuration", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    keymap = yaml.safe_load(block)["keymap"]
    assert set(keymap) <= keys.binding_ids()
    assert keys.checked_keys({k: str(v) for k, v in keymap.items()}, "config.yaml")[1] == []

"""Screens of the briefing browser, and what the app needs of them before any is imported."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from textual.command import Provider


def return_to(screen: Screen) -> None:
    """Close every screen over `screen` (nothing if `screen` is not open)."""
    app = screen.app
    if screen in app.screen_stack:
        while app.screen is not screen:
            app.pop_screen()


# The command palette's providers, for `App.COMMANDS`: imported when the palette first opens.


def briefing_commands() -> type[Provider]:
    from briefing_tui.screens.commands import BriefingCommands

    return BriefingCommands


def library_commands() -> type[Provider]:
    from briefing_tui.screens.commands import LibraryCommands

    return LibraryCommands

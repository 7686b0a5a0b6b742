"""The command palette's providers for `App.COMMANDS`, imported only when the palette first opens:
`screens.commands` pulls in the main and library screens, which start-up does not wait for."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.command import Provider


def briefing_commands() -> type[Provider]:
    from briefing_tui.screens.commands import BriefingCommands

    return BriefingCommands


def briefing_actions() -> type[Provider]:
    from briefing_tui.screens.commands import BriefingActions

    return BriefingActions


def library_commands() -> type[Provider]:
    from briefing_tui.screens.commands import LibraryCommands

    return LibraryCommands

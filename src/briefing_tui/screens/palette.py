"""The command palette the app opens: Textual's, safe against keys that come in a burst.

Textual 8.2.8's `CommandPalette` breaks on keys that arrive faster than it handles them:

- Enter twice in one read (key repeat, a double tap over ssh, a paste): both reach the palette
  before it closes, so the chosen command runs twice and the second dismiss pops the screen under
  the palette. A palette no longer on top ignores selections.
- PageDown or PageUp before its list is laid out: `KeyError: 0` in OptionList's `_move_page`, which
  reads line offsets that are only computed once the list has a size. A bare app crashes the same
  way (8.2.8 is the newest release):

      import asyncio
      from textual import events
      from textual.app import App

      async def main() -> None:
          app = App()
          async with app.run_test() as pilot:
              app.post_message(events.Key("ctrl+p", None))
              app.post_message(events.Key("pagedown", None))
              await pilot.pause(0.5)  # KeyError: 0

      asyncio.run(main())

  Paging waits until the list has options and a size (`widgets.lists.can_page`), as in our lists.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.message import Message
from textual.widgets import Button, Input, OptionList

from briefing_tui.widgets.lists import can_page


class Palette(CommandPalette):
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The palette's page keys run command_list('page_down') and command_list('page_up').
        if action == "command_list" and parameters in (("page_down",), ("page_up",)):
            return can_page(self.query_one(CommandList))
        return True

    @on(Input.Submitted)
    @on(Button.Pressed)
    @on(OptionList.OptionSelected)
    def _only_while_shown(self, event: Message) -> None:
        # Runs before CommandPalette's own handlers, which prevent_default() skips.
        if not self.is_active:
            event.stop()
            event.prevent_default()


def open_palette(app: App[Any], *, themes: bool = False) -> None:
    """Open the palette (`themes`: the list of themes, as Textual's "Theme" command does)."""
    if themes:
        from textual.theme import ThemeProvider

        app.push_screen(Palette(providers=[ThemeProvider], placeholder="Search for themes…"))
    elif app.use_command_palette and not Palette.is_open(app):
        app.push_screen(Palette(id="--command-palette"))

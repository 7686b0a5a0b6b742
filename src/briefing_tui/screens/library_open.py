"""Opening a file of a library: its briefing over the screen it was chosen on, or its problems."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.binding import BindingType

from briefing_tui import keys
from briefing_tui.screens.error import ErrorScreen
from briefing_tui.screens.main import MainScreen

if TYPE_CHECKING:
    from textual.app import App

    from briefing_tui.library import LibraryEntry


def open_entry(app: App[Any], entry: LibraryEntry, *, participant: int | None = None) -> None:
    """Push the briefing of `entry`, `participant` selected; or its problems, if it does not load."""
    briefing = entry.briefing
    if briefing is None:
        problems = [str(problem) for problem in entry.problems] or [f"{entry.path}: could not be loaded"]
        app.push_screen(EntryErrorScreen(str(entry.path), problems))
    else:
        app.push_screen(MainScreen(briefing, back=True, participant=participant))


class EntryErrorScreen(ErrorScreen):
    """The problems of one file of a library; Escape goes back to the library, q quits as usual."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.BACK]

    def _hint(self) -> str:
        return (
            f"{self.keys_of('back')} goes back to the library · {self.keys_of('copy')} copies the problems"
            f" · {self.keys_of('quit')} quits"
        )

    def action_quit(self) -> None:
        self.app.exit()  # the folder opened: a broken file in it is not a failure of the app

    def action_back(self) -> None:
        self.app.pop_screen()

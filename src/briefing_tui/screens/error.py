"""What the app shows instead of a briefing that fails to load: every problem, as plain text."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from briefing_tui import keys
from briefing_tui.widgets.problems import ProblemList
from briefing_tui.widgets.text import DIM, plain

#: The exit status after a briefing failed to load.
FAILED = 1
#: Under the problems of a file that broke on a save.
RELOAD_NOTE = "The browser reloads the file when it is saved again."


class ErrorScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [keys.ERROR_QUIT.bind("quit"), keys.ERROR_COPY.bind("copy")]

    AUTO_FOCUS = "#problems"

    def __init__(self, path: str, problems: Sequence[str], *, note: str | None = None) -> None:
        """`note`: a line above the keys (a reload says it reloads on the next save)."""
        super().__init__()
        self.path = path
        self.problems = list(problems)
        self.note = note

    def compose(self) -> ComposeResult:
        count = len(self.problems)
        with Vertical(id="error-dialog") as dialog:
            dialog.border_title = "Could not open the briefing"
            yield Static(
                Content.assemble(
                    plain(self.path, "bold"),
                    Content.styled(f"  {count} problem{'s' * (count != 1)}", DIM),
                ),
                id="error-path",
            )
            # A row each: `e` edits at the highlighted one.
            yield ProblemList(self.problems, path=Path(self.path), id="problems")
            hint = Content.styled(self._hint(), DIM)
            if self.note is not None:
                hint = Content.assemble(plain(self.note), "\n", hint)
            yield Static(hint, id="error-hint")
        yield Footer(show_command_palette=False)

    def keys_of(self, binding_id: str) -> str:
        """The keys of `binding_id` as the hint names them: "escape or backspace"."""
        return " or ".join(keys.current_keys(binding_id, keys.keymap_of(self.app)))

    def _hint(self) -> str:
        quit_keys, copy_keys = self.keys_of("quit"), self.keys_of("copy")
        edit_keys = self.keys_of("edit")
        return (
            f"{quit_keys} quits with exit status {FAILED} · {copy_keys} copies the problems"
            f" · {edit_keys} edits at the highlighted one"
        )

    def action_quit(self) -> None:
        self.app.exit(return_code=FAILED)

    def action_copy(self) -> None:
        self.app.copy_to_clipboard("\n".join(self.problems))  # which says how it went

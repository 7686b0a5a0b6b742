"""Problems as a list, one row each (`PATH:LINE:COL: message`): `e` edits at the highlighted one,
`y` copies them all. The error screen lists a file's problems with it, and the main screen shows
one at its top when a saved file no longer loads (the last good version stays below it)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual.binding import BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing_tui import keys
from briefing_tui.widgets.text import paragraph


def problem_options(problems: Sequence[str]) -> list[Option]:
    return [Option(paragraph(problem)) for problem in problems]


class ProblemList(OptionList, inherit_bindings=False):
    """Each problem a row; `path`: the file they are about, where a problem names none."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *keys.LIST_MOVES,
        keys.bind("copy", "copy"),
        keys.bind("edit", "edit"),
    ]

    def __init__(self, problems: Sequence[str], *, path: Path | None = None, id: str | None = None) -> None:
        super().__init__(*problem_options(problems), id=id)
        self.problems = list(problems)
        self.path = path

    def set_problems(self, problems: Sequence[str]) -> None:
        """List `problems` instead, the cursor on the same row number as far as it goes."""
        highlighted = self.highlighted
        self.problems = list(problems)
        self.set_options(problem_options(problems))
        if self.problems:
            self.highlighted = min(highlighted or 0, len(self.problems) - 1)

    def on_mount(self) -> None:
        if self.problems and self.highlighted is None:
            self.highlighted = 0

    @property
    def current(self) -> str | None:
        index = self.highlighted
        return self.problems[index] if index is not None and index < len(self.problems) else None

    def action_copy(self) -> None:
        self.app.copy_to_clipboard("\n".join(self.problems))  # which says how it went

    def action_edit(self) -> None:
        from briefing_tui.positions import problem_target
        from briefing_tui.screens.editing import request_edit

        problem, default = self.current, self.path
        if problem is not None:
            request_edit(self.app, lambda: problem_target(problem, default))

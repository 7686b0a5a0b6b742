"""The source article, with an item's evidence quotes highlighted and scrolled into view."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer

from briefing_tui import keys
from briefing_tui.format.quotes import locate_quotes
from briefing_tui.widgets.source import SourceText


class SourceScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        *keys.DIALOG,
        keys.bind("next-quote", "quote(1)"),
        keys.bind("previous-quote", "quote(-1)"),
        keys.bind("edit", "edit"),
    ]

    AUTO_FOCUS = "#source-body"

    def __init__(self, source: str, quotes: Sequence[str], *, name: str, path: Path | None = None) -> None:
        """`path`: the source file, for `e` (None: not a file one can edit)."""
        super().__init__()
        self.path = path
        if not unicodedata.is_normalized("NFC", source):
            source = unicodedata.normalize("NFC", source)
        self.source = source
        self.quotes = tuple(quotes)
        self.spans = locate_quotes(source, self.quotes)
        self.found = [span for span in self.spans if span is not None]
        self.current = 0
        self.source_name = name

    def compose(self) -> ComposeResult:
        with Vertical(id="source-dialog") as dialog:
            dialog.border_title = "Source"
            dialog.border_subtitle = Content(self.source_name)
            yield SourceText(self.source, self.found, id="source-body")
        yield Footer(show_command_palette=False)

    @property
    def body(self) -> SourceText:
        return self.query_one("#source-body", SourceText)

    def on_mount(self) -> None:
        missing = [str(number) for number, span in enumerate(self.spans, 1) if span is None]
        if missing:
            which = ", ".join(missing)
            self.notify(
                f"Evidence {which} of {len(self.spans)} not found in the source text",
                severity="warning",
            )
        self.scroll_to_current()

    def action_quote(self, step: int) -> None:
        if not self.found:
            self.notify("No evidence to move between", severity="warning")
            return
        self.current = (self.current + step) % len(self.found)
        self.body.set_current(self.current)
        self.scroll_to_current()

    def action_edit(self) -> None:
        """The source file in the user's editor, at the current quote (else at its start)."""
        from briefing_tui.editor import Target
        from briefing_tui.positions import text_target
        from briefing_tui.screens.editing import request_edit

        path = self.path
        if path is None:
            self.notify("This source is not a file to edit", severity="warning")
            return
        offset = self.found[self.current][0] if self.found else None
        source = self.source
        request_edit(self.app, lambda: Target(path) if offset is None else text_target(path, source, offset))

    def scroll_to_current(self) -> None:
        if self.found:
            self.body.show_span(*self.found[self.current])

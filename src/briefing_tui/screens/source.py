"""The source article, with an item's evidence quotes highlighted and scrolled into view."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Region
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from briefing_tui import keys
from briefing_tui.format.quotes import locate_quotes
from briefing_tui.widgets.lists import ScrollBox
from briefing_tui.widgets.text import paragraph

QUOTE_STYLE = "$text-warning on $warning-muted"
CURRENT_STYLE = "bold $text on $accent"


def wrapped_line(text: str, offset: int, width: int) -> int:
    """The line `offset` of `text` falls on once the text is wrapped to `width` cells."""
    line_number = 0
    start = 0
    for raw in text.split("\n"):
        end = start + len(raw)
        if offset > end:
            line_number += max(1, len(Content(raw).wrap(width)) if raw else 1)
            start = end + 1
            continue
        cursor = 0
        parts = Content(raw).wrap(width) if raw else []
        for index, part in enumerate(parts):
            piece = part.plain.rstrip()
            found = raw.find(piece, cursor) if piece else cursor
            cursor = (found if found >= 0 else cursor) + len(piece)
            if offset - start < cursor or index == len(parts) - 1:
                return line_number + index
        return line_number
    return line_number


class SourceScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        *keys.DIALOG,
        keys.bind("next-quote", "quote(1)"),
        keys.bind("previous-quote", "quote(-1)"),
    ]

    AUTO_FOCUS = "#source-body"

    def __init__(self, source: str, quotes: Sequence[str], *, name: str) -> None:
        super().__init__()
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
            with ScrollBox(id="source-body"):
                yield Static(self._content(), id="source-text")
        yield Footer(show_command_palette=False)

    def _content(self) -> Content:
        content = paragraph(self.source)
        for index, (start, end) in enumerate(self.found):
            style = CURRENT_STYLE if index == self.current else QUOTE_STYLE
            content = content.stylize(style, start, end)
        return content

    def on_mount(self) -> None:
        missing = [str(number) for number, span in enumerate(self.spans, 1) if span is None]
        if missing:
            which = ", ".join(missing)
            self.notify(
                f"Evidence {which} of {len(self.spans)} not found in the source text",
                severity="warning",
            )
        self.call_after_refresh(self.scroll_to_current)

    def action_quote(self, step: int) -> None:
        if not self.found:
            self.notify("No evidence to move between", severity="warning")
            return
        self.current = (self.current + step) % len(self.found)
        self.query_one("#source-text", Static).update(self._content())
        self.scroll_to_current()

    def scroll_to_current(self) -> None:
        if not self.found:
            return
        text = self.query_one("#source-text", Static)
        width = text.content_region.width or self.size.width
        start, end = self.found[self.current]
        first = wrapped_line(self.source, start, width)
        last = wrapped_line(self.source, end, width)
        y = text.virtual_region.y + text.styles.padding.top
        region = Region(0, y + first, width, last - first + 1)
        self.query_one("#source-body", ScrollBox).scroll_to_region(
            region, animate=False, center=True, immediate=True
        )

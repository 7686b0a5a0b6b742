"""The source article, with an item's evidence quotes highlighted and scrolled into view; `/` finds
text in it (every match marked, the current one apart, "3 of 12"), and n/N then go between the
matches instead of the quotes until the find is cleared."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from briefing_tui import keys
from briefing_tui.format.quotes import locate_quotes
from briefing_tui.textfind import ArticleFinder, Matches
from briefing_tui.widgets.focus import KeysFollowFocus, focus_now
from briefing_tui.widgets.source import SourceText
from briefing_tui.widgets.text import plain

#: Seconds to wait for more typing before finding in an article of `LARGE` characters or more
#: (smaller ones are searched at each key: it takes less than a frame).
DEBOUNCE, LARGE = 0.15, 1 << 20


class FindBar(KeysFollowFocus, Input):
    """The text to find in the article: Enter or Down goes to the text at the current match."""

    BIND_AT_ONCE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        keys.FIND_TO_TEXT.bind("screen.to_text"),
        keys.bind("search-to-list", "screen.to_text"),
    ]


class SourceScreen(ModalScreen[None]):
    class Found(Message, bubble=False):
        """From the find worker: the matches of the text typed (`generation` says which typing)."""

        def __init__(self, generation: int, matches: Matches) -> None:
            super().__init__()
            self.generation = generation
            self.matches = matches

    BINDINGS: ClassVar[list[BindingType]] = [
        # Before Close: Escape clears a find first, and closes only when there is none.
        keys.bind("clear-find", "clear_find"),
        *keys.DIALOG,
        keys.bind("find-in-source", "find"),
        keys.bind("next-match", "match(1)"),
        keys.bind("previous-match", "match(-1)"),
        keys.bind("next-quote", "quote(1)"),
        keys.bind("previous-quote", "quote(-1)"),
        keys.bind("edit", "edit"),
    ]

    AUTO_FOCUS = "#source-body"

    def __init__(
        self,
        source: str,
        quotes: Sequence[str],
        *,
        name: str,
        path: Path | None = None,
        find: tuple[str, int] | None = None,
    ) -> None:
        """`path`: the source file, for `e` (None: not a file one can edit). `find`: open with this
        text found, at its match nearest after this offset."""
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
        self.finder = ArticleFinder(source)
        #: The find's matches (None: no find, or not found yet) and the one it is at.
        self.matches: Matches | None = None
        self.current_match = 0
        self._generation = 0
        self._pending: Timer | None = None
        #: Where the next matches should start from (an offset), for the first find.
        self._find_at: int | None = find[1] if find else None
        self._initial = find[0] if find else None

    def compose(self) -> ComposeResult:
        with Vertical(id="source-dialog") as dialog:
            dialog.border_title = "Source"
            dialog.border_subtitle = Content(self.source_name)
            yield SourceText(self.source, self.found, id="source-body")
            with Horizontal(id="source-find"):
                yield FindBar(placeholder="find in the article (any case and accents)", id="source-find-box")
                yield Static(id="source-find-count")
        yield Footer(show_command_palette=False)

    @property
    def body(self) -> SourceText:
        return self.query_one("#source-body", SourceText)

    @property
    def find_box(self) -> FindBar:
        return self.query_one(FindBar)

    @property
    def finding(self) -> bool:
        """Whether a find is open: n and N go between its matches, Escape clears it."""
        return bool(self.query_one("#source-find").display)

    def on_mount(self) -> None:
        self.query_one("#source-find").display = False
        missing = [str(number) for number, span in enumerate(self.spans, 1) if span is None]
        if missing:
            which = ", ".join(missing)
            self.notify(
                f"Evidence {which} of {len(self.spans)} not found in the source text",
                severity="warning",
            )
        if self._initial is not None:
            self.query_one("#source-find").display = True
            self.find_box.value = self._initial  # found at once: see `_typed`
            self.refresh_bindings()
        else:
            self.scroll_to_current()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("match", "clear_find"):
            return self.finding
        if action == "quote":
            return not self.finding
        return True

    # -- quotes -------------------------------------------------------------------------------

    def action_quote(self, step: int) -> None:
        if not self.found:
            self.notify("No evidence to move between", severity="warning")
            return
        self.current = (self.current + step) % len(self.found)
        self.body.set_current(self.current)
        self.scroll_to_current()

    def action_edit(self) -> None:
        """The source file in the user's editor, at the current match of a find, else at the
        current quote (else at its start)."""
        from briefing_tui.editor import Target
        from briefing_tui.positions import text_target
        from briefing_tui.screens.editing import request_edit

        path = self.path
        if path is None:
            self.notify("This source is not a file to edit", severity="warning")
            return
        offset = self.found[self.current][0] if self.found else None
        if self.finding and self.matches:
            offset = self.matches.starts[self.current_match]
        source = self.source
        request_edit(self.app, lambda: Target(path) if offset is None else text_target(path, source, offset))

    def scroll_to_current(self) -> None:
        if self.found:
            self.body.show_span(*self.found[self.current])

    # -- finding ------------------------------------------------------------------------------

    def action_find(self) -> None:
        if not self.finding:
            self.query_one("#source-find").display = True
            self.refresh_bindings()
        focus_now(self.find_box)

    def action_clear_find(self) -> None:
        if not self.finding:
            raise SkipAction()
        self._generation += 1
        self._stop_pending()
        self.matches = None
        self.query_one("#source-find").display = False
        self.find_box.value = ""
        self.body.set_matches((), (), None)
        self.refresh_bindings()
        focus_now(self.body)

    def action_to_text(self) -> None:
        if not self.find_box.value.strip():
            self.action_clear_find()  # nothing typed: the bar closes
            return
        focus_now(self.body)

    def action_match(self, step: int) -> None:
        matches = self.matches
        if matches is None:
            return  # still looking: the count says so
        if not matches:
            self.notify(f"Not in the article: {matches.typed}", severity="warning", markup=False)
            return
        self.current_match = (self.current_match + step) % len(matches)
        self._show_match()

    @on(Input.Changed, "#source-find-box")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._generation += 1
        self._stop_pending()
        if not event.value.strip():
            self.matches = None
            self.body.set_matches((), (), None)
            self._count(Content(""))
            return
        if len(self.source) >= LARGE and self._initial is None:
            self._count(Content("…"))
            self._pending = self.set_timer(DEBOUNCE, self._find_now)
        else:
            self._initial = None
            self._find_now()

    def _stop_pending(self) -> None:
        if self._pending is not None:
            self._pending.stop()
            self._pending = None

    def _find_now(self) -> None:
        self._pending = None
        if len(self.source) >= LARGE:
            self._count(Content("finding…"))
        self._find(self._generation, self.find_box.value)

    @work(thread=True, exclusive=True, group="source-find", exit_on_error=False)
    def _find(self, generation: int, typed: str) -> None:
        worker = get_current_worker()
        matches = self.finder.find(typed, lambda: worker.is_cancelled or generation != self._generation)
        if matches is not None:
            self.post_message(self.Found(generation, matches))

    @on(Found)
    def _found(self, message: Found) -> None:
        if message.generation != self._generation or not self.finding:
            return  # typing has gone on since
        matches = self.matches = message.matches
        start = self._find_at if self._find_at is not None else self.body.top_offset()
        self._find_at = None
        self.current_match = matches.at_or_after(start)
        if matches:
            self._show_match()
        else:
            self.body.set_matches((), (), None)
            self._count(Content.styled("not found", "$text-warning"))

    def _show_match(self) -> None:
        matches = self.matches
        assert matches is not None
        number = self.current_match
        self.body.set_matches(matches.starts, matches.ends, number)
        self.body.show_span(matches.starts[number], matches.ends[number])
        self._count(plain(f"{number + 1:,} of {len(matches):,}"))

    def _count(self, text: Content) -> None:
        self.query_one("#source-find-count", Static).update(text)

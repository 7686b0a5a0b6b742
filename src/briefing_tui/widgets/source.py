"""The text of a source article, rendered a row at a time: only the rows on screen cost anything.

An article may be 32 MiB. A `Static` wraps and styles all of it before its first frame (39 s and
1 GB for 30 MB, and as long again to free it on the way out); this view uses Textual's line API
(`ScrollView.render_line`, as Textualize's toolong does): the rows are wrapped as far as they are
needed (`WrappedText`), the rest between frames, and a row is styled only when it is drawn. Moving
to the next quote restyles the rows on screen, nothing else.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import ClassVar

from textual.binding import BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Offset, Region, Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

from briefing_tui import keys
from briefing_tui.widgets.focus import KeysFollowFocus
from briefing_tui.widgets.text import block
from briefing_tui.widgets.wrap import WrappedText, uniform_text

QUOTE_STYLE = "$text-warning on $warning-muted"
CURRENT_STYLE = "bold $text on $accent"
#: Matches of a find in the article (drawn over quotes), and the one the find is at.
MATCH_STYLE = "$text on $primary-muted"
CURRENT_MATCH_STYLE = "bold reverse"
#: Characters `block` replaces (all but the newline): most articles hold none, and are not copied.
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: Characters wrapped per step between frames, once the rows on screen are known.
WRAP_STEP = 512 * 1024
#: Frames a span asked for is scrolled to again until it is in view (see `SourceText._show_asked`).
SHOW_TRIES = 30


class SourceText(KeysFollowFocus, ScrollView, can_focus=True, inherit_bindings=False):
    """`text` wrapped to the view's width, with the spans `spans` (offsets into `text`) marked,
    the one at `current` in the current quote's style."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys.SCROLL_MOVES]
    ALLOW_SELECT = True

    def __init__(self, text: str, spans: Sequence[tuple[int, int]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        # One character for one: the spans' offsets hold.
        unsafe = _UNSAFE.search(text) is not None
        self.text = block(text) if unsafe else text
        # Searched once, not at every width (an ASCII text without control characters is).
        self._uniform = not unsafe if text.isascii() else uniform_text(self.text)
        self.spans = list(spans)
        self.current = 0
        #: A find's matches (starts and ends, in order), and the number of the one it is at.
        self.match_starts: Sequence[int] = ()
        self.match_ends: Sequence[int] = ()
        self.current_match: int | None = None
        #: Counts changes of the highlights: a cached row is drawn again after one.
        self._marks = 0
        #: The rows at the view's width (None until it has one).
        self.rows: WrappedText | None = None
        self._strips: LRUCache[tuple[int, int, int], Strip] = LRUCache(1024)
        self._wrapping = False
        #: A span to show once the view has a width.
        self._to_show: tuple[int, int] | None = None

    # -- wrapping -------------------------------------------------------------------------------

    def _text_width(self) -> int:
        # A cell is kept clear between the text and the scrollbar, as a padded Static in a
        # scrolling box keeps it (the view's own padding would put it outside the scrollbar).
        return self.scrollable_content_region.width - 1

    def on_resize(self) -> None:
        self._fit_width()

    def _fit_width(self) -> None:
        """Wrap anew for a new width (the view's, or a scrollbar came or went)."""
        width = self._text_width()
        old = self.rows
        if width <= 0 or (old is not None and width == old.width):
            return
        # The row at the top stays at the top (or the span asked for comes into view).
        top = round(self.scroll_y)
        anchor = old.row(top)[0] if old is not None and top < old.known else 0
        self.rows = WrappedText(self.text, width, uniform=self._uniform)
        self._strips.clear()
        self._update_size()
        if self._to_show is not None:
            self.call_after_refresh(self._show_asked)
        else:
            self.call_after_refresh(self._scroll_to_row_of, anchor)
        self._wrap_on()

    def _scroll_to_row_of(self, offset: int) -> None:
        if self.rows is not None and self._to_show is None:
            self.scroll_to(y=self.rows.row_of(offset), animate=False, immediate=True)

    def _update_size(self, *, roughly: bool = False) -> None:
        """The scrollable size: the rows known and a guess for the rest. `roughly`: leave it if
        the guess moved by less than 1% (a new size means a new layout)."""
        if self.rows is None:
            return
        rows = self.rows.estimated_rows()
        if roughly and not self.rows.complete and abs(rows - self.virtual_size.height) * 100 < rows:
            return
        self.virtual_size = Size(self.scrollable_content_region.width, rows)

    def _wrap_on(self) -> None:
        """Wrap the rest a step at a time between frames: the scrollbar becomes exact."""
        if self._wrapping:
            return

        def step() -> None:
            self._wrapping = False
            rows = self.rows
            if rows is None or rows.complete:
                return
            rows.wrap(budget=WRAP_STEP)
            self._update_size(roughly=True)
            self._wrap_on()

        self._wrapping = True
        self.set_timer(0.01, step)

    def action_scroll_end(self) -> None:
        if self.rows is not None:
            self.rows.wrap()
            self._update_size()
        super().action_scroll_end()

    def show_span(self, start: int, end: int) -> None:
        """Scroll the characters `start`..`end` into the middle of the view: now, and again after
        the next layout (a view just opened is not laid out yet, and wraps anew when its
        scrollbar comes)."""
        self._to_show = (start, end)
        if self.rows is not None:
            self._scroll_to_span(start, end)
            self.call_after_refresh(self._show_asked)

    def _show_asked(self, tries: int = SHOW_TRIES) -> None:
        """Scroll to the span asked for; until it is in view (a view not laid out yet cannot scroll,
        and one busy machine showed the article at its top), again after the next frames."""
        if self._to_show is None or self.rows is None:
            return
        self._scroll_to_span(*self._to_show)
        first = self.rows.row_of(self._to_show[0])
        height = self.scrollable_content_region.height
        if (height > 0 and self.scroll_y <= first < self.scroll_y + height) or tries <= 0:
            self._to_show = None
        else:
            self.call_after_refresh(self._show_asked, tries - 1)

    def _scroll_to_span(self, start: int, end: int) -> None:
        rows = self.rows
        assert rows is not None
        first, last = rows.row_of(start), rows.row_of(max(start, end - 1))
        self._update_size()
        region = Region(0, first, rows.width, last - first + 1)
        self.scroll_to_region(region, animate=False, center=True, immediate=True)

    def set_current(self, index: int) -> None:
        self.current = index
        self._restyle()

    def set_matches(self, starts: Sequence[int], ends: Sequence[int], current: int | None) -> None:
        """Mark a find's matches (none: no find), `current` the one it is at."""
        self.match_starts, self.match_ends, self.current_match = starts, ends, current
        self._restyle()

    def set_current_match(self, index: int) -> None:
        self.current_match = index
        self._restyle()

    def _restyle(self) -> None:
        self._marks += 1
        self._strips.clear()
        self.refresh()

    def top_offset(self) -> int:
        """The offset in the text of the first row on view."""
        rows = self.rows
        top = round(self.scroll_y)
        return rows.row(top)[0] if rows is not None and top < rows.known else 0

    # -- drawing ----------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        row = self.scroll_offset.y + y
        rows, width = self.rows, self.scrollable_content_region.width
        if rows is None:
            return Strip.blank(width, self.rich_style)
        if rows.width != self._text_width():
            self.call_later(self._fit_width)
        if row >= rows.known and not rows.complete:
            rows.wrap(rows=row + self.size.height + 1)
            self.call_later(self._update_size)
        if row >= rows.known or not width:
            return Strip.blank(width, self.rich_style)
        selection = self.text_selection
        key = (row, width, self._marks)
        strip = self._strips.get(key) if selection is None else None
        if strip is None:
            strip = self._render_row(row, width, selection)
            if selection is None:
                self._strips[key] = strip
        return strip.apply_offsets(0, row)

    def _render_row(self, row: int, width: int, selection: Selection | None) -> Strip:
        assert self.rows is not None
        start, end, last = self.rows.row(row)
        piece = self.text[start:end]
        # As Textual wraps: a row that a line goes on from loses its trailing spaces.
        content = Content(piece if last else piece.rstrip(), strip_control_codes=False)
        for index, (span_start, span_end) in enumerate(self.spans):
            if span_start < end and span_end > start:
                style = CURRENT_STYLE if index == self.current else QUOTE_STYLE
                content = content.stylize(style, max(0, span_start - start), span_end - start)
        starts, ends = self.match_starts, self.match_ends
        index = bisect_right(ends, start)  # the first match ending after the row starts
        while index < len(starts) and starts[index] < end:
            style = CURRENT_MATCH_STYLE if index == self.current_match else MATCH_STYLE
            content = content.stylize(style, max(0, starts[index] - start), ends[index] - start)
            index += 1
        if selection is not None and (span := selection.get_span(row)) is not None:
            chosen = Style.from_styles(self.screen.get_component_styles("screen--selection"))
            content = content.stylize(chosen, span[0], len(piece) if span[1] == -1 else span[1])
        content = content.truncate(self.rows.width)
        strips = Visual.to_strips(self, content, width, 1, self.visual_style, apply_selection=False, pad=True)
        return strips[0] if strips else Strip.blank(width, self.rich_style)

    # -- selecting with the mouse ---------------------------------------------------------------

    def _offset_of(self, position: Offset | None, default: int) -> int:
        rows = self.rows
        if position is None or rows is None:
            return default
        rows.wrap(rows=position.y + 2)
        if position.y >= rows.known:
            return len(self.text)
        start, end, _ = rows.row(position.y)
        return min(start + position.x, end)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        start, end = selection
        first = self._offset_of(start, 0)
        return self.text[first : self._offset_of(end, len(self.text))], "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

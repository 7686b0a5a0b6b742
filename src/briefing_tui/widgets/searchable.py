"""A search box over a list, filtering it as one types: the participants pane and the library's
people search are both one.

Searching runs in a thread worker (exclusive, so a new query cancels the last) and every query gets
a generation number: results that come back for an older query are dropped, so the newest query
always wins and typing never waits for a search. The worker hands over the hits, not rows: the list
makes a hit's row when it comes on screen (`LazyRows`), so a frame never waits for a thousand rows.
Clearing the search shows again the very list of every row the host gave (`set_rows`): nothing is
built or measured anew, whatever its length.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from briefing_tui import keys
from briefing_tui.widgets.focus import KeysFollowFocus, focus_now
from briefing_tui.widgets.lists import ItemList
from briefing_tui.widgets.text import DIM, OneLine, plain
from briefing_tui.widgets.virtual_list import LazyRows

if TYPE_CHECKING:
    from briefing_tui.search import Hit, SearchIndex

#: At most this many hits are listed; the count says when there were more.
LIMIT = 1000


class SearchBox(KeysFollowFocus, Input):
    """The search box of a `SearchableList`. Escape clears it and hands focus back to the list."""

    BIND_AT_ONCE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        keys.SEARCH_BOX_CLEAR.bind("clear_search"),
        keys.bind("first-hit", "first_hit"),
        keys.bind("search-to-list", "first_hit"),
    ]

    def action_clear_search(self) -> None:
        self.query_ancestor(SearchableList).clear_search(focus_list=True)

    def action_first_hit(self) -> None:
        self.query_ancestor(SearchableList).go_to_first_hit()


class SearchableList(Vertical):
    """A `SearchBox` (id `search`) over an `ItemList` of rows, which a query filters.

    The host gives the list, the function that makes a search hit a row (called for the rows on
    screen, on the UI thread), every row (`set_rows`) and the index (`use_index`, once built); it
    hears what the list shows from the messages `ShowingAll`, `Waiting` and `Found`, to show counts.
    """

    class ShowingAll(Message):
        """The query is blank: the list shows every row."""

    class Waiting(Message):
        """A query came before the index: its hits follow once the index is in."""

    class Found(Message):
        def __init__(self, found: str) -> None:
            super().__init__()
            #: How many hits are listed, with "+" if there were more.
            self.found = found

    class SearchDone(Message, bubble=False):
        """A query's hits (at most `LIMIT`; `more`: there were more)."""

        def __init__(self, generation: int, query: str, hits: Sequence[Hit], more: bool) -> None:
            super().__init__()
            self.generation = generation
            self.query = query
            self.hits = hits
            self.more = more

    class SearchFailed(Message, bubble=False):
        def __init__(self, generation: int, error: str) -> None:
            super().__init__()
            self.generation = generation
            self.error = error

    def __init__(self, item_list: ItemList, hit_row: Callable[[Hit], Option], *, placeholder: str) -> None:
        super().__init__()
        self.item_list = item_list
        self._hit_row = hit_row
        self._placeholder = placeholder
        #: Every row: what the list shows while the query is blank.
        self.rows: Sequence[Option] = []
        self.index: SearchIndex | None = None
        # One search at a time: the engine caches per-word results and is not made for threads.
        self._search_lock = threading.Lock()
        self.query_text = ""
        #: Bumped for every query; a result carrying an older number is stale.
        self.generation = 0
        #: The generation whose results the list shows (tests wait on this).
        self.shown_generation = 0
        #: True while the list shows hits (or that there are none) instead of every row.
        self._showing_hits = False
        #: The row of `rows` the cursor was on when hits took their place.
        self._row_before = 0

    def compose(self) -> ComposeResult:
        yield SearchBox(placeholder=self._placeholder, id="search")
        yield self.item_list

    @property
    def search_box(self) -> SearchBox:
        return self.query_one("#search", SearchBox)

    @property
    def searching(self) -> bool:
        """A query's results are still to come."""
        return self.shown_generation != self.generation

    @property
    def filtered(self) -> bool:
        """The query is not blank: the list shows (or will show) hits."""
        return bool(self.query_text.strip())

    @property
    def row_cursor(self) -> int | None:
        """The row of `rows` the cursor is on, or goes back to when the query is cleared."""
        return self._row_before if self._showing_hits else self.item_list.highlighted

    def set_rows(self, rows: Sequence[Option], *, highlight: int | None = None) -> None:
        """Every row, listed while the query is blank. `highlight`: the row for the cursor (by
        default it stays on the same item if it can)."""
        self.rows = rows
        if self._showing_hits:
            self._row_before = highlight or 0
        else:
            self._show_all(highlight)

    def use_index(self, index: SearchIndex) -> None:
        self.index = index
        if self.filtered:
            self._search(index, self.query_text, self.generation)

    def _show_all(self, highlight: int | None = None) -> None:
        """Every row, the cursor on `highlight`, else on the item it was on, else where it was
        before the search."""
        item_list = self.item_list
        current = item_list.highlighted_option
        item_list.set_options(self.rows)
        self._showing_hits = False
        if not self.rows:
            return
        if highlight is None and current is not None and current.id is not None:
            highlight = item_list.index_of(current.id)
        if highlight is None:
            highlight = self._row_before
        item_list.highlighted = min(highlight, len(self.rows) - 1)
        item_list.scroll_to_highlight()

    # -- searching ------------------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value != self.query_text:
            self.run_query(event.value)

    def run_query(self, query: str) -> None:
        self.query_text = query
        self.generation += 1
        if not query.strip():
            if self._showing_hits:
                self._show_all()
            self.shown_generation = self.generation
            self.post_message(self.ShowingAll())
        elif self.index is not None:
            self._search(self.index, query, self.generation)
        else:
            self.post_message(self.Waiting())

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, index: SearchIndex, query: str, generation: int) -> None:
        try:
            with self._search_lock:
                if generation != self.generation:
                    return  # a newer query came while this one waited
                hits = index.search(query, limit=LIMIT + 1)
        except Exception as exc:  # a bug in the engine must not take the app down
            self.post_message(self.SearchFailed(generation, f"{type(exc).__name__}: {exc}"))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.SearchDone(generation, query, hits[:LIMIT], len(hits) > LIMIT))

    def hit_rows(self, hits: Sequence[Hit]) -> LazyRows:
        """The rows of `hits`, each made when it is first drawn (or looked up)."""
        make = self._hit_row

        def row(index: int) -> Option:
            return make(hits[index])

        rows = LazyRows(len(hits), row, one_line=False)
        rows.one_line = bool(hits) and type(rows[0].prompt) is OneLine  # one function makes them all
        return rows

    @on(SearchDone)
    def _search_done(self, message: SearchDone) -> None:
        if message.generation != self.generation:
            return  # typing went on; a newer search is on its way
        item_list = self.item_list
        if not self._showing_hits:
            self._row_before = item_list.highlighted or 0
            self._showing_hits = True
        if message.hits:
            item_list.set_options(self.hit_rows(message.hits))
            item_list.highlight_first()
        else:
            nothing = Content.assemble(
                Content.styled("No participant matches ", DIM), plain(message.query, "italic")
            )
            item_list.set_options([Option(nothing, disabled=True)])
        self.shown_generation = message.generation
        self.post_message(self.Found(f"{len(message.hits)}{'+' if message.more else ''}"))

    @on(SearchFailed)
    def _search_failed(self, message: SearchFailed) -> None:
        if message.generation == self.generation:
            self.shown_generation = message.generation
            self.notify(f"Search failed: {message.error}", severity="error", markup=False)

    # -- actions --------------------------------------------------------------------------------

    def clear_search(self, *, focus_list: bool = False) -> None:
        """Empty the search box and list every row again."""
        self.search_box.value = ""
        if self.query_text or self.searching:
            self.run_query("")
        if focus_list:
            focus_now(self.item_list)

    def go_to_first_hit(self) -> None:
        self.item_list.highlight_first()
        focus_now(self.item_list)

    def show(self, option_id: str) -> bool:
        """Put the cursor on the row `option_id`, clearing the search if it filtered the row out."""
        if self.item_list.highlight_id(option_id):
            return True
        self.clear_search()
        return self.item_list.highlight_id(option_id)

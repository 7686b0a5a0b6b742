"""Live search over participants, filtering a list as one types: what the participants pane and the
library's people search share.

Searching runs in a thread worker (exclusive, so a new query cancels the last) and every query
gets a generation number: results that come back for an older query are dropped, so the newest
query always wins and typing never waits for a search.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.binding import BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Input
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from briefing_tui import keys
from briefing_tui.widgets.lists import ItemList, KeysFollowFocus, focus_now
from briefing_tui.widgets.text import DIM, plain

if TYPE_CHECKING:
    from textual.widget import Widget

    from briefing_tui.search import Hit, SearchIndex

    _Host = Widget  # what the mixin is mixed into, for the type checker
else:
    _Host = object

#: At most this many hits are listed; the count says when there were more.
LIMIT = 1000


class SearchBox(KeysFollowFocus, Input):
    """The search box of a `LiveSearch`. Escape clears it and hands focus back to the list."""

    BIND_AT_ONCE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        keys.SEARCH_BOX_CLEAR.bind("clear_search"),
        keys.bind("first-hit", "first_hit"),
        keys.bind("search-to-list", "first_hit"),
    ]

    @property
    def host(self) -> LiveSearch:
        # Not query_ancestor(LiveSearch): it matches CSS type names, and a mixin has none.
        for node in self.ancestors:
            if isinstance(node, LiveSearch):
                return node
        raise LookupError("a SearchBox belongs in a LiveSearch")

    def action_clear_search(self) -> None:
        self.host.clear_search(focus_list=True)

    def action_first_hit(self) -> None:
        self.host.go_to_first_hit()


class LiveSearch(_Host):
    """Mixin (put it first) for a widget or screen holding a `SearchBox` (id `search`) over a list.

    The host supplies `item_list`, `_hit_option` (a hit as a list row) and what to show around
    the results (`_show_everyone`, `_show_waiting`, `_show_found`), and calls `_use_index` once its
    index is built.
    """

    class SearchDone(Message, bubble=False):
        def __init__(self, generation: int, query: str, options: list[Option], more: bool) -> None:
            super().__init__()
            self.generation = generation
            self.query = query
            self.options = options
            self.more = more

    class SearchFailed(Message, bubble=False):
        def __init__(self, generation: int, error: str) -> None:
            super().__init__()
            self.generation = generation
            self.error = error

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.index: SearchIndex | None = None
        # One search at a time: the engine caches per-word results and is not made for threads.
        self._search_lock = threading.Lock()
        self.query_text = ""
        #: Bumped for every query; a result carrying an older number is stale.
        self.generation = 0
        #: The generation whose results the list shows (tests wait on this).
        self.shown_generation = 0

    @property
    def search_box(self) -> SearchBox:
        return self.query_one("#search", SearchBox)

    # -- what the host supplies -----------------------------------------------------------------

    @property
    def item_list(self) -> ItemList:
        raise NotImplementedError

    def _hit_option(self, hit: Hit) -> Option:
        """The list row for a hit. Runs in the search thread."""
        raise NotImplementedError

    def _show_everyone(self) -> None:
        """The query is blank: list what the search filters, and set `shown_generation`."""
        raise NotImplementedError

    def _show_waiting(self) -> None:
        """A query came before the index: say the search is on its way."""
        raise NotImplementedError

    def _show_found(self, found: str) -> None:
        """Results are listed: `found` is their number, with "+" if there were more."""
        raise NotImplementedError

    def _replacing_list(self) -> None:
        """Called just before results replace the list (to remember what it showed)."""

    # -- searching ------------------------------------------------------------------------------

    @property
    def searching(self) -> bool:
        return self.shown_generation != self.generation

    def _use_index(self, index: SearchIndex) -> None:
        self.index = index
        if self.query_text.strip():
            self._search(index, self.query_text, self.generation)

    # Handlers go by Textual's naming convention: `@on` registers only in classes built by
    # Textual's metaclass, and would be ignored in this plain mixin.
    def _on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "search":
            return
        event.stop()
        if event.value != self.query_text:
            self.run_query(event.value)

    def run_query(self, query: str) -> None:
        self.query_text = query
        self.generation += 1
        if not query.strip():
            self._show_everyone()
        elif self.index is not None:
            self._search(self.index, query, self.generation)
        else:
            self._show_waiting()

    @work(thread=True, exclusive=True, group="live-search", exit_on_error=False)
    def _search(self, index: SearchIndex, query: str, generation: int) -> None:
        try:
            with self._search_lock:
                if generation != self.generation:
                    return  # a newer query came while this one waited
                hits = index.search(query, limit=LIMIT + 1)
            options = [self._hit_option(hit) for hit in hits[:LIMIT]]
        except Exception as exc:  # a bug in the engine must not take the app down
            self.post_message(self.SearchFailed(generation, f"{type(exc).__name__}: {exc}"))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.SearchDone(generation, query, options, len(hits) > LIMIT))

    def _on_live_search_search_done(self, message: SearchDone) -> None:
        if message.generation != self.generation:
            return  # typing went on; a newer search is on its way
        self._replacing_list()
        item_list = self.item_list
        if message.options:
            item_list.set_options(message.options)
            item_list.highlight_first()
        else:
            nothing = Content.assemble(
                Content.styled("No participant matches ", DIM), plain(message.query, "italic")
            )
            item_list.set_options([Option(nothing, disabled=True)])
        self._show_found(f"{len(message.options)}{'+' if message.more else ''}")
        self.shown_generation = message.generation

    def _on_live_search_search_failed(self, message: SearchFailed) -> None:
        if message.generation == self.generation:
            self.shown_generation = message.generation
            self.notify(f"Search failed: {message.error}", severity="error", markup=False)

    # -- actions --------------------------------------------------------------------------------

    def clear_search(self, *, focus_list: bool = False) -> None:
        """Empty the search box and list everything again."""
        self.search_box.value = ""
        if self.query_text or self.searching:
            self.run_query("")
        if focus_list:
            focus_now(self.item_list)

    def go_to_first_hit(self) -> None:
        item_list = self.item_list
        item_list.highlight_first()
        focus_now(item_list)

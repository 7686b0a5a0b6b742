"""The participants pane: a search box over the list of people, filtering as one types.

Searching runs in a thread worker (exclusive group, so a new query cancels the last) and every
query gets a generation number: results that come back for an older query are dropped, so the
newest query always wins and typing never waits for a search.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Input
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from briefing_tui.widgets.items import Ref
from briefing_tui.widgets.lists import ItemList, KeysFollowFocus, Pane, focus_now
from briefing_tui.widgets.text import DIM, participant_row, plain, side_styles

if TYPE_CHECKING:
    from briefing_tui.model import Briefing
    from briefing_tui.search import SearchIndex

#: At most this many hits are listed; the title says when there were more.
LIMIT = 1000


def participant_options(briefing: Briefing) -> list[Option]:
    """A list row for everyone, in order. O(participants): the loader thread builds them."""
    colours = side_styles(briefing.participants)
    return [
        Option(participant_row(person, colours[person.side]), id=f"participant:{index}")
        for index, person in enumerate(briefing.participants)
    ]


class SearchBox(KeysFollowFocus, Input):
    """The participant search box. Escape clears it and hands focus back to the list."""

    BIND_AT_ONCE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_search", "Clear search", id="clear-search"),
        Binding("enter", "first_hit", "First hit", tooltip="Go to the first hit", id="first-hit"),
        Binding("down", "first_hit", "To the list", show=False, id="search-to-list"),
    ]

    def action_clear_search(self) -> None:
        self.query_ancestor(ParticipantsPane).clear_search(focus_list=True)

    def action_first_hit(self) -> None:
        self.query_ancestor(ParticipantsPane).go_to_first_hit()


class ParticipantsPane(Pane):
    """Pane 4: the search box and the participant list."""

    class IndexReady(Message, bubble=False):
        def __init__(self, index: SearchIndex) -> None:
            super().__init__()
            self.index = index

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

    def __init__(self, briefing: Briefing, options: list[Option] | None = None) -> None:
        """`options`: the rows of `participant_options(briefing)`, if already built elsewhere."""
        super().__init__(4, "Participants", id="participants-pane")
        self.briefing = briefing
        self.styles_by_side = side_styles(briefing.participants)
        self.all_options = participant_options(briefing) if options is None else options
        self.index: SearchIndex | None = None
        # One search at a time: the engine caches per-word results and is not made for threads.
        self._search_lock = threading.Lock()
        self.query_text = ""
        #: Bumped for every query; a result carrying an older number is stale.
        self.generation = 0
        #: The generation whose results the list shows (tests wait on this).
        self.shown_generation = 0
        self.set_count(str(len(self.all_options)))

    def compose(self) -> ComposeResult:
        yield SearchBox(placeholder="/ to search: name, role, side, alias…", id="search")
        yield ItemList(self.all_options, id="participants")

    def on_mount(self) -> None:
        # After the first paint: importing the engine and indexing is the slow part of start-up.
        self.call_after_refresh(self._build_index)

    @property
    def item_list(self) -> ItemList:
        return self.query_one("#participants", ItemList)

    @property
    def search_box(self) -> SearchBox:
        return self.query_one("#search", SearchBox)

    @property
    def searching(self) -> bool:
        return self.shown_generation != self.generation

    # -- the index ----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="participant-index", exit_on_error=False)
    def _build_index(self) -> None:
        from briefing_tui.search import SearchIndex

        self.post_message(self.IndexReady(SearchIndex(self.briefing.participants)))

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        self.index = message.index
        if self.query_text.strip():
            self._search(self.index, self.query_text, self.generation)

    # -- searching ----------------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value != self.query_text:
            self.run_query(event.value)

    def run_query(self, query: str) -> None:
        self.query_text = query
        self.generation += 1
        if not query.strip():
            self._show_all()
        elif self.index is not None:
            self._search(self.index, query, self.generation)
        else:
            self.set_count(f"searching… of {len(self.all_options)}")

    @work(thread=True, exclusive=True, group="participant-search", exit_on_error=False)
    def _search(self, index: SearchIndex, query: str, generation: int) -> None:
        try:
            with self._search_lock:
                if generation != self.generation:
                    return  # a newer query came while this one waited
                hits = index.search(query, limit=LIMIT + 1)
            options = [
                Option(
                    participant_row(hit.participant, self.styles_by_side[hit.participant.side], hit.spans),
                    id=f"participant:{hit.position}",
                )
                for hit in hits[:LIMIT]
            ]
        except Exception as exc:  # a bug in the engine must not take the app down
            self.post_message(self.SearchFailed(generation, f"{type(exc).__name__}: {exc}"))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.SearchDone(generation, query, options, len(hits) > LIMIT))

    @on(SearchDone)
    def _search_done(self, message: SearchDone) -> None:
        if message.generation != self.generation:
            return  # typing went on; a newer search is on its way
        item_list = self.item_list
        if message.options:
            item_list.set_options(message.options)
            item_list.highlight_first()
        else:
            nothing = Content.assemble(
                Content.styled("No participant matches ", DIM), plain(message.query, "italic")
            )
            item_list.set_options([Option(nothing, disabled=True)])
        more = "+" if message.more else ""
        self.set_count(f"{len(message.options)}{more} of {len(self.all_options)}")
        self.shown_generation = message.generation

    @on(SearchFailed)
    def _search_failed(self, message: SearchFailed) -> None:
        if message.generation == self.generation:
            self.shown_generation = message.generation
            self.notify(f"Search failed: {message.error}", severity="error", markup=False)

    def _show_all(self) -> None:
        item_list = self.item_list
        current = item_list.current_ref
        item_list.set_options(self.all_options)
        if current is None or not item_list.highlight_ref(current):
            item_list.highlight_first()
        self.set_count(str(len(self.all_options)))
        self.shown_generation = self.generation

    # -- actions ------------------------------------------------------------------------------

    def clear_search(self, *, focus_list: bool = False) -> None:
        """Empty the search box and show everyone again (keeping the highlighted person)."""
        self.search_box.value = ""
        if self.query_text or self.searching:
            self.run_query("")
        if focus_list:
            focus_now(self.item_list)

    def go_to_first_hit(self) -> None:
        item_list = self.item_list
        item_list.highlight_first()
        focus_now(item_list)

    def show(self, ref: Ref) -> bool:
        """Highlight `ref` in the list, clearing the search if it is filtered out."""
        item_list = self.item_list
        if not item_list.highlight_ref(ref):
            self.clear_search()
            if not item_list.highlight_ref(ref):
                return False
        return True

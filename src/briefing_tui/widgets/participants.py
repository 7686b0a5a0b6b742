"""The participants pane: a search box over the list of people, filtering as one types.

The searching itself (a thread worker per query, the newest query wins) is `LiveSearch`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets.option_list import Option

from briefing_tui.items import Ref
from briefing_tui.widgets.lists import ItemList, Pane
from briefing_tui.widgets.live_search import LiveSearch, SearchBox
from briefing_tui.widgets.text import participant_row, side_styles

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing
    from briefing_tui.search import Hit, SearchIndex


def participant_options(briefing: Briefing) -> list[Option]:
    """A list row for everyone, in order. O(participants): built off the UI thread."""
    colours = side_styles(briefing.participants)
    return [
        Option(participant_row(person, colours[person.side]), id=f"participant:{index}")
        for index, person in enumerate(briefing.participants)
    ]


class ParticipantsPane(LiveSearch, Pane):
    """Pane 4: the search box and the participant list."""

    class IndexReady(Message, bubble=False):
        def __init__(self, index: SearchIndex) -> None:
            super().__init__()
            self.index = index

    def __init__(self, briefing: Briefing) -> None:
        super().__init__(4, "Participants", id="participants-pane")
        self.briefing = briefing
        self.styles_by_side = side_styles(briefing.participants)
        #: The rows of everyone, once the screen has built them (`set_rows`).
        self.all_options: list[Option] = []
        self.set_count(str(len(briefing.participants)))

    def compose(self) -> ComposeResult:
        yield SearchBox(placeholder="/ to search: name, role, side, alias…", id="search")
        yield ItemList(id="participants")

    def set_rows(self, options: list[Option]) -> None:
        """Everyone's rows, listed unless a search shows its hits."""
        self.all_options = options
        if not self.query_text.strip():
            self.item_list.set_options(options)

    def on_mount(self) -> None:
        # After the first paint: importing the engine and indexing is the slow part of start-up.
        self.call_after_refresh(self._build_index)

    @property
    def item_list(self) -> ItemList:
        return self.query_one("#participants", ItemList)

    # -- the index ----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="participant-index", exit_on_error=False)
    def _build_index(self) -> None:
        from briefing_tui.search import SearchIndex

        self.post_message(self.IndexReady(SearchIndex(self.briefing.participants)))

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        self._use_index(message.index)

    # -- what the search shows ------------------------------------------------------------------

    def _hit_option(self, hit: Hit) -> Option:
        person = hit.participant
        row = participant_row(person, self.styles_by_side[person.side], hit.spans)
        return Option(row, id=f"participant:{hit.position}")

    def _show_waiting(self) -> None:
        self.set_count(f"searching… of {len(self.briefing.participants)}")

    def _show_found(self, found: str) -> None:
        self.set_count(f"{found} of {len(self.briefing.participants)}")

    def _show_everyone(self) -> None:
        item_list = self.item_list
        current = item_list.current_ref
        item_list.set_options(self.all_options)
        if current is None or not item_list.highlight_ref(current):
            item_list.highlight_first()
        self.set_count(str(len(self.briefing.participants)))
        self.shown_generation = self.generation

    # -- actions ------------------------------------------------------------------------------

    def show(self, ref: Ref) -> bool:
        """Highlight `ref` in the list, clearing the search if it is filtered out."""
        item_list = self.item_list
        if not item_list.highlight_ref(ref):
            self.clear_search()
            if not item_list.highlight_ref(ref):
                return False
        return True

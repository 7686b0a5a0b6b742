"""The participants pane: a search box over the list of people, filtering as one types."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets.option_list import Option

from briefing_tui import gc_control
from briefing_tui.items import Ref
from briefing_tui.widgets.lists import ItemList, Pane
from briefing_tui.widgets.searchable import SearchableList, SearchBox
from briefing_tui.widgets.text import participant_row, side_styles
from briefing_tui.widgets.virtual_list import LazyRows

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing
    from briefing_tui.search import Hit, SearchIndex


def participant_rows(briefing: Briefing, side_colours: Mapping[str | None, str]) -> LazyRows:
    """Everyone's rows (option ids `participant:N`), each made when it is first drawn: listing
    100,000 people makes the forty on screen."""
    people = briefing.participants

    def make(index: int) -> Option:
        person = people[index]
        return Option(participant_row(person, side_colours[person.side]), id=f"participant:{index}")

    def locate(option_id: str) -> int | None:
        ref = Ref.from_option_id(option_id)
        if ref is None or ref.kind != "participant" or not 0 <= ref.index < len(people):
            return None
        return ref.index

    return LazyRows(len(people), make, one_line=True, locate=locate)


class ParticipantsPane(Pane):
    """Pane 4: the search box and the participant list."""

    class IndexReady(Message, bubble=False):
        def __init__(self, index: SearchIndex) -> None:
            super().__init__()
            self.index = index

    class Searchable(Message):
        """The participants can be searched: the index of the briefing shown is built."""

    def __init__(self, briefing: Briefing) -> None:
        super().__init__(4, "Participants", id="participants-pane")
        self.briefing = briefing
        self.styles_by_side = side_styles(briefing.participants)
        self.set_count(str(len(briefing.participants)))

    def update_briefing(self, briefing: Briefing) -> None:
        """The same pane over a reloaded briefing: its search index anew (a search shows its hits
        in it once built); the screen sets the rows."""
        self.briefing = briefing
        self.styles_by_side = side_styles(briefing.participants)
        self.set_count(str(len(briefing.participants)))
        self._build_index()

    def compose(self) -> ComposeResult:
        yield SearchableList(
            ItemList(id="participants"),
            self._hit_row,
            placeholder="/ to search: name, role, side, alias…",
        )

    def on_mount(self) -> None:
        # After the first paint: importing the engine and indexing is the slow part of start-up.
        self.call_after_refresh(self._build_index)

    @property
    def searchable(self) -> SearchableList:
        return self.query_one(SearchableList)

    @property
    def item_list(self) -> ItemList:
        return self.searchable.item_list

    @property
    def search_box(self) -> SearchBox:
        return self.searchable.search_box

    def set_rows(self, rows: Sequence[Option]) -> None:
        """Everyone's rows (the screen builds them), listed unless a search shows its hits."""
        self.searchable.set_rows(rows)

    def show(self, ref: Ref) -> bool:
        """Highlight `ref` in the list, clearing the search if it is filtered out."""
        return self.searchable.show(ref.option_id)

    # -- the index ----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="participant-index", exit_on_error=False)
    def _build_index(self) -> None:
        from briefing_tui.search import SearchIndex

        # The collector paused and the index frozen after: no collection at the end of the build,
        # which would scan everything it made in one go, holding the GIL (and the UI) for 50+ ms.
        with gc_control.paused():
            index = SearchIndex(self.briefing.participants)
            gc_control.freeze()  # the index lives as long as the briefing
        self.post_message(self.IndexReady(index))

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        self.searchable.use_index(message.index)
        self.post_message(self.Searchable())

    # -- what the search shows ------------------------------------------------------------------

    def _hit_row(self, hit: Hit) -> Option:
        person = hit.participant
        row = participant_row(person, self.styles_by_side[person.side], hit.spans)
        return Option(row, id=f"participant:{hit.position}")

    @on(SearchableList.ShowingAll)
    def _showing_all(self) -> None:
        self.set_count(str(len(self.briefing.participants)))

    @on(SearchableList.Waiting)
    def _waiting(self) -> None:
        self.set_count(f"searching… of {len(self.briefing.participants)}")

    @on(SearchableList.Found)
    def _found(self, message: SearchableList.Found) -> None:
        self.set_count(f"{message.found} of {len(self.briefing.participants)}")

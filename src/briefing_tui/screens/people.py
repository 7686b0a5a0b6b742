"""The people of a library, each once (`persons`): `p` on the library opens this screen.

Each row is a person: their latest name, role and organisation, in how many briefings they appear,
their sides, their first and last date. `/` searches them with the participant search engine, so
any spelling finds them (Tokayev, Tokaev, Toqaev, Токаев). Enter opens their dossier; Escape (with
no search to clear) or `b` goes back to the briefings, as they were left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets.option_list import Option

from briefing_tui import keys
from briefing_tui.screens.dossier import DossierScreen
from briefing_tui.screens.library_rows import count, person_option
from briefing_tui.screens.navigation import return_to
from briefing_tui.widgets.focus import focus_now
from briefing_tui.widgets.lists import ItemList
from briefing_tui.widgets.searchable import SearchableList, SearchBox
from briefing_tui.widgets.text import plain

if TYPE_CHECKING:
    from briefing_tui.library import Library
    from briefing_tui.persons import People
    from briefing_tui.search import Hit, SearchIndex

PLACEHOLDER = "/ to search people by any spelling: name, alias, role, organisation, side…"


class PeopleList(ItemList, inherit_bindings=False):
    """The people: Enter opens the dossier of the one under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys.LIST_MOVES, keys.PEOPLE_OPEN.bind("select")]


class PeopleScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        keys.PEOPLE_SEARCH.bind("search"),
        keys.PEOPLE_CLEAR.bind("clear_search"),
        # After clear-search: Escape clears a search first, and goes back only when there is none.
        keys.PEOPLE_BACK.bind("briefings"),
        keys.bind("briefings", "briefings"),
    ]

    AUTO_FOCUS = "#people"

    class PeopleReady(Message, bubble=False):
        def __init__(self, people: People, options: list[Option], index: SearchIndex) -> None:
            super().__init__()
            self.people = people
            self.options = options
            self.index = index

    def __init__(self, library: Library, folder: str, *, home: Screen[Any] | None = None) -> None:
        """`home`: the screen `b` goes back to (the briefings), under this one."""
        super().__init__()
        self.library = library
        self.folder = folder
        self.home = home
        self.people: People | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="people-pane", classes="pane -active"):
            yield SearchableList(PeopleList(id="people"), self._hit_row, placeholder=PLACEHOLDER)
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self._set_title("listing the people…")
        self._build(self.library)

    @property
    def searchable(self) -> SearchableList:
        return self.query_one(SearchableList)

    @property
    def item_list(self) -> ItemList:
        return self.searchable.item_list

    @property
    def search_box(self) -> SearchBox:
        return self.searchable.search_box

    def _set_title(self, counts: str, order: str = "most briefings first") -> None:
        pane = self.query_one("#people-pane")
        pane.border_title = Content.assemble(plain(self.folder, "bold"), Content(f" · {counts}"))
        pane.border_subtitle = order

    @work(thread=True, exclusive=True, group="people", exit_on_error=False)
    def _build(self, library: Library) -> None:
        # Off the UI thread: merging a big folder's people takes a while, the first time.
        people = library.persons()
        options = [person_option(position, person) for position, person in enumerate(people.persons)]
        self.post_message(self.PeopleReady(people, options, people.index))

    @on(PeopleReady)
    def _people_ready(self, message: PeopleReady) -> None:
        self.people = message.people
        self.searchable.set_rows(message.options, highlight=0)
        self.searchable.use_index(message.index)
        if not self.searchable.filtered:
            self._set_title(count(len(message.people), "person").replace("persons", "people"))

    def _hit_row(self, hit: Hit) -> Option:
        assert self.people is not None  # searching waits for the index, which comes with them
        return person_option(hit.position, self.people.persons[hit.position], hit)

    @on(SearchableList.ShowingAll)
    def _showing_all(self) -> None:
        if self.people is not None:
            self._set_title(count(len(self.people), "person").replace("persons", "people"))

    @on(SearchableList.Found)
    def _found(self, message: SearchableList.Found) -> None:
        total = len(self.people) if self.people is not None else 0
        self._set_title(f"{message.found} of {total:,} people", "best match first")

    # -- actions --------------------------------------------------------------------------------

    def action_search(self) -> None:
        focus_now(self.search_box)

    def action_clear_search(self) -> None:
        search = self.searchable
        in_search = self.focused is search.search_box
        if not in_search and not (search.query_text or search.searching):
            raise SkipAction()  # nothing to clear: Escape means back to the briefings
        search.clear_search(focus_list=in_search)

    def action_briefings(self) -> None:
        if self.home is not None and self.home in self.app.screen_stack:
            return_to(self.home)
        elif self.app.screen is self:
            self.app.pop_screen()

    @on(ItemList.OptionSelected, "#people")
    def _option_selected(self, event: ItemList.OptionSelected) -> None:
        event.stop()
        kind, _, number = (event.option.id or "").partition(":")
        if kind == "person" and number.isdigit() and self.people is not None:
            person = self.people.persons[int(number)]
            self.app.push_screen(DossierScreen(person, self.library, home=self.home or self))

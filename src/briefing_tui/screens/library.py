"""The library screen: every briefing under a folder, filtered and sorted as asked.

`briefing-tui FOLDER` opens here, as soon as the first files are listed: the rest are appended as
they load ("loaded 1,200 of 10,000" in the title). `/` filters with the language of `filters`
(free words, `topic:energy`, `person:tokayev`, `after:2026-03`, `-term`...); a filter that cannot
be read says why under the box. Filtering runs in a thread worker, each query with a generation
number: results of a query that typing has overtaken are dropped. `o` cycles the sort, `p` lists
the people (`screens.people`). Enter opens a briefing's main screen (or, for a file that failed to
load, its problems) on top of this screen; Escape or Backspace there comes back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, get_args

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.widgets.option_list import Option

from briefing_tui import keys
from briefing_tui.filters import SORTS, FilterError, FilterIndex, Sort
from briefing_tui.paths import BRIEFING_SUFFIXES
from briefing_tui.screens.error import RELOAD_NOTE, ErrorScreen
from briefing_tui.screens.library_open import EntryErrorScreen, open_entry
from briefing_tui.screens.library_rows import (
    entry_id,
    entry_option,
    gone_title,
    library_title,
    relative_name,
)
from briefing_tui.screens.main import MainScreen
from briefing_tui.screens.navigation import return_to
from briefing_tui.widgets.focus import focus_now
from briefing_tui.widgets.lists import ItemList
from briefing_tui.widgets.searchable import SearchBox
from briefing_tui.widgets.text import DIM, plain

if TYPE_CHECKING:
    from textual.app import App

    from briefing_tui.format.model import Briefing
    from briefing_tui.library import Library, LibraryEntry, Progress
    from briefing_tui.persons import People
    from briefing_tui.screens.loading import LibraryLoaded, LibraryProgress

__all__ = ["EntryErrorScreen", "FolderErrorScreen", "LibraryList", "LibraryScreen", "relative_name"]

PLACEHOLDER = (
    "/ filter: words, topic:energy, person:tokayev, side:, place:, after:2026-03, year:, is:invalid, -word"
)
#: While files load, the list is filtered again at most this often.
REFRESH_SECONDS = 0.25


class LibraryList(ItemList, inherit_bindings=False):
    """The list of briefings (or of people): Enter opens the one under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys.LIST_MOVES, keys.LIBRARY_OPEN.bind("select")]


class FilterBox(SearchBox):
    """The library's filter box: Escape clears it, Enter and Down go to the list."""

    def action_clear_search(self) -> None:
        screen = self.screen
        if isinstance(screen, LibraryScreen):
            screen.clear_filter(focus_list=True)

    def action_first_hit(self) -> None:
        screen = self.screen
        if isinstance(screen, LibraryScreen):
            screen.first_row()


class LibraryScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        keys.LIBRARY_SEARCH.bind("search"),
        keys.LIBRARY_CLEAR.bind("clear_search"),
        keys.bind("sort", "cycle_sort"),
        keys.bind("people", "people"),
        keys.bind("find", "find"),
    ]

    AUTO_FOCUS = "#briefings"

    class Filtered(Message, bubble=False):
        def __init__(
            self,
            generation: int,
            entries: list[LibraryEntry] | None = None,
            options: list[Option] | None = None,
            error: str | None = None,
        ) -> None:
            super().__init__()
            self.generation = generation
            self.entries = entries
            self.options = options
            self.error = error

    def __init__(self, library: Library, folder: str, *, loading: bool = False) -> None:
        super().__init__()
        self.library = library
        self.folder = folder
        #: Files still loading: `arrived` holds those listed so far (the library's own list is
        #: the loader's until it is done).
        self.still_loading = loading
        self.arrived: list[LibraryEntry] = []
        self.progress_text = ""
        self._refresh_due = False
        #: The entries listed, in the order shown.
        self.entries: list[LibraryEntry] = []
        self._rows: dict[str, int] = {}
        self.sort: Sort = "date"
        self.query_text = ""
        #: Bumped for every filter run; a result carrying an older number is stale.
        self.generation = 0
        #: The generation whose result the list shows (tests wait on this).
        self.shown_generation = -1
        self.error: str | None = None
        self._top = self._stay_on_top = False
        self._lock = threading.Lock()
        #: Rows already built, by file: (entry, option).
        self._options: dict[str, tuple[LibraryEntry, Option]] = {}
        #: The folder was moved or deleted: nothing is listed until it is back.
        self.gone = False

    def compose(self) -> ComposeResult:
        with Vertical(id="library-pane", classes="pane -active"):
            yield FilterBox(placeholder=PLACEHOLDER, id="search")
            yield Static(id="filter-error", markup=False)
            yield LibraryList(id="briefings")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#filter-error").display = False
        self.refilter()

    @property
    def item_list(self) -> ItemList:
        return self.query_one("#briefings", ItemList)

    @property
    def search_box(self) -> SearchBox:
        return self.query_one("#search", SearchBox)

    @property
    def all_entries(self) -> Sequence[LibraryEntry]:
        return self.arrived if self.still_loading else self.library.entries

    @property
    def filtering(self) -> bool:
        """A filter run's result is still to come."""
        return self.shown_generation != self.generation

    # -- filtering ------------------------------------------------------------------------------

    @on(SearchBox.Changed, "#search")
    def _query_changed(self, event: SearchBox.Changed) -> None:
        event.stop()
        if event.value != self.query_text:
            self.query_text = event.value
            self.refilter()

    def refilter(self, *, top: bool = False, stay_on_top: bool = False) -> None:
        """List the entries the filter keeps, in the sort's order (in a worker). `top`: the cursor
        goes to the first row; `stay_on_top`: it stays there if it was (else on its file)."""
        self.generation += 1
        self._top, self._stay_on_top = top, stay_on_top
        if self.still_loading:
            entries = list(self.arrived)
            index = FilterIndex(entries, _no_people(self.progress_text), self.library.relative_name)
            source = index.filter
        else:
            source = self.library.filter
        self._filter(self.generation, self.query_text, self.sort, source)

    @work(thread=True, exclusive=True, group="library-filter", exit_on_error=False)
    def _filter(
        self, generation: int, query: str, sort: Sort, source: Callable[..., list[LibraryEntry]]
    ) -> None:
        try:
            with self._lock:
                if generation != self.generation:
                    return  # a newer query came while this one waited
                entries = source(query, sort=sort)
                options = [self._option(entry) for entry in entries]
        except FilterError as exc:
            self.post_message(self.Filtered(generation, error=str(exc)))
            return
        except Exception as exc:  # a bug in filtering must not take the app down
            self.post_message(self.Filtered(generation, error=f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(self.Filtered(generation, entries, options))

    def _option(self, entry: LibraryEntry) -> Option:
        known = self._options.get(entry.path_text)
        if known is not None and known[0] is entry:
            return known[1]
        option = entry_option(entry, self.library.root)
        self._options[entry.path_text] = (entry, option)
        return option

    @on(Filtered)
    def _filtered(self, message: Filtered) -> None:
        if message.generation != self.generation:
            return  # typing went on; a newer result is on its way
        self.shown_generation = message.generation
        self._show_error(message.error)
        if message.entries is not None and message.options is not None:
            self._show_rows(message.entries, message.options)
        self._set_title()

    def _show_error(self, error: str | None) -> None:
        """The filter's problem under the box (the list keeps the last rows it could show)."""
        self.error = error
        label = self.query_one("#filter-error", Static)
        label.display = error is not None
        if error is not None:
            label.update(plain(error, "$text-error"))

    def _show_rows(self, entries: list[LibraryEntry], options: list[Option]) -> None:
        """The rows, the cursor staying on the same file if it is still listed."""
        item_list = self.item_list
        current = item_list.highlighted_option
        row = item_list.highlighted or 0
        self.entries = entries
        self._rows = {entry.path_text: row for row, entry in enumerate(entries)}
        if not options:
            # Nothing kept says so; nothing listed at all (a folder gone) is an empty list.
            nothing = Content.assemble(
                Content.styled("No briefing matches ", DIM), plain(self.query_text, "italic")
            )
            item_list.set_options([Option(nothing, disabled=True)] if self.query_text.strip() else [])
            return
        item_list.set_options(options)
        if self._top or (self._stay_on_top and row == 0):
            item_list.highlight_first()
        elif current is None or current.id is None or not item_list.highlight_id(current.id):
            item_list.highlighted = min(row, len(options) - 1)
            item_list.scroll_to_highlight()

    def _set_title(self) -> None:
        pane = self.query_one("#library-pane")
        if self.gone:
            pane.border_title = gone_title(self.folder)
            pane.border_subtitle = "listed again when it is back"
            return
        filtered = bool(self.query_text.strip())
        pane.border_title = library_title(
            self.folder,
            len(self.entries),
            self.all_entries,
            SORTS[self.sort],
            filtered=filtered,
            loading=self.progress_text if self.still_loading else "",
        )
        pane.border_subtitle = None

    # -- loading -----------------------------------------------------------------------------------

    def loading_progress(self, progress: Progress) -> None:
        """More files loaded: list them (filtered again at most every `REFRESH_SECONDS`)."""
        self.arrived.extend(progress.new)
        self.progress_text = str(progress)
        if self.is_mounted and not self._refresh_due:
            self._refresh_due = True
            self.set_timer(REFRESH_SECONDS, self._refresh_loading)

    def _refresh_loading(self) -> None:
        self._refresh_due = False
        if self.still_loading:
            self.refilter(stay_on_top=True)

    def finish_loading(self, library: Library) -> None:
        """Every file is loaded: the library's list takes the place of the one that grew."""
        self.library, self.still_loading, self.arrived = library, False, []
        if self.is_mounted:  # else its mounting lists them
            self.refilter(stay_on_top=True)

    # -- the folder changed -----------------------------------------------------------------------

    def update_library(self, library: Library, changed: frozenset[Path]) -> None:
        """The folder changed on disk: list it anew, and open anew the briefing shown over this
        screen if its file is one of `changed` (or show its problems, if it no longer loads)."""
        self.gone = False
        self.library, self.still_loading, self.arrived = library, False, []
        self.refilter()
        stack = self.app.screen_stack
        above = stack[stack.index(self) + 1 :] if self in stack else []
        if not above or not isinstance(above[0], (MainScreen, EntryErrorScreen)):
            return
        shown = above[0]
        shown_path = shown.briefing.path if isinstance(shown, MainScreen) else shown.path
        if shown_path is None or not _touches(shown, Path(shown_path), changed):
            return
        entry = next((e for e in library.entries if e.path.resolve() == Path(shown_path).resolve()), None)
        problems = [str(p) for p in entry.problems] if entry is not None else []
        problems = problems or [f"{shown_path}: file not found"]
        if isinstance(shown, MainScreen):  # in place: a broken save keeps the last good version
            if entry is not None and entry.briefing is not None:
                shown.update_briefing(entry.briefing)
                self.notify(f"Reloaded {entry.path.name}", markup=False)
            else:
                shown.show_problems(problems)
            return
        return_to(self)
        if entry is not None and entry.briefing is not None:
            self.app.push_screen(MainScreen(entry.briefing, back=True))
            self.notify(f"Reloaded {entry.path.name}", markup=False)
            return
        self.app.push_screen(EntryErrorScreen(str(shown_path), problems, note=RELOAD_NOTE))

    def folder_gone(self) -> None:
        """The folder was moved or deleted: list nothing, and say so, until it is back
        (`update_library`). What was open from it closes: its file went with it."""
        from briefing_tui.library import Library

        self.gone = True
        return_to(self)
        self.library, self.still_loading, self.arrived = Library(self.library.root), False, []
        self.refilter()

    # -- actions --------------------------------------------------------------------------------

    def action_search(self) -> None:
        focus_now(self.search_box)

    def action_clear_search(self) -> None:
        self.clear_filter(focus_list=self.focused is self.search_box)

    def clear_filter(self, *, focus_list: bool = False) -> None:
        """Empty the filter box and list every briefing again."""
        self.search_box.value = ""
        if self.query_text:
            self.query_text = ""
            self.refilter()
        if focus_list:
            focus_now(self.item_list)

    def first_row(self) -> None:
        item_list = self.item_list
        item_list.highlight_first()
        focus_now(item_list)

    def apply_filter(self, expression: str) -> None:
        """Filter with `expression` (a named view, from the palette), the cursor on the list."""
        if self not in self.app.screen_stack:
            return
        return_to(self)
        self.search_box.value = expression
        self.query_text = expression
        self.refilter()
        focus_now(self.item_list)

    def action_cycle_sort(self) -> None:
        sorts: tuple[Sort, ...] = get_args(Sort)
        self.sort = sorts[(sorts.index(self.sort) + 1) % len(sorts)]
        self.refilter(top=True)

    def action_people(self) -> None:
        from briefing_tui.screens.people import PeopleScreen

        if self.still_loading:
            self.notify(
                f"The people are listed once every file is loaded ({self.progress_text})", markup=False
            )
            return
        self.app.push_screen(PeopleScreen(self.library, self.folder, home=self))

    def action_find(self) -> None:
        from briefing_tui.screens.find import FindScreen

        def open_briefing(briefing: Briefing) -> MainScreen:
            return MainScreen(briefing, back=True)

        self.app.push_screen(
            FindScreen.in_library(self, lambda: self.library, open_briefing, folder=self.folder)
        )

    @on(ItemList.OptionSelected, "#briefings")
    def _option_selected(self, event: ItemList.OptionSelected) -> None:
        event.stop()
        row = self._rows.get((event.option.id or "").removeprefix("entry:"))
        if row is not None:
            self.open_entry(row)

    def open_entry(self, row: int, *, participant: int | None = None) -> None:
        """Open the briefing at `row` of `entries` over this screen (its problems, if it failed)."""
        if self not in self.app.screen_stack or row >= len(self.entries):
            return
        return_to(self)  # from the palette, over another briefing: go back first
        self.item_list.highlight_id(entry_id(self.entries[row]))  # coming back, the cursor is there
        open_entry(self.app, self.entries[row], participant=participant)


def _no_people(progress: str) -> Callable[[], People]:
    def people() -> People:
        raise FilterError(f"person: works once every file is loaded ({progress})")

    return people


def route_library(app: App[Any], message: LibraryLoaded | LibraryProgress, folder: str) -> None:
    """Show the library: pushed with the first files loaded, listed in full once all are, listed
    anew on a reload."""
    from briefing_tui.screens.loading import LibraryProgress

    screens = [screen for screen in app.screen_stack if isinstance(screen, LibraryScreen)]
    if isinstance(message, LibraryProgress):
        if not screens:
            screens = [LibraryScreen(message.library, folder, loading=True)]
            app.push_screen(screens[0])
        screens[0].loading_progress(message.progress)
    elif message.reload:
        for screen in screens:
            screen.update_library(message.library, message.changed)
    elif screens:
        screens[0].finish_loading(message.library)
    else:
        app.push_screen(LibraryScreen(message.library, folder))


class FolderErrorScreen(ErrorScreen):
    """A folder that could not be opened as a library (no briefings in it, or unreadable)."""

    def on_mount(self) -> None:
        self.query_one("#error-dialog").border_title = "Could not open the folder"


def _touches(shown: MainScreen | EntryErrorScreen, path: Path, changed: frozenset[Path]) -> bool:
    """Whether `changed` holds the briefing at `path` shown over the library, or its article (any
    article, for a briefing that does not load: a fixed article may fix its quotes)."""
    changed_paths = {each.resolve() for each in changed}
    if path.resolve() in changed_paths:
        return True
    if isinstance(shown, MainScreen):
        source = shown.briefing.source.file if shown.briefing.source else None
        return source is not None and (path.parent / source).resolve() in changed_paths
    return any(each.suffix.lower() not in BRIEFING_SUFFIXES for each in changed)

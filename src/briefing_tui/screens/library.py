"""The library screen: every briefing under a folder, newest first, and a search over all their people.

`briefing-tui FOLDER` opens here. Enter opens a briefing's main screen (or, for a file that failed
to load, its problems) on top of this screen; Escape or Backspace there comes back. The people
search is a `SearchableList`, as in the participants pane: a thread worker per query, the newest
query wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets.option_list import Option

from briefing_tui import gc_control, keys
from briefing_tui.items import format_date
from briefing_tui.library import newest_first
from briefing_tui.screens.error import RELOAD_NOTE, ErrorScreen
from briefing_tui.screens.main import MainScreen
from briefing_tui.screens.navigation import return_to
from briefing_tui.widgets.focus import focus_now
from briefing_tui.widgets.lists import ItemList
from briefing_tui.widgets.searchable import SearchableList, SearchBox
from briefing_tui.widgets.text import (
    DIM,
    Hanging,
    participant_row,
    plain,
    side_styles,
)

if TYPE_CHECKING:
    from briefing_tui.format.loader import Problem
    from briefing_tui.library import Library, LibraryEntry, PersonRef
    from briefing_tui.search import Hit, SearchIndex

#: The date column: "Wed 30 Oct 2024" is 15 cells, then a gap.
DATE_WIDTH = 17
ERROR_STYLE = "bold $text-error"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


def relative_name(entry: LibraryEntry, root: Path) -> str:
    """The entry's path as shown: relative to the folder, so it reads the same wherever that is."""
    try:
        return entry.path.relative_to(root).as_posix()
    except ValueError:
        return str(entry.path)


def problem_text(problem: Problem) -> str:
    """A problem without its path (the row shows the path already)."""
    if problem.line is None:
        return problem.message
    return f"{problem.line}:{problem.column}: {problem.message}"


def library_title(folder: str, entries: Iterable[LibraryEntry]) -> Content:
    """The folder and its counts: "data · 12 briefings, 1 with problems"."""
    entries = list(entries)
    failed = sum(1 for e in entries if e.briefing is None)
    counts = _count(len(entries), "briefing")
    if failed:
        counts += f", {failed} with problems"
    return Content.assemble(plain(folder, "bold"), Content(f" · {counts}"))


def gone_title(folder: str) -> Content:
    """The title of a library whose folder was moved or deleted."""
    return Content.assemble(plain(folder, "bold"), Content.styled(" · folder not found", ERROR_STYLE))


def entry_row(entry: LibraryEntry, root: Path) -> Hanging:
    """Date, headline, and a line of counts and the file; or a marker, the file and its first problem."""
    name = relative_name(entry, root)
    briefing = entry.briefing
    if briefing is None:
        marker = Content.styled("✗ not loaded".ljust(DATE_WIDTH), ERROR_STYLE)
        problems = entry.problems
        first = problem_text(problems[0]) if problems else "could not be loaded"
        more = f"  (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        body = Content.assemble(
            plain(name, "bold"),
            "\n",
            plain(first, "$text-error"),
            Content.styled(more, DIM),
        )
        return Hanging(marker, body)
    counts = " · ".join(
        (
            _count(len(briefing.key_points), "key point"),
            _count(len(briefing.agreements), "agreement"),
            _count(len(briefing.participants), "participant"),
        )
    )
    body = Content.assemble(
        plain(briefing.headline, "bold"),
        "\n",
        Content.styled(counts, DIM),
        Content.styled(" · ", DIM),
        plain(name, DIM),
    )
    return Hanging(Content(format_date(briefing.date).ljust(DATE_WIDTH)), body)


def entry_options(entries: Sequence[LibraryEntry], root: Path) -> list[Option]:
    """A row per entry, in the order given; option ids are `entry:ROW`. Built off the UI thread."""
    return [Option(entry_row(entry, root), id=f"entry:{row}") for row, entry in enumerate(entries)]


def person_hit_row(person_row: Hanging, entry: LibraryEntry) -> Hanging:
    """A participant row with a second line naming the briefing they are in."""
    briefing = entry.briefing
    assert briefing is not None  # only valid briefings have people
    where = Content.assemble(
        Content.styled("in ", DIM),
        plain(briefing.headline, "italic"),
        Content.styled(f" · {format_date(briefing.date)}", DIM),
    )
    return Hanging(person_row.prefix, Content.assemble(person_row.body, "\n", where))


class LibraryList(ItemList, inherit_bindings=False):
    """The list of briefings (or of people found): Enter opens the one under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys.LIST_MOVES, keys.LIBRARY_OPEN.bind("select")]


class LibraryScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        keys.LIBRARY_SEARCH.bind("search"),
        keys.LIBRARY_CLEAR.bind("clear_search"),
    ]

    AUTO_FOCUS = "#briefings"

    class RowsReady(Message, bubble=False):
        def __init__(self, library: Library, entries: list[LibraryEntry], options: list[Option]) -> None:
            super().__init__()
            self.library = library
            self.entries = entries
            self.options = options

    class IndexReady(Message, bubble=False):
        def __init__(
            self,
            index: SearchIndex,
            people: list[PersonRef],
            slots: list[tuple[int, int]],
            styles: dict[str | None, str],
        ) -> None:
            super().__init__()
            self.index = index
            self.people = people
            self.slots = slots
            self.styles = styles

    def __init__(self, library: Library, folder: str) -> None:
        super().__init__()
        self.library = library
        self.folder = folder
        #: The library's entries as listed (newest first), once the screen's worker has sorted them.
        self.entries: list[LibraryEntry] = []
        self.people: list[PersonRef] = []
        #: For each person of `people`: (row in `entries`, index in that briefing's participants).
        self.slots: list[tuple[int, int]] = []
        self._styles: dict[str | None, str] = {}
        #: The folder was moved or deleted: nothing is listed until it is back.
        self.gone = False

    def compose(self) -> ComposeResult:
        with Vertical(id="library-pane", classes="pane -active") as pane:
            pane.border_title = library_title(self.folder, self.library.entries)
            yield SearchableList(
                LibraryList(id="briefings"),
                self._hit_row,
                placeholder="/ to search the people of every briefing: name, role, side…",
            )
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self._set_subtitle()
        self._build_rows(self.library)

    @property
    def searchable(self) -> SearchableList:
        return self.query_one(SearchableList)

    @property
    def item_list(self) -> ItemList:
        return self.searchable.item_list

    @property
    def search_box(self) -> SearchBox:
        return self.searchable.search_box

    @property
    def showing_people(self) -> bool:
        return self.searchable.filtered

    def _set_subtitle(self, text: str | None = None) -> None:
        pane = self.query_one("#library-pane")
        default = "listed again when it is back" if self.gone else "newest first"
        pane.border_subtitle = text if text is not None else default

    # -- the rows ---------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="library-rows", exit_on_error=False)
    def _build_rows(self, library: Library) -> None:
        # Off the UI thread: a folder may hold thousands of briefings.
        entries = newest_first(library.entries)
        with gc_control.paused():  # a row per briefing, living on: no collector pass over them
            options = entry_options(entries, library.root)
        self.post_message(self.RowsReady(library, entries, options))

    @on(RowsReady)
    def _show_rows(self, message: RowsReady) -> None:
        """The rows of the library, the cursor staying on the same file."""
        row = self.searchable.row_cursor
        current = self.entries[row].path if row is not None and row < len(self.entries) else None
        self.library, self.entries = message.library, message.entries
        rows = [r for r, entry in enumerate(self.entries) if entry.path == current]
        new_row = rows[0] if rows else min(row or 0, max(len(self.entries) - 1, 0))
        self.searchable.set_rows(message.options, highlight=new_row)
        title = gone_title(self.folder) if self.gone else library_title(self.folder, self.entries)
        self.query_one("#library-pane").border_title = title
        self._set_subtitle()
        # The people search must see the new files (it searches again once the index is built).
        self._build_index(self.library, self.entries)

    def update_library(self, library: Library, changed: frozenset[Path]) -> None:
        """The folder changed on disk: list it anew, and open anew the briefing shown over this
        screen if its file is one of `changed` (or show its problems, if it no longer loads)."""
        self.gone = False
        self._build_rows(library)
        stack = self.app.screen_stack
        above = stack[stack.index(self) + 1 :] if self in stack else []
        if not above or not isinstance(above[0], (MainScreen, EntryErrorScreen)):
            return
        shown = above[0]
        shown_path = shown.briefing.path if isinstance(shown, MainScreen) else shown.path
        if shown_path is None or Path(shown_path).resolve() not in {path.resolve() for path in changed}:
            return
        view = shown.view_state() if isinstance(shown, MainScreen) else None
        entry = next((e for e in library.entries if e.path.resolve() == Path(shown_path).resolve()), None)
        return_to(self)
        if entry is not None and entry.briefing is not None:
            self.app.push_screen(MainScreen(entry.briefing, back=True, restore=view))
            self.notify(f"Reloaded {entry.path.name}", markup=False)
            return
        problems = [str(p) for p in entry.problems] if entry is not None else []
        problems = problems or [f"{shown_path}: file not found"]
        self.app.push_screen(EntryErrorScreen(str(shown_path), problems, note=RELOAD_NOTE))

    def folder_gone(self) -> None:
        """The folder was moved or deleted: list nothing, and say so, until it is back
        (`update_library`). What was open from it closes: its file went with it."""
        from briefing_tui.library import Library

        self.gone = True
        return_to(self)
        self._build_rows(Library(self.library.root))

    # -- the people index -----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="library-index", exit_on_error=False)
    def _build_index(self, library: Library, entries: list[LibraryEntry]) -> None:
        from briefing_tui.search import SearchIndex

        people = library.people()
        rows = {id(entry): row for row, entry in enumerate(entries)}
        slots: list[tuple[int, int]] = []
        previous, position = None, 0
        for ref in people:  # grouped by briefing, in participant order
            position = position + 1 if ref.entry is previous else 0
            previous = ref.entry
            slots.append((rows[id(ref.entry)], position))
        participants = [ref.participant for ref in people]
        index = SearchIndex(participants)
        self.post_message(self.IndexReady(index, people, slots, side_styles(participants)))

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        self.people, self.slots, self._styles = message.people, message.slots, message.styles
        self.searchable.use_index(message.index)

    # -- what the search shows ----------------------------------------------------------------

    def _hit_row(self, hit: Hit) -> Option:
        person = hit.participant
        row = participant_row(person, self._styles.get(person.side, DIM), hit.spans)
        entry = self.people[hit.position].entry
        return Option(person_hit_row(row, entry), id=f"person:{hit.position}")

    @on(SearchableList.ShowingAll)
    def _showing_all(self) -> None:
        self._set_subtitle()

    @on(SearchableList.Waiting)
    def _waiting(self) -> None:
        self._set_subtitle("indexing people…")

    @on(SearchableList.Found)
    def _found(self, message: SearchableList.Found) -> None:
        self._set_subtitle(f"people: {message.found} of {len(self.people)}")

    # -- actions --------------------------------------------------------------------------------

    def action_search(self) -> None:
        focus_now(self.search_box)

    def action_clear_search(self) -> None:
        self.searchable.clear_search(focus_list=self.focused is self.search_box)

    @on(ItemList.OptionSelected, "#briefings")
    def _option_selected(self, event: ItemList.OptionSelected) -> None:
        event.stop()
        kind, _, number = (event.option.id or "").partition(":")
        if not number.isdigit():
            return
        if kind == "entry":
            self.open_entry(int(number))
        elif kind == "person" and int(number) < len(self.slots):
            row, participant = self.slots[int(number)]
            self.open_entry(row, participant=participant)

    def open_entry(self, row: int, *, participant: int | None = None) -> None:
        """Open the briefing at `row` of `entries` over this screen (its problems, if it failed)."""
        if self not in self.app.screen_stack or row >= len(self.entries):
            return
        return_to(self)  # from the palette, over another briefing: go back first
        if not self.showing_people:
            self.item_list.highlighted = row  # coming back, the cursor is where it was
        entry = self.entries[row]
        if entry.briefing is None:
            problems = [str(problem) for problem in entry.problems] or [f"{entry.path}: could not be loaded"]
            self.app.push_screen(EntryErrorScreen(str(entry.path), problems))
        else:
            self.app.push_screen(MainScreen(entry.briefing, back=True, participant=participant))


class EntryErrorScreen(ErrorScreen):
    """The problems of one file of a library; Escape goes back to the library, q quits as usual."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.BACK]

    def _hint(self) -> str:
        return (
            f"{self.keys_of('back')} goes back to the library · {self.keys_of('copy')} copies the problems"
            f" · {self.keys_of('quit')} quits"
        )

    def action_quit(self) -> None:
        self.app.exit()  # the folder opened: a broken file in it is not a failure of the app

    def action_back(self) -> None:
        self.app.pop_screen()


class FolderErrorScreen(ErrorScreen):
    """A folder that could not be opened as a library (no briefings in it, or unreadable)."""

    def on_mount(self) -> None:
        self.query_one("#error-dialog").border_title = "Could not open the folder"

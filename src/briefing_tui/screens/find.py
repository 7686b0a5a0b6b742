"""The find screen (`f`): any text of the library (or of the briefing open), found as one types.

A query (words, "a phrase", prefix*, AND OR NOT and parentheses: see `find`) runs in a thread
worker at each change, and a generation number drops the results of a query that typing has
overtaken; a query that cannot be read says why under the box. Each hit is a row: the kind of
item, a snippet with the matches marked, and (in a library) the briefing. Enter opens the item:
its pane with the item selected, and its details when the match is in text its row does not show;
a match in the source article opens the source view, found there. Escape closes the screen; `f`
opens it again on the last query.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from weakref import WeakKeyDictionary

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing_tui import items, keys
from briefing_tui.find import FindError, FindHit, Found
from briefing_tui.items import format_date
from briefing_tui.screens.navigation import return_to
from briefing_tui.widgets.focus import KeysFollowFocus, focus_now
from briefing_tui.widgets.text import DIM, Hanging, highlighted, plain

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing
    from briefing_tui.library import Library
    from briefing_tui.screens.main import MainScreen

#: Hits listed at most; the count says how many texts match in all.
LIMIT = 50
#: The kind column: "evidence quote" and "source article" are 14 cells, then a gap.
KIND_WIDTH = 16
#: A briefing's headline under a hit is cut to this many characters.
HEADLINE_CHARS = 64
HELP = 'words in any order · "a phrase" · prefix* · AND, OR, NOT, ( )   ·   any case and accents'
#: The fields whose text an item's row shows: a match elsewhere opens its details too.
SHOWN_IN_ROW = frozenset({"text", "title", "name", "headline"})

Search = Callable[[str, int], Found]
#: The last query of each screen find was opened from, to open with again.
_LAST_QUERY: WeakKeyDictionary[Screen[Any], str] = WeakKeyDictionary()


def kind_label(hit: FindHit) -> str:
    """What the matched text is, for a person: "key point", "evidence quote", "note"..."""
    if hit.field == "evidence":
        return "evidence quote"
    if hit.kind == "participant":
        return "note"
    if hit.kind == "briefing":
        return hit.field
    return hit.kind


def snippet_content(hit: FindHit) -> Content:
    """The hit's snippet on one line, its matches marked; "…" where it starts mid-text."""
    lead = "…" if hit.snippet_start > 0 else ""
    shift = hit.snippet_start - len(lead)
    spans = [(start - shift, end - shift) for start, end in hit.spans]
    return highlighted(lead + hit.snippet, spans)


def hit_row(hit: FindHit, *, library: bool) -> Hanging:
    """Kind, snippet, and (in a library) the briefing's date and headline under it."""
    kind = Content.styled(kind_label(hit).ljust(KIND_WIDTH), "$text-accent")
    body = snippet_content(hit)
    summary = hit.entry.summary
    if library and summary is not None:
        # The briefing, on one line (the headline cut short; not again when it is what matched).
        headline = "" if hit.field == "headline" else summary.headline
        if len(headline) > HEADLINE_CHARS:
            headline = headline[: HEADLINE_CHARS - 1].rstrip() + "…"
        date = format_date(summary.date) + (" · " if headline else "")
        where = Content.assemble(Content.styled(date, DIM), plain(headline, f"italic {DIM}"))
        body = Content.assemble(body, "\n", where)
    elif (briefing := hit.entry.built) is not None and hit.field not in (*SHOWN_IN_ROW, "label"):
        # In a briefing: whose quote or notes it is (the row shows the quote, not the item).
        owner = _owner(briefing, hit)
        if owner is not None:
            noun, name = owner
            if len(name) > HEADLINE_CHARS:
                name = name[: HEADLINE_CHARS - 1].rstrip() + "…"
            body = Content.assemble(
                body, "\n", Content.styled(f"{noun}: ", DIM), plain(name, f"italic {DIM}")
            )
    return Hanging(kind, body)


def _owner(briefing: Briefing, hit: FindHit) -> tuple[str, str] | None:
    """What the matched text belongs to, and its name: ("key point", "Tokayev said…")."""
    section, index = hit.path[0], hit.path[1] if len(hit.path) > 1 else None
    if section == "figures" and isinstance(index, int) and index < len(briefing.figures):
        return "figure", briefing.figures[index].label
    if hit.item is None or hit.item.kind == "briefing":
        return None
    return items.kind_of(hit.item).noun.lower(), items.title(briefing, hit.item)


def count_text(found: Found) -> str:
    if not found.hits:
        return "No matches (a prefix* finds longer words: bank* finds banking)"
    shown, total = len(found.hits), max(found.total, len(found.hits))
    noun = "match" if total == 1 else "matches"
    if shown >= total:
        return f"{total:,} {noun}"
    order = "best first" if found.ranked else "in file order"
    return f"{shown:,} of {total:,} {noun}, {order}: a longer query narrows them"


def source_offset(text: str, offset: int) -> int:
    """`offset` in `text` as an offset in `text` put in NFC (as the source view shows it)."""
    if unicodedata.is_normalized("NFC", text):
        return offset
    return len(unicodedata.normalize("NFC", text[:offset]))


def show_in_briefing(host: MainScreen, hit: FindHit) -> None:
    """Show a hit of the briefing on `host`: the item selected in its pane (and its details when
    the match is in text its row does not show), or the source view at the match."""
    from briefing_tui.screens.source import SourceScreen

    if host not in host.app.screen_stack:
        return
    return_to(host)
    briefing = host.briefing
    if hit.item is None:
        text = briefing.source_text
        if text is None:
            host.notify("This briefing's source file has changed since it was found", severity="warning")
            return
        start, end = hit.spans[0] if hit.spans else (hit.snippet_start, hit.snippet_start)
        name = briefing.source.file if briefing.source else None
        folder = Path(briefing.path).parent if briefing.path else None
        path = folder / name if folder is not None and name else None
        find = (text[start:end], source_offset(text, start))
        host.app.push_screen(SourceScreen(text, (), name=name or "source", path=path, find=find))
        return
    host.jump_to(hit.item)
    if hit.field not in SHOWN_IN_ROW:
        host.open_details(hit.item)


class FindBox(KeysFollowFocus, Input):
    """The query. Enter or Down goes to the first hit."""

    BIND_AT_ONCE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        keys.FIND_TO_LIST.bind("screen.to_hits"),
        keys.bind("search-to-list", "screen.to_hits"),
    ]


class FindResults(KeysFollowFocus, OptionList, inherit_bindings=False):
    """The hits; Enter opens the one under the cursor, Up on the first goes back to the query."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys.LIST_MOVES, keys.FIND_OPEN.bind("select")]

    def action_cursor_up(self) -> None:
        if self.highlighted in (None, 0):
            focus_now(self.screen.query_one(FindBox))
            return
        super().action_cursor_up()

    def _can_page(self) -> bool:
        # Textual raises paging a list with options that has no size yet.
        return self.option_count > 0 and bool(self.scrollable_content_region)

    def action_page_down(self) -> None:
        if self._can_page():
            super().action_page_down()  # type: ignore[no-untyped-call]

    def action_page_up(self) -> None:
        if self._can_page():
            super().action_page_up()  # type: ignore[no-untyped-call]


class FindScreen(ModalScreen[None]):
    class Done(Message, bubble=False):
        """From the find worker: the hits of a query, or why it cannot be read (`error`)."""

        def __init__(
            self, generation: int, found: Found | None, options: list[Option], error: str | None
        ) -> None:
            super().__init__()
            self.generation = generation
            self.found = found
            self.options = options
            self.error = error

    BINDINGS: ClassVar[list[BindingType]] = [*keys.DIALOG]

    AUTO_FOCUS = "#find-box"

    def __init__(
        self,
        search: Search,
        open_hit: Callable[[FindHit], None],
        *,
        title: str,
        home: Screen[Any],
        library: bool,
    ) -> None:
        """`search(query, limit)` finds; `open_hit` shows a hit; `home`: the screen it is opened
        from, whose last query it remembers; `library`: the hits are of many briefings."""
        super().__init__()
        self.search = search
        self.open_hit = open_hit
        self.title_text = title
        self.home = home
        self.library = library
        self.hits: list[FindHit] = []
        self._generation = 0
        self._shown = -1
        self._to_hits = False

    @classmethod
    def in_briefing(cls, host: MainScreen) -> FindScreen:
        """Find in the briefing of `host` (and its source article)."""
        from briefing_tui.find_one import BriefingFinder

        finder = BriefingFinder(host.briefing)

        def search(query: str, limit: int) -> Found:
            return finder.find(query, limit=limit)

        return cls(
            search,
            lambda hit: show_in_briefing(host, hit),
            title="Find in this briefing",
            home=host,
            library=False,
        )

    @classmethod
    def in_library(
        cls,
        home: Screen[Any],
        library_of: Callable[[], Library],
        open_briefing: Callable[[Briefing], MainScreen],
        *,
        folder: str,
    ) -> FindScreen:
        """Find in every briefing of `library_of()` (the library as it is at each query); a hit
        opens its briefing over `home` with `open_briefing`."""

        def search(query: str, limit: int) -> Found:
            return library_of().find(query, limit=limit)

        def open_hit(hit: FindHit) -> None:
            if home not in home.app.screen_stack:
                return
            briefing = hit.entry.briefing
            if briefing is None:
                home.notify(f"{hit.entry.path.name} no longer loads", severity="error", markup=False)
                return
            return_to(home)
            screen = open_briefing(briefing)
            home.app.push_screen(screen)
            screen.when_ready(lambda: show_in_briefing(screen, hit))

        return cls(search, open_hit, title=f"Find in {folder}", home=home, library=True)

    def compose(self) -> ComposeResult:
        with Vertical(id="find-dialog") as dialog:
            dialog.border_title = Content(self.title_text)
            yield FindBox(
                _LAST_QUERY.get(self.home, ""),
                placeholder='find any text: words, "a phrase", prefix*, AND OR NOT',
                id="find-box",
            )
            yield Static(Content(HELP), id="find-message")
            yield FindResults(id="find-results", markup=False)
        yield Footer(show_command_palette=False)

    @property
    def box(self) -> FindBox:
        return self.query_one(FindBox)

    @property
    def results(self) -> FindResults:
        return self.query_one(FindResults)

    def on_mount(self) -> None:
        if self.box.value:
            self._find(self._generation, self.box.value)

    # -- finding ---------------------------------------------------------------------------------

    @on(Input.Changed, "#find-box")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._generation += 1
        _LAST_QUERY[self.home] = event.value
        if not event.value.strip():
            self._show(self._generation, [], Content(HELP), error=False)
            self.hits = []
            return
        self._find(self._generation, event.value)

    @work(thread=True, exclusive=True, group="find", exit_on_error=False)
    def _find(self, generation: int, query: str) -> None:
        try:
            found = self.search(query, LIMIT)
        except FindError as exc:
            self.post_message(self.Done(generation, None, [], str(exc)))
            return
        except Exception as exc:  # the promise is no traceback, whatever the cache does
            self.post_message(self.Done(generation, None, [], f"find failed: {type(exc).__name__}: {exc}"))
            return
        options = [Option(hit_row(hit, library=self.library), id=str(n)) for n, hit in enumerate(found.hits)]
        self.post_message(self.Done(generation, found, options, None))

    @on(Done)
    def _done(self, message: Done) -> None:
        if message.generation != self._generation:
            return  # typing has gone on since
        if message.error is not None:
            # The hits of the last query that could be read stay, under the message.
            self._show(message.generation, None, plain(message.error), error=True)
            return
        assert message.found is not None
        self.hits = message.found.hits
        self._show(message.generation, message.options, Content(count_text(message.found)), error=False)
        if self._to_hits:
            self.action_to_hits()

    def _show(self, generation: int, options: list[Option] | None, text: Content, *, error: bool) -> None:
        self._shown = generation
        message = self.query_one("#find-message", Static)
        message.update(text)
        message.set_class(error, "-error")
        if options is not None:
            results = self.results
            results.set_options(options)
            if options:
                results.highlighted = 0

    def action_to_hits(self) -> None:
        if self._shown != self._generation:
            self._to_hits = True  # once the hits of what is typed are in
            return
        self._to_hits = False
        if self.results.option_count:
            focus_now(self.results)

    @on(OptionList.OptionSelected, "#find-results")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        number = int(event.option.id or -1)
        if 0 <= number < len(self.hits):
            self.open_hit(self.hits[number])  # which closes this screen

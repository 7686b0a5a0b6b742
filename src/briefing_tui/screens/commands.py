"""The command palette: jump to any item of the open briefing; copy or export it; open any briefing
of the library.

The providers list one line per item, "Label: text", matched and shown as plain text (never markup).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from briefing_tui import items
from briefing_tui.format.model import Participant
from briefing_tui.items import Ref
from briefing_tui.screens.exporting import ExportDialog, copy_as
from briefing_tui.screens.library import LibraryScreen, relative_name
from briefing_tui.screens.main import MainScreen
from briefing_tui.search import FieldKey
from briefing_tui.search import Hit as SearchHit
from briefing_tui.widgets.text import DIM, highlighted

#: Palette lines are one line: longer texts are cut here (matching sees the same text).
MAX_CHARS = 100
#: Discovery (the palette opened with nothing typed) lists at most this many items.
MAX_DISCOVERED = 60
#: People offered for one query, best first.
MAX_PEOPLE = 30
MATCH_STYLE = "bold underline $text-accent"


def one_line(text: str) -> str:
    """`text` on one line, cut to `MAX_CHARS`."""
    text = " ".join(text.split())
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1] + "…"


def prompt(label: str, text: Content) -> Content:
    return Content.assemble(Content.styled(f"{label}: ", DIM), text)


def fuzzy_match(matcher: Matcher, text: str, *, prefix: str = "") -> tuple[float, list[tuple[int, int]]]:
    """How well `prefix + text` matches the query, and the spans of `text` it matched."""
    candidate = prefix + text
    # Not matcher.highlight(): it would read the text as markup.
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    start = len(prefix)
    spans = [(o - start, o - start + 1) for o in offsets if o >= start and not candidate[o].isspace()]
    return score, spans


# -- the open briefing --------------------------------------------------------------------------


def open_main_screen(app: App[Any]) -> MainScreen | None:
    """The screen of the open briefing, under any dialogs; None in the library or on an error."""
    for screen in reversed(app.screen_stack):
        if isinstance(screen, MainScreen):
            return screen
    return None


def _candidate(screen: MainScreen, ref: Ref) -> str:
    return one_line(items.palette_text(screen.briefing, ref))


def _person_spans(person: Participant, hit: SearchHit) -> list[tuple[int, int]]:
    """The hit's name and role spans, placed in the "name, role" candidate text."""
    name, role = hit.spans.get(FieldKey("name"), ()), hit.spans.get(FieldKey("role"), ())
    spans = list(name) if person.name else list(role)
    if person.name and person.role:
        shift = len(person.name) + 2
        spans += [(start + shift, end + shift) for start, end in role]
    return spans


class BriefingCommands(Provider):
    """Every item of the open briefing, by name; choosing one moves the cursor to it."""

    def _main_screen(self) -> MainScreen | None:
        return open_main_screen(self.app)

    def _refs(self, screen: MainScreen) -> Iterator[Ref]:
        for kind in items.ITEM_KINDS.values():
            if kind.attribute is not None:  # not the briefing itself
                yield from items.refs(screen.briefing, kind)

    def _hit(self, score: float, screen: MainScreen, ref: Ref, spans: list[tuple[int, int]]) -> Hit:
        text = _candidate(screen, ref)
        label = items.kind_of(ref).noun
        shown = highlighted(text, spans, match=MATCH_STYLE)
        return Hit(score, prompt(label, shown), partial(screen.jump_to, ref), text=f"{label}: {text}")

    async def discover(self) -> Hits:
        screen = self._main_screen()
        if screen is None:
            return
        for count, ref in enumerate(self._refs(screen)):
            if count >= MAX_DISCOVERED:
                break
            text = _candidate(screen, ref)
            label = items.kind_of(ref).noun
            yield DiscoveryHit(
                prompt(label, highlighted(text)), partial(screen.jump_to, ref), text=f"{label}: {text}"
            )

    async def search(self, query: str) -> Hits:
        screen = self._main_screen()
        if screen is None:
            return
        index = screen.participants.searchable.index
        people = {hit.position: hit for hit in index.search(query, limit=MAX_PEOPLE)} if index else None
        matcher = self.matcher(query)
        for ref in self._refs(screen):
            if ref.kind == "participant" and people is not None:
                # People are found as in the participants pane: under any spelling.
                hit = people.get(ref.index)
                if hit is not None:
                    length = len(_candidate(screen, ref))
                    spans = [(a, b) for a, b in _person_spans(hit.participant, hit) if b <= length]
                    # Above Textual's 0..1 fuzzy scores for other items: a person found is what was asked for.
                    yield self._hit(min(1.0, 0.6 + 0.3 * hit.score), screen, ref, spans)
                continue
            score, spans = fuzzy_match(matcher, _candidate(screen, ref))
            if score > 0:
                yield self._hit(score, screen, ref, spans)


class BriefingActions(Provider):
    """The open briefing out of the browser: copied as Markdown or JSON, or exported to a file."""

    def _actions(self) -> Iterator[tuple[str, str, Callable[[], None]]]:
        screen = open_main_screen(self.app)
        if screen is None:
            return
        app, briefing = self.app, screen.briefing

        def export() -> None:
            app.push_screen(ExportDialog(briefing))

        yield "Copy as Markdown", "The briefing as a Markdown document", partial(copy_as, app, briefing, "md")
        yield "Copy as JSON", "The briefing as JSON", partial(copy_as, app, briefing, "json")
        yield "Export…", "Write the briefing to a file: Markdown, JSON, CSV, Popolo", export

    async def discover(self) -> Hits:
        for name, help_text, action in self._actions():
            yield DiscoveryHit(Content(name), action, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in self._actions():
            score, spans = fuzzy_match(matcher, name)
            if score > 0:
                shown = highlighted(name, spans, match=MATCH_STYLE)
                yield Hit(score, shown, action, text=name, help=help_text)


# -- the library --------------------------------------------------------------------------------

OPEN_BRIEFING = "Open briefing"
VIEW = "View"


class LibraryCommands(Provider):
    """In a library, from any screen: "View: NAME" for each named view of the config (it fills the
    filter box), and "Open briefing: HEADLINE" for each file listed."""

    def _candidates(self) -> Iterator[tuple[str, str, Callable[[], None]]]:
        screen = next((s for s in self.app.screen_stack if isinstance(s, LibraryScreen)), None)
        if screen is None:
            return
        config = getattr(self.app, "config", None)
        views: dict[str, str] = getattr(config, "views", {})
        for name, expression in views.items():
            yield VIEW, one_line(name), partial(screen.apply_filter, expression)
        for row, entry in enumerate(screen.entries):
            if entry.summary is None:
                text = f"{relative_name(entry, screen.library.root)} (not loaded)"
            else:
                text = entry.summary.headline
            yield OPEN_BRIEFING, one_line(text), partial(screen.open_entry, row)

    async def discover(self) -> Hits:
        for count, (label, text, run) in enumerate(self._candidates()):
            if count >= MAX_DISCOVERED:
                break
            yield DiscoveryHit(prompt(label, highlighted(text)), run, text=f"{label}: {text}")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, text, run in self._candidates():
            # Matched with its label: "open briefing" finds them all, "view" every view.
            score, spans = fuzzy_match(matcher, text, prefix=f"{label}: ")
            if score > 0:
                shown = highlighted(text, spans, match=MATCH_STYLE)
                yield Hit(score, prompt(label, shown), run, text=f"{label}: {text}")

"""Command palette: jump to any participant, agreement, key point or event by name."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from briefing_tui import items
from briefing_tui.format.model import Participant
from briefing_tui.items import Ref
from briefing_tui.screens.main import MainScreen
from briefing_tui.search import FieldKey
from briefing_tui.search import Hit as SearchHit
from briefing_tui.widgets.participants import ParticipantsPane
from briefing_tui.widgets.text import DIM, highlighted

#: Palette lines are one line: long key points are cut here (matching sees the same text).
MAX_CHARS = 100
#: Discovery (the palette opened with nothing typed) lists at most this many items.
MAX_DISCOVERED = 60
#: People offered for one query, best first.
MAX_PEOPLE = 30

_KIND_ORDER = ("participant", "agreement", "event", "key_point")


def _candidate(screen: MainScreen, ref: Ref) -> str:
    text = items.title(screen.briefing, ref)
    if ref.kind == "participant":
        person = screen.briefing.participants[ref.index]
        if person.name and person.role:
            text = f"{person.name}, {person.role}"
    text = " ".join(text.split())
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1] + "…"


def _prompt(ref: Ref, text: Content) -> Content:
    return Content.assemble(Content.styled(f"{items.KIND_NAMES[ref.kind]}: ", DIM), text)


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
        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, MainScreen):
                return screen
        return None

    def _refs(self, screen: MainScreen) -> Iterator[Ref]:
        briefing = screen.briefing
        counts = {
            "participant": len(briefing.participants),
            "agreement": len(briefing.agreements),
            "event": len(briefing.events),
            "key_point": len(briefing.key_points),
        }
        for kind in _KIND_ORDER:
            for index in range(counts[kind]):
                yield Ref(kind, index)  # type: ignore[arg-type]

    def _person(self, screen: MainScreen, ref: Ref, hit: SearchHit) -> Hit:
        text = _candidate(screen, ref)
        spans = [(a, b) for a, b in _person_spans(hit.participant, hit) if b <= len(text)]
        return Hit(
            # Above Textual's 0..1 fuzzy scores for other items: a person found is what was asked for.
            min(1.0, 0.6 + 0.3 * hit.score),
            _prompt(ref, highlighted(text, spans, match="bold underline $text-accent")),
            partial(screen.jump_to, ref),
            text=f"{items.KIND_NAMES[ref.kind]}: {text}",
        )

    async def discover(self) -> Hits:
        screen = self._main_screen()
        if screen is None:
            return
        for count, ref in enumerate(self._refs(screen)):
            if count >= MAX_DISCOVERED:
                break
            text = _candidate(screen, ref)
            yield DiscoveryHit(
                _prompt(ref, highlighted(text)),
                partial(screen.jump_to, ref),
                text=f"{items.KIND_NAMES[ref.kind]}: {text}",
            )

    async def search(self, query: str) -> Hits:
        screen = self._main_screen()
        if screen is None:
            return
        index = screen.query_one(ParticipantsPane).index
        people = {hit.position: hit for hit in index.search(query, limit=MAX_PEOPLE)} if index else None
        matcher: Matcher = self.matcher(query)
        for ref in self._refs(screen):
            if ref.kind == "participant" and people is not None:
                # People are found as in the participants pane: under any spelling.
                hit = people.get(ref.index)
                if hit is not None:
                    yield self._person(screen, ref, hit)
                continue
            text = _candidate(screen, ref)
            # Not matcher.highlight(): it would read the text as markup.
            score, offsets = matcher.fuzzy_search.match(matcher.query, text)
            if score > 0:
                spans = [(offset, offset + 1) for offset in offsets if not text[offset].isspace()]
                yield Hit(
                    score,
                    _prompt(ref, highlighted(text, spans, match="bold underline $text-accent")),
                    partial(screen.jump_to, ref),
                    text=f"{items.KIND_NAMES[ref.kind]}: {text}",
                )

"""A person's dossier: every appearance across the library, newest first, as they were then.

Each appearance shows the briefing, the role and organisation they had, their side, the events they
attended and the evidence quoted for them. Enter opens that briefing with them selected; Escape
goes back to the people, `b` to the briefings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.widgets.option_list import Option

from briefing_tui import keys
from briefing_tui.items import format_date
from briefing_tui.screens.library_open import open_entry
from briefing_tui.screens.library_rows import DATE_WIDTH, count, span
from briefing_tui.screens.navigation import return_to
from briefing_tui.widgets.lists import ItemList
from briefing_tui.widgets.text import DIM, Hanging, plain

if TYPE_CHECKING:
    from briefing_tui.library import Library
    from briefing_tui.persons import Appearance, Person


def appearance_row(appearance: Appearance, library: Library, name: str) -> Hanging:
    """The briefing; the role, organisation and side then (and the name, if not `name`); events
    attended; evidence quotes."""
    summary = appearance.entry.summary
    headline = summary.headline if summary is not None else library.relative_name(appearance.entry)
    lines = [plain(headline, "bold")]
    as_then = ", ".join(text for text in (appearance.role, appearance.organization) if text)
    if appearance.side:
        as_then += f" · {appearance.side}" if as_then else appearance.side
    if appearance.name and appearance.name != name:
        as_then = f"as {appearance.name}" + (f": {as_then}" if as_then else "")
    if as_then:
        lines.append(plain(as_then))
    if appearance.present_at:
        events = ", ".join(appearance.present_at)
        lines.append(Content.assemble(Content.styled("at ", DIM), plain(events, DIM)))
    lines += [plain(f"“{quote}”", "italic") for quote in appearance.evidence]
    body = Content("\n").join(lines)
    return Hanging(Content(format_date(appearance.date).ljust(DATE_WIDTH)), body)


def person_heading(person: Person) -> Content:
    """Every name they appear under, their sides, their id."""
    parts: list[Content | str] = [plain(person.name, "bold")]
    others = [name for name in person.names if name != person.name]
    if others:
        parts += [Content.styled("  also ", DIM), plain(", ".join(others), "italic")]
    facts = [text for text in (person.role, person.organization) if text]
    if person.sides:
        facts.append("side: " + ", ".join(person.sides))
    if person.wikidata:
        facts.append(f"wikidata: {person.wikidata}")
    if facts:
        parts += ["\n", plain(" · ".join(facts), DIM)]
    return Content.assemble(*parts)


class AppearanceList(ItemList, inherit_bindings=False):
    """A person's appearances: Enter opens the briefing with them selected."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys.LIST_MOVES, keys.DOSSIER_OPEN.bind("select")]


class DossierScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        keys.PEOPLE_BACK.bind("back"),
        keys.bind("briefings", "briefings"),
    ]

    AUTO_FOCUS = "#appearances"

    def __init__(self, person: Person, library: Library, *, home: Screen[Any] | None = None) -> None:
        """`home`: the screen `b` goes back to (the briefings)."""
        super().__init__()
        self.person = person
        self.library = library
        self.home = home

    def compose(self) -> ComposeResult:
        person = self.person
        with Vertical(id="dossier-pane", classes="pane -active") as pane:
            pane.border_title = Content.assemble(
                plain(person.name, "bold"),
                Content(f" · {count(person.briefings, 'briefing')} · {span(person.first, person.last)}"),
            )
            pane.border_subtitle = "newest first"
            yield Static(person_heading(person), id="dossier-head")
            options = [
                Option(appearance_row(appearance, self.library, person.name), id=f"appearance:{number}")
                for number, appearance in enumerate(person.appearances)
            ]
            yield AppearanceList(options, id="appearances")
        yield Footer(show_command_palette=False)

    @property
    def item_list(self) -> ItemList:
        return self.query_one("#appearances", ItemList)

    def action_back(self) -> None:
        if self.app.screen is self:
            self.app.pop_screen()

    def action_briefings(self) -> None:
        if self.home is not None and self.home in self.app.screen_stack:
            return_to(self.home)
        elif self.app.screen is self:
            self.app.pop_screen()

    @on(ItemList.OptionSelected, "#appearances")
    def _option_selected(self, event: ItemList.OptionSelected) -> None:
        event.stop()
        kind, _, number = (event.option.id or "").partition(":")
        if kind == "appearance" and number.isdigit():
            appearance = self.person.appearances[int(number)]
            open_entry(self.app, appearance.entry, participant=appearance.position)

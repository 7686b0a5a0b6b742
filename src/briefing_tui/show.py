"""`briefing-tui show PATH`: a whole briefing printed without the browser.

Rendered with rich, so it wraps to the terminal's width and is styled on a terminal, plain when
piped (rich decides, and honours `NO_COLOR`). User text only ever reaches rich as `Text` built from
plain strings made safe by `safe_text`: never markup, never a control code. A folder prints every
briefing, newest first, with a rule between them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from rich.console import Console
from rich.text import Text

from briefing_tui.export.common import by_side, figure_text
from briefing_tui.items import format_date
from briefing_tui.safe_text import block, line

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing, Participant

ColorChoice = Literal["auto", "always", "never"]

DIM = "dim"
HEADING = "bold underline"
SIDE_STYLES = ("cyan", "blue", "green", "yellow", "magenta", "red")


def make_console(color: ColorChoice = "auto") -> Console:
    """The console for stdout: `auto` lets rich detect a terminal and `NO_COLOR`; `always` styles
    even a pipe; `never` writes plain text even to a terminal."""
    if color == "always":
        return Console(highlight=False, force_terminal=True, no_color=False)
    if color == "never":
        return Console(highlight=False, color_system=None)
    return Console(highlight=False)


def plain(text: str, style: str = "") -> Text:
    """One line of user text, styled as a whole."""
    return Text(line(text), style=style)


def paragraph(text: str, style: str = "") -> Text:
    """User text that may span lines, styled as a whole."""
    return Text(block(text), style=style)


def _label(label: str, value: Text) -> Text:
    return Text.assemble((label, DIM), value)


class Page:
    """Lines wrapped to the console's width, with hanging indents and no trailing spaces.

    Built by hand rather than with rich's tables and padding, which pad every line to the full
    width: piped into a log or a diff, those spaces are noise."""

    def __init__(self, width: int) -> None:
        self.width = max(width, 20)
        self.lines: list[Text] = []
        self._console = Console(width=self.width)

    def add(self, text: Text, indent: int = 0, marker: str = "", marker_style: str = DIM) -> None:
        """`text` wrapped below `indent` columns, its first line led by `marker`."""
        hang = indent + len(marker)
        wrapped = text.wrap(self._console, self.width - hang, overflow="fold")
        for number, piece in enumerate(wrapped):
            piece.rstrip()
            if not piece.plain:  # a blank line inside a paragraph: no indent to trail
                self.lines.append(piece)
                continue
            lead = Text(" " * indent)
            if marker:
                lead.append(marker if number == 0 else " " * len(marker), marker_style)
            self.lines.append(Text.assemble(lead, piece))

    def blank(self) -> None:
        self.lines.append(Text())

    def heading(self, title: str, count: int | None = None) -> None:
        self.blank()
        self.add(Text(f"{title} ({count})" if count is not None else title, style=HEADING))


def _headline(page: Page, briefing: Briefing) -> None:
    page.add(plain(briefing.headline, "bold"))
    if briefing.subheadline:
        page.add(paragraph(briefing.subheadline, "italic"))
    facts = [Text(format_date(briefing.date))]
    if briefing.location:
        facts.append(plain(briefing.location))
    outlet = briefing.source.outlet if briefing.source else None
    if outlet:
        facts.append(_label("Source: ", plain(outlet)))
    page.add(Text(" · ", style=DIM).join(facts))
    url = briefing.source.url if briefing.source else None
    if url:
        page.add(_label("URL: ", plain(url)))
    if briefing.topics:
        page.add(_label("Topics: ", Text(" · ", style=DIM).join(plain(t) for t in briefing.topics)))


def _participant(page: Page, person: Participant, style: str) -> None:
    row = Text()
    if person.name is not None:
        row.append_text(plain(person.name, "bold"))
        if person.role is not None:
            row.append("  ")
            row.append_text(plain(person.role))
    else:
        row.append_text(plain(person.role or "", "bold italic"))
    if person.organization:
        row.append(" · ", DIM)
        row.append_text(plain(person.organization))
    page.add(row, 4, "▌ ", style)
    if person.aliases:
        page.add(_label("also: ", plain(", ".join(person.aliases), "italic")), 6)
    if person.present_at:
        page.add(_label("at: ", plain(", ".join(person.present_at))), 6)
    if person.notes:
        page.add(_label("notes: ", paragraph(person.notes)), 6)


def add_briefing(page: Page, briefing: Briefing) -> None:
    """Everything `show` prints for one briefing, top to bottom."""
    _headline(page, briefing)
    if briefing.summary:
        page.heading("Summary")
        page.add(paragraph(briefing.summary.rstrip("\n")), 2)
    page.heading("Key points", len(briefing.key_points))
    for point in briefing.key_points:
        page.add(paragraph(point.text), 2, "• ")
    if briefing.agreements:
        page.heading("Agreements", len(briefing.agreements))
        for agreement in briefing.agreements:
            page.add(plain(agreement.title, "bold"), 2, "• ")
            parties = ", ".join(agreement.parties) if agreement.parties else None
            facts = [t for t in (agreement.kind, agreement.status, parties, agreement.period) if t]
            if facts:
                page.add(plain(" · ".join(facts), DIM), 4)
            if agreement.summary:
                page.add(paragraph(agreement.summary), 4)
    if briefing.events:
        page.heading("Events", len(briefing.events))
        for event in briefing.events:
            page.add(plain(event.name, "bold"), 2, "• ")
            if event.summary:
                page.add(paragraph(event.summary), 4)
            attendees = [person.label for person in briefing.attendees(event.name)]
            if attendees:
                page.add(_label("Attended by: ", plain(", ".join(attendees))), 4)
            else:
                page.add(Text("No attendees listed", style=DIM), 4)
    if briefing.figures:
        page.heading("Figures", len(briefing.figures))
        for figure in briefing.figures:
            page.add(plain(figure_text(figure)), 2, "• ")
    page.heading("Participants", len(briefing.participants))
    for number, (side, people) in enumerate(by_side(briefing.participants)):
        style = SIDE_STYLES[number % len(SIDE_STYLES)] if side is not None else DIM
        if side is not None:
            page.add(plain(side, f"bold {style}"), 2)
        else:
            page.add(Text("No side given", style="bold"), 2)
        for person in people:
            _participant(page, person, style)


def render(console: Console, briefings: Sequence[Briefing]) -> None:
    """Print `briefings` one after another, newest first as given, a rule between them."""
    page = Page(console.width)
    for number, briefing in enumerate(briefings):
        if number:
            page.blank()
            page.add(Text("─" * page.width, style=DIM))
            page.blank()
        add_briefing(page, briefing)
    for text in page.lines:
        console.print(text, no_wrap=True, overflow="ignore", crop=False)


def run(path: Path, color: ColorChoice = "auto") -> int:
    """`briefing-tui show`: 0 when every briefing was shown, 1 (and the problems) if any failed."""
    from briefing_tui.export.common import load_path

    loaded = load_path(Path(path))
    if loaded.problems:
        for problem in loaded.problems:
            print(problem, file=sys.stderr)
        return 1
    render(make_console(color), loaded.briefings)
    return 0

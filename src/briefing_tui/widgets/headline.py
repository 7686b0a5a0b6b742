"""Pane 1: headline, subheadline, date, place, outlet and topics at a glance."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.widgets import Static

from briefing_tui import keys
from briefing_tui.items import format_date
from briefing_tui.widgets.lists import Pane, ScrollBox
from briefing_tui.widgets.text import DIM, plain

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing


def headline_content(briefing: Briefing) -> Content:
    lines: list[Content] = [plain(briefing.headline, "bold")]
    if briefing.subheadline:
        lines.append(plain(briefing.subheadline, "italic"))
    facts = [Content(format_date(briefing.date))]
    if briefing.location:
        facts.append(plain(briefing.location))
    outlet = briefing.source.outlet if briefing.source else None
    if outlet:
        facts.append(Content.assemble(Content.styled("Source: ", DIM), plain(outlet)))
    lines.append(Content.styled(" · ", DIM).join(facts))
    if briefing.topics:
        topics = Content.styled(" · ", DIM).join(plain(topic) for topic in briefing.topics)
        lines.append(Content.assemble(Content.styled("Topics: ", DIM), topics))
    return Content("\n").join(lines)


class HeadlineBody(ScrollBox):
    """The scrolling body of the headline pane; Enter opens the whole briefing's details."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.bind("details", "screen.open('briefing:0')")]


class HeadlinePane(Pane):
    def __init__(self, briefing: Briefing) -> None:
        super().__init__(1, "Headline", id="headline-pane")
        self.briefing = briefing

    def compose(self) -> ComposeResult:
        with HeadlineBody(id="headline"):
            yield Static(headline_content(self.briefing), id="headline-text")

"""User text as display content: never parsed as markup, never a terminal control code.

Everything a briefing says is data. It reaches the screen only through `Content` objects built
from plain strings (never `Content.from_markup`), after `line`/`block` have replaced characters a
terminal would act on. Both replacements are one character for one, so the match spans the
search engine reports (offsets into the original text) stay valid.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.content import Content, Span
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from briefing_tui.search import FieldKey

if TYPE_CHECKING:
    from briefing_tui.format.model import Agreement, Briefing, Event, KeyPoint, Participant
    from briefing_tui.items import Ref


def _table(*, one_line: bool) -> dict[int, str]:
    table = {code: chr(0x2400 + code) for code in range(0x20)}  # control pictures: ␛ for ESC
    table[0x7F] = "\u2421"
    table.update({code: "\ufffd" for code in range(0x80, 0xA0)})
    # Bidi embeddings/overrides/isolates would reorder the rest of the terminal line.
    table.update({code: "\ufffd" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
    table[0x09] = " "
    table[0x0A] = " " if one_line else "\n"
    return table


_ONE_LINE = _table(one_line=True)
_BLOCK = _table(one_line=False)

MATCH_STYLE = "reverse bold"
DIM = "$foreground-muted"  # "$text-muted" is "auto 60%", which resolves to white inside list rows
SIDE_STYLES = ("$accent", "$primary", "$success", "$warning", "$secondary", "$error")
NO_SIDE_STYLE = DIM


def line(text: str) -> str:
    """`text` safe to show on one line; same length as `text`."""
    return text.translate(_ONE_LINE)


def block(text: str) -> str:
    """`text` safe to show over several lines; same length as `text`."""
    return text.translate(_BLOCK)


def plain(text: str, style: str = "") -> Content:
    """One line of user text as Content, optionally styled as a whole."""
    content = Content(line(text), strip_control_codes=False)
    return content.stylize(style) if style else content


def paragraph(text: str, style: str = "") -> Content:
    """User text that may span lines, as Content."""
    content = Content(block(text), strip_control_codes=False)
    return content.stylize(style) if style else content


def highlighted(
    text: str, spans: Iterable[tuple[int, int]] = (), style: str = "", match: str = MATCH_STYLE
) -> Content:
    """One line of user text with the character spans `spans` (start, end) in the match style."""
    content = plain(text, style)
    for start, end in spans:
        content = content.stylize(match, start, end)
    return content


def side_styles(participants: Iterable[Participant]) -> dict[str | None, str]:
    """A colour for each side, in order of first appearance; the same side, the same colour."""
    styles: dict[str | None, str] = {None: NO_SIDE_STYLE}
    for person in participants:
        if person.side is not None and person.side not in styles:
            styles[person.side] = SIDE_STYLES[(len(styles) - 1) % len(SIDE_STYLES)]
    return styles


Spans = Mapping[FieldKey, Sequence[tuple[int, int]]]
# Built once: a row is built for every participant of a briefing.
_NAME, _ROLE, _ORGANIZATION, _SIDE, _NOTES = map(FieldKey, ("name", "role", "organization", "side", "notes"))
_AROUND = 24  # characters of a note shown before its first match


def _cells(text: str) -> int:
    """The cells `text` takes: its length if ASCII (control characters are replaced before text
    gets here), else as rich counts them (slower: character by character)."""
    return len(text) if text.isascii() else cell_len(text)


class Hanging(Visual):
    """A list row whose wrapped lines start under the text, not under the bullet before it."""

    def __init__(self, prefix: Content, body: Content, indent: int | None = None) -> None:
        self.prefix = prefix
        self.body = body
        self.indent = prefix.cell_length if indent is None else indent
        self._wrapped: tuple[int, Content, int] | None = None

    @property
    def plain(self) -> str:
        return self.prefix.plain + self.body.plain

    def __str__(self) -> str:
        return self.plain

    def _fits(self, width: int) -> bool:
        text = self.body.plain
        return "\n" not in text and self.prefix.cell_length + _cells(text) <= width

    def _wrap(self, width: int) -> tuple[Content, int]:
        if self._wrapped is None or self._wrapped[0] != width:
            if self._fits(width):  # most rows: one line, nothing to wrap
                self._wrapped = (width, self.prefix + self.body, 1)
                return self._wrapped[1], 1
            margin = Content(" " * self.indent)
            inner = max(1, width - max(self.indent, self.prefix.cell_length))
            lines = [
                (self.prefix if number == 0 else margin) + line
                for number, line in enumerate(self.body.wrap(inner))
            ] or [self.prefix]
            self._wrapped = (width, Content("\n").join(lines), len(lines))
        return self._wrapped[1], self._wrapped[2]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self._wrap(width)[0].render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.prefix.cell_length + self.body.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        # Asked for every row of a list whenever it changes: answer the common cases cheaply
        # (one line; lines that each fit, as an event's name and count do), wrap only the rest.
        if self._fits(width):
            return 1
        inner = max(1, width - max(self.indent, self.prefix.cell_length))
        lines = self.body.plain.split("\n")
        if len(lines) > 1 and all(_cells(text) <= inner for text in lines):
            return len(lines)
        return self._wrap(width)[1]


class OneLine(Hanging):
    """A list row one line high at any width: what does not fit ends in an ellipsis (the details
    show it all). A list of these is laid out without measuring a row (`widgets.virtual_list`)."""

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        content = self.prefix + self.body
        if content.cell_length > width:
            content = content.truncate(width, ellipsis=True)
        return content.render_strips(width, 1, style, options)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1


class _Line:
    """One line of user text built piece by piece, styles as spans: cheap enough for 10k rows."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.spans: list[Span] = []
        self.length = 0

    def add(self, text: str, style: str = "", matches: Sequence[tuple[int, int]] = ()) -> None:
        text = line(text)
        start, end = self.length, self.length + len(text)
        if style:
            self.spans.append(Span(start, end, style))
        for match_start, match_end in matches:
            if 0 <= match_start < match_end <= len(text):
                self.spans.append(Span(start + match_start, start + match_end, MATCH_STYLE))
        self.pieces.append(text)
        self.length = end

    def content(self) -> Content:
        return Content("".join(self.pieces), self.spans, strip_control_codes=False)


def participant_row(person: Participant, side_style: str, spans: Spans | None = None) -> OneLine:
    """A participant: a side marker, name (or role), role and side, with matches marked."""
    spans = spans or {}
    row = _Line()
    if person.name is not None:
        row.add(person.name, "bold", spans.get(_NAME, ()))
        if person.role is not None:
            row.add("  ")
            row.add(person.role, "", spans.get(_ROLE, ()))
    else:
        # An unnamed official: the role is all there is to call them by.
        row.add(person.role or "", "bold italic", spans.get(_ROLE, ()))
    if person.side is not None:
        row.add(" · ", DIM)
        row.add(person.side, side_style, spans.get(_SIDE, ()))
    # Fields not normally shown appear only when the query matched them, so a hit explains itself.
    if person.organization is not None and (found := spans.get(_ORGANIZATION)):
        row.add(" · ", DIM)
        row.add(person.organization, DIM, found)
    for index, alias in enumerate(person.aliases):
        if found := spans.get(FieldKey("aliases", index)):
            row.add(" aka ", DIM)
            row.add(alias, "italic", found)
    for index, event in enumerate(person.present_at):
        if found := spans.get(FieldKey("present_at", index)):
            row.add(" at ", DIM)
            row.add(event, DIM, found)
    if person.notes is not None and (found := spans.get(_NOTES)):
        # A note is long: from a little before its first match, the rest cut by the row's width.
        start = max(0, found[0][0] - _AROUND)
        start = person.notes.rfind(" ", 0, start) + 1 if start else 0
        row.add(" · note: ", DIM)
        row.add("…" if start else "", DIM)
        row.add(person.notes[start:], DIM, [(a - start, b - start) for a, b in found if a >= start])
    return OneLine(_marker(side_style), row.content())


_MARKERS: dict[str, Content] = {}


def _marker(style: str) -> Content:
    if (marker := _MARKERS.get(style)) is None:
        marker = _MARKERS[style] = Content.assemble(Content.styled("▌", style), " ")
    return marker


def key_point_row(point: KeyPoint) -> Hanging:
    return Hanging(Content.styled("• ", DIM), plain(point.text))


def agreement_row(agreement: Agreement) -> Hanging:
    """Title, then kind · status · parties · period on a second line."""
    facts = [
        text
        for text in (
            agreement.kind,
            agreement.status,
            ", ".join(agreement.parties) if agreement.parties else None,
            agreement.period,
        )
        if text
    ]
    title = plain(agreement.title, "bold")
    if facts:
        title = Content.assemble(title, "\n", plain(" · ".join(facts), DIM))
    return Hanging(Content(""), title, indent=2)


def event_row(event: Event, attendees: int) -> Hanging:
    count = f"{attendees} attendee{'s' * (attendees != 1)}" if attendees else "no attendees listed"
    body = Content.assemble(plain(event.name, "bold"), "\n", Content.styled(count, DIM))
    return Hanging(Content(""), body, indent=2)


def heading_row(text: str) -> Content:
    return Content.styled(text, "bold $text-accent")


#: The attendee count of each event of the briefing last asked about (its id, it, the counts):
#: counted in one pass over the participants, not one per event (2,955 events of 100,000 people
#: took minutes).
_ATTENDEES: list[tuple[int, Briefing, Counter[str]]] = []


def attendee_counts(briefing: Briefing) -> Counter[str]:
    """How many participants are present at each event (by name), counted once per briefing."""
    if _ATTENDEES and _ATTENDEES[0][0] == id(briefing) and _ATTENDEES[0][1] is briefing:
        return _ATTENDEES[0][2]
    counts = Counter(name for person in briefing.participants for name in set(person.present_at))
    _ATTENDEES[:] = [(id(briefing), briefing, counts)]
    return counts


def _event_row(briefing: Briefing, index: int, _: Mapping[str | None, str]) -> Hanging:
    event = briefing.events[index]
    return event_row(event, attendee_counts(briefing)[event.name])


def _participant_row(briefing: Briefing, index: int, side_colours: Mapping[str | None, str]) -> OneLine:
    person = briefing.participants[index]
    return participant_row(person, side_colours[person.side])


#: The list row of each kind of item (the briefing itself has none: it is the headline pane).
ROWS: dict[str, Callable[[Briefing, int, Mapping[str | None, str]], Hanging]] = {
    "key_point": lambda briefing, index, _: key_point_row(briefing.key_points[index]),
    "agreement": lambda briefing, index, _: agreement_row(briefing.agreements[index]),
    "event": _event_row,
    "participant": _participant_row,
}


def item_row(briefing: Briefing, ref: Ref, side_colours: Mapping[str | None, str]) -> Hanging:
    """The list row of an item; `side_colours`: the `side_styles` of the briefing's participants."""
    return ROWS[ref.kind](briefing, ref.index, side_colours)

"""The things a briefing lists, addressed uniformly: what to call them, their fields, their links.

A `Ref` names one item (a key point, agreement, event, participant, or the briefing itself) by kind
and position. `ITEM_KINDS` is the one table of the kinds: where a briefing keeps them, what they are
called, their fields, where the main screen lists them. Lists, the details dialog, the command
palette and copying all go through it, so they agree on what an item is; a new section of the
format is a row here (and its list row in widgets/text.py). Never imports textual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing

Kind = Literal["briefing", "key_point", "agreement", "event", "participant"]

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(date: dt.date) -> str:
    """A date as "Wed 4 Feb 2026", the same in every locale."""
    return f"{_DAYS[date.weekday()]} {date.day} {_MONTHS[date.month - 1]} {date.year}"


#: A field's value: text, a list of texts, or nothing (shown as a dash).
Value = str | tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class Ref:
    kind: Kind
    index: int

    @property
    def option_id(self) -> str:
        return f"{self.kind}:{self.index}"

    @classmethod
    def from_option_id(cls, option_id: str | None) -> Ref | None:
        if not option_id or ":" not in option_id:
            return None
        kind, _, index = option_id.partition(":")
        if kind not in ITEM_KINDS or not index.isdigit():
            return None
        return cls(ITEM_KINDS[kind].kind, int(index))


# -- what each kind shows --------------------------------------------------------------------


def _figure(label: str, value: object, unit: str | None) -> str:
    shown = "" if value is None else str(value)
    if unit:
        shown = f"{shown} {unit}".strip()
    return f"{label}: {shown}" if shown else label


def _briefing_fields(briefing: Briefing, _: int) -> list[tuple[str, Value]]:
    source = briefing.source
    return [
        ("Headline", briefing.headline),
        ("Subheadline", briefing.subheadline),
        ("Date", format_date(briefing.date)),
        ("Published", format_date(briefing.published) if briefing.published else None),
        ("Location", briefing.location),
        ("Outlet", source.outlet if source else None),
        ("URL", source.url if source else None),
        ("Source file", source.file if source else None),
        ("Topics", briefing.topics or None),
        ("Summary", briefing.summary),
        ("Figures", tuple(_figure(f.label, f.value, f.unit) for f in briefing.figures) or None),
        ("Id", briefing.id),
        ("File", briefing.path),
    ]


def _key_point_fields(briefing: Briefing, index: int) -> list[tuple[str, Value]]:
    return [("Text", briefing.key_points[index].text)]


def _agreement_fields(briefing: Briefing, index: int) -> list[tuple[str, Value]]:
    agreement = briefing.agreements[index]
    return [
        ("Title", agreement.title),
        ("Kind", agreement.kind),
        ("Status", agreement.status),
        ("Parties", agreement.parties or None),
        ("Period", agreement.period),
        ("Summary", agreement.summary),
    ]


def _event_fields(briefing: Briefing, index: int) -> list[tuple[str, Value]]:
    event = briefing.events[index]
    attendees = tuple(p.label for p in briefing.attendees(event.name))
    return [("Name", event.name), ("Summary", event.summary), ("Attended by", attendees or None)]


def _participant_fields(briefing: Briefing, index: int) -> list[tuple[str, Value]]:
    person = briefing.participants[index]
    fields: list[tuple[str, Value]] = [
        ("Name", person.name),
        ("Role", person.role),
        ("Organisation", person.organization),
        ("Side", person.side),
        ("Aliases", person.aliases or None),
        ("Present at", person.present_at or None),
        ("Notes", person.notes),
    ]
    # An identifier most people will never have: a row of its own only when there is one.
    if person.wikidata:
        fields.append(("Wikidata", person.wikidata))
    return fields


def _attendees(briefing: Briefing, index: int) -> tuple[str, list[Ref]]:
    name = briefing.events[index].name
    people = [Ref("participant", i) for i, p in enumerate(briefing.participants) if name in p.present_at]
    return "Attended by", people


def _events_attended(briefing: Briefing, index: int) -> tuple[str, list[Ref]]:
    positions = {event.name: i for i, event in enumerate(briefing.events)}
    present_at = briefing.participants[index].present_at
    return "Present at", [Ref("event", positions[n]) for n in present_at if n in positions]


def _name_and_role(briefing: Briefing, index: int) -> str:
    person = briefing.participants[index]
    return f"{person.name}, {person.role}" if person.name and person.role else person.label


# -- the table ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemKind:
    """One kind of item: where a briefing keeps them, what they are called, what they show."""

    kind: Kind
    noun: str
    plural: str
    #: The `Briefing` attribute listing them (each with its `evidence`); None: the briefing itself.
    attribute: str | None
    #: What to call one in a list, a dialog title or the palette.
    title: Callable[[Briefing, int], str]
    #: Every field but the evidence, in the order the format lists them.
    fields: Callable[[Briefing, int], list[tuple[str, Value]]]
    #: The id of the main screen's widget showing them: a list, or the headline.
    main_id: str
    #: Items one step away, with a heading: an event's attendees, a participant's events.
    related: Callable[[Briefing, int], tuple[str, list[Ref]]] | None = None
    #: How the command palette lists one, when not by its title.
    palette_text: Callable[[Briefing, int], str] | None = None


#: Every kind, in the order the palette lists them (and a list of several kinds shows them).
ITEM_KINDS: Mapping[str, ItemKind] = {
    kind.kind: kind
    for kind in (
        ItemKind(
            "briefing", "Briefing", "Briefings", None, lambda b, _: b.headline, _briefing_fields, "headline"
        ),
        ItemKind(
            "participant",
            "Participant",
            "Participants",
            "participants",
            lambda b, i: b.participants[i].label,
            _participant_fields,
            "participants",
            related=_events_attended,
            palette_text=_name_and_role,
        ),
        ItemKind(
            "agreement",
            "Agreement",
            "Agreements",
            "agreements",
            lambda b, i: b.agreements[i].title,
            _agreement_fields,
            "agreements",
        ),
        ItemKind(
            "event",
            "Event",
            "Events",
            "events",
            lambda b, i: b.events[i].name,
            _event_fields,
            "agreements",
            related=_attendees,
        ),
        ItemKind(
            "key_point",
            "Key point",
            "Key points",
            "key_points",
            lambda b, i: b.key_points[i].text,
            _key_point_fields,
            "key-points",
        ),
    )
}


def kind_of(ref: Ref) -> ItemKind:
    return ITEM_KINDS[ref.kind]


def kinds_shown_by(main_id: str) -> list[ItemKind]:
    """The kinds the main screen's widget `main_id` shows, in table order."""
    return [kind for kind in ITEM_KINDS.values() if kind.main_id == main_id]


def refs(briefing: Briefing, kind: ItemKind) -> list[Ref]:
    """Every item of `kind` in the briefing, in order."""
    count = 1 if kind.attribute is None else len(getattr(briefing, kind.attribute))
    return [Ref(kind.kind, index) for index in range(count)]


def title(briefing: Briefing, ref: Ref) -> str:
    """What to call the item in a list, a dialog title or the palette."""
    return kind_of(ref).title(briefing, ref.index)


def fields(briefing: Briefing, ref: Ref) -> list[tuple[str, Value]]:
    """Every field of the item except evidence, in the order the format lists them."""
    return kind_of(ref).fields(briefing, ref.index)


def evidence(briefing: Briefing, ref: Ref) -> tuple[str, ...]:
    attribute = kind_of(ref).attribute
    if attribute is None:
        return ()
    quotes: tuple[str, ...] = getattr(briefing, attribute)[ref.index].evidence
    return quotes


def related(briefing: Briefing, ref: Ref) -> tuple[str, list[Ref]]:
    """Items one step away, with a heading: an event's attendees, a participant's events."""
    related = kind_of(ref).related
    return related(briefing, ref.index) if related is not None else ("", [])


def palette_text(briefing: Briefing, ref: Ref) -> str:
    """The item as the command palette lists it."""
    kind = kind_of(ref)
    return (kind.palette_text or kind.title)(briefing, ref.index)


def as_text(briefing: Briefing, ref: Ref) -> str:
    """The item as plain text, for the clipboard: its fields, then its evidence."""
    name = title(briefing, ref)
    lines = [f"{kind_of(ref).noun}: {name}"]
    for label, value in fields(briefing, ref):
        if value is None or value == name:
            continue
        if isinstance(value, tuple):
            lines.append(f"{label}: {'; '.join(value)}")
        else:
            lines.append(f"{label}: {value}")
    quotes = evidence(briefing, ref)
    if quotes:
        lines.append("Evidence:")
        lines += [f"  “{quote}”" for quote in quotes]
    return "\n".join(lines)

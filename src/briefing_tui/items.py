"""The things a briefing lists, addressed uniformly: what to call them, their fields, their links.

A `Ref` names one item (a key point, agreement, event, participant, or the briefing itself) by kind
and position. Lists, the details dialog, the command palette and copying all go through here, so
they agree on what an item is called and which fields it has.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing

Kind = Literal["briefing", "key_point", "agreement", "event", "participant"]
KINDS: tuple[Kind, ...] = get_args(Kind)

KIND_NAMES: dict[Kind, str] = {
    "briefing": "Briefing",
    "key_point": "Key point",
    "agreement": "Agreement",
    "event": "Event",
    "participant": "Participant",
}

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
        if kind not in KINDS or not index.isdigit():
            return None
        return cls(kind, int(index))  # type: ignore[arg-type]


def title(briefing: Briefing, ref: Ref) -> str:
    """What to call the item in a list, a dialog title or the palette."""
    if ref.kind == "briefing":
        return briefing.headline
    if ref.kind == "key_point":
        return briefing.key_points[ref.index].text
    if ref.kind == "agreement":
        return briefing.agreements[ref.index].title
    if ref.kind == "event":
        return briefing.events[ref.index].name
    return briefing.participants[ref.index].label


def _figure(label: str, value: object, unit: str | None) -> str:
    shown = "" if value is None else str(value)
    if unit:
        shown = f"{shown} {unit}".strip()
    return f"{label}: {shown}" if shown else label


def fields(briefing: Briefing, ref: Ref) -> list[tuple[str, Value]]:
    """Every field of the item except evidence, in the order the format lists them."""
    if ref.kind == "briefing":
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
            (
                "Figures",
                tuple(_figure(f.label, f.value, f.unit) for f in briefing.figures) or None,
            ),
            ("Id", briefing.id),
            ("File", briefing.path),
        ]
    if ref.kind == "key_point":
        return [("Text", briefing.key_points[ref.index].text)]
    if ref.kind == "agreement":
        agreement = briefing.agreements[ref.index]
        return [
            ("Title", agreement.title),
            ("Kind", agreement.kind),
            ("Status", agreement.status),
            ("Parties", agreement.parties or None),
            ("Period", agreement.period),
            ("Summary", agreement.summary),
        ]
    if ref.kind == "event":
        event = briefing.events[ref.index]
        attendees = tuple(p.label for p in briefing.attendees(event.name))
        return [("Name", event.name), ("Summary", event.summary), ("Attended by", attendees or None)]
    person = briefing.participants[ref.index]
    return [
        ("Name", person.name),
        ("Role", person.role),
        ("Organisation", person.organization),
        ("Side", person.side),
        ("Aliases", person.aliases or None),
        ("Present at", person.present_at or None),
        ("Notes", person.notes),
    ]


def evidence(briefing: Briefing, ref: Ref) -> tuple[str, ...]:
    if ref.kind == "briefing":
        return ()
    if ref.kind == "key_point":
        return briefing.key_points[ref.index].evidence
    if ref.kind == "agreement":
        return briefing.agreements[ref.index].evidence
    if ref.kind == "event":
        return briefing.events[ref.index].evidence
    return briefing.participants[ref.index].evidence


def related(briefing: Briefing, ref: Ref) -> tuple[str, list[Ref]]:
    """Items one step away, with a heading: an event's attendees, a participant's events."""
    if ref.kind == "event":
        name = briefing.events[ref.index].name
        people = [Ref("participant", i) for i, p in enumerate(briefing.participants) if name in p.present_at]
        return "Attended by", people
    if ref.kind == "participant":
        positions = {event.name: i for i, event in enumerate(briefing.events)}
        present_at = briefing.participants[ref.index].present_at
        return "Present at", [Ref("event", positions[n]) for n in present_at if n in positions]
    return "", []


def as_text(briefing: Briefing, ref: Ref) -> str:
    """The item as plain text, for the clipboard: its fields, then its evidence."""
    name = title(briefing, ref)
    lines = [f"{KIND_NAMES[ref.kind]}: {name}"]
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

"""Checks of a briefing's events no single field can make: names are unique, and every name a
participant's `present_at` gives is one of them."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

from briefing_tui.format.invisible import has_visible
from briefing_tui.format.problems import FileContext, Problem
from briefing_tui.format.suggest import Suggester
from briefing_tui.format.yamltree import Pos, items_at

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing

#: Event names listed when a `present_at` name is like none of them.
MAX_LISTED = 10


def event_problems(data: dict[str, Any], pos: Pos, file: FileContext) -> list[Problem]:
    problems: list[Problem] = []
    events: dict[str, int] = {}
    for event, event_pos in items_at(data, pos, "events"):
        name = event.get("name") if isinstance(event, dict) else None
        if not isinstance(name, str):
            continue
        at = event_pos.child("name")
        if name in events:
            problems.append(
                file.at(
                    at,
                    f"event {name!r} is named twice: the first is on line "
                    f"{events[name]}; event names must be unique",
                    "duplicate-event",
                )
            )
        else:
            events[name] = at.line
    suggest = Suggester(events, ignore_case=True)
    listed = ""
    for person, person_pos in items_at(data, pos, "participants"):
        names = person.get("present_at") if isinstance(person, dict) else None
        if not isinstance(names, list):
            continue
        names_pos = person_pos.child("present_at")
        for index, name in enumerate(names):
            if isinstance(name, str) and name not in events and has_visible(name):
                hint = suggest.hint(name)
                if not hint:
                    listed = listed or _listed(events)
                    hint = listed
                problems.append(
                    file.at(names_pos.child(index), f"present_at names no event {name!r}{hint}", "present-at")
                )
    return problems


def _listed(events: dict[str, int]) -> str:
    if not events:
        return "; the briefing has no events: add them under 'events'"
    names = ", ".join(map(repr, itertools.islice(events, MAX_LISTED)))
    if len(events) > MAX_LISTED:
        names += f" and {len(events) - MAX_LISTED:,} more"
    return f" (events: {names})"


def events_clean(briefing: Briefing) -> bool:
    """For a valid briefing: whether `event_problems` would find nothing (it says what and where)."""
    names = {event.name for event in briefing.events}
    if len(names) < len(briefing.events):
        return False
    return all(name in names for person in briefing.participants for name in person.present_at)

"""Checks of a briefing's events no single field can make: names are unique, and every name a
participant's `present_at` gives is one of them."""

from __future__ import annotations

from typing import Any

from briefing_tui.format.invisible import has_visible
from briefing_tui.format.problems import FileContext, Problem
from briefing_tui.format.suggest import did_you_mean
from briefing_tui.format.yamltree import Pos, items_at


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
                )
            )
        else:
            events[name] = at.line
    for person, person_pos in items_at(data, pos, "participants"):
        names = person.get("present_at") if isinstance(person, dict) else None
        if not isinstance(names, list):
            continue
        names_pos = person_pos.child("present_at")
        for index, name in enumerate(names):
            if isinstance(name, str) and name not in events and has_visible(name):
                hint = did_you_mean(name, events)
                if not hint:
                    hint = (
                        f" (events: {', '.join(map(repr, events))})"
                        if events
                        else "; the briefing has no events: add them under 'events'"
                    )
                problems.append(file.at(names_pos.child(index), f"present_at names no event {name!r}{hint}"))
    return problems

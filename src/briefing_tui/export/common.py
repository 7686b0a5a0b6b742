"""What every export needs: briefings loaded in order, their ids, participants by side, figures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing, Figure, Participant
    from briefing_tui.format.problems import Problem


@dataclass(frozen=True, slots=True)
class Loaded:
    """The briefings at a path, newest first, or the problems that kept some from loading."""

    briefings: list[Briefing]
    problems: list[Problem]


def load_path(path: Path) -> Loaded:
    """Every briefing at `path` (a file or a folder, through the cache), newest first.

    A folder without briefing files is a problem too: exporting nothing would look like success."""
    from briefing_tui.format.problems import Problem
    from briefing_tui.library import Library

    library = Library.open(path)
    if not library.entries:
        return Loaded([], [Problem(str(path), None, None, "no *.yaml or *.yml files in this folder")])
    # Newest first, as the library lists them; files of one day stay in path order.
    briefings = sorted(library.briefings, key=lambda b: b.date, reverse=True)
    return Loaded(briefings, library.problems)


def briefing_id(briefing: Briefing) -> str:
    """The briefing's id (the loader sets it to the file name when the file has none)."""
    return briefing.id or (Path(briefing.path).stem if briefing.path else "briefing")


def by_side(participants: Sequence[Participant]) -> list[tuple[str | None, list[Participant]]]:
    """Participants grouped by side, sides in order of first appearance, those without one last."""
    groups: dict[str | None, list[Participant]] = {}
    for person in participants:
        groups.setdefault(person.side, []).append(person)
    return sorted(groups.items(), key=lambda group: group[0] is None)


def value_text(value: object) -> str:
    """A figure's value as text: numbers as Python writes them, text as it is."""
    return "" if value is None else str(value)


def figure_text(figure: Figure) -> str:
    """ "Bilateral trade target: 1 billion USD"; the label alone when there is no value or unit."""
    shown = " ".join(part for part in (value_text(figure.value), figure.unit or "") if part)
    return f"{figure.label}: {shown}" if shown else figure.label

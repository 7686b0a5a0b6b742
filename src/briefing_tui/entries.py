"""One file of a library: what its row in a list shows and its filters read (`Summary`), its problems
if it failed to load, and the whole briefing, built only when asked for.

A summary is a few hundred bytes kept in the cache beside the briefing, so a folder of 10,000 lists,
sorts and filters without building 10,000 briefings. Cheap to import (no loader).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing, Participant
    from briefing_tui.format.problems import Problem


class Summary(NamedTuple):
    """What a list of briefings shows and filters by, read from a briefing's attributes. (A named
    tuple, stored as a JSON array: a warm open reads 10,000 of them.)"""

    id: str
    headline: str
    date: dt.date
    published: dt.date | None
    location: str | None
    topics: tuple[str, ...]
    outlet: str | None
    #: The participants' sides, each once, in the order they first appear.
    sides: tuple[str, ...]
    key_points: int
    agreements: int
    events: int
    figures: int
    participants: int

    def to_json(self) -> str:
        published = self.published.isoformat() if self.published else None
        values = (*self[:2], self.date.isoformat(), published, *self[4:])
        return json.dumps(values, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Summary:
        """Raises `ValueError`, `KeyError` or `TypeError` for text `to_json` did not write."""
        values = json.loads(text)
        if not isinstance(values, list) or len(values) != len(cls._fields):
            raise ValueError("not a summary")
        values[2] = dt.date.fromisoformat(values[2])
        if values[3] is not None:
            values[3] = dt.date.fromisoformat(values[3])
        values[5], values[7] = tuple(values[5]), tuple(values[7])
        return cls(*values)


def summary_of(briefing: Briefing, default_id: str) -> Summary:
    source = briefing.source
    return Summary(
        id=briefing.id or default_id,
        headline=briefing.headline,
        date=briefing.date,
        published=briefing.published,
        location=briefing.location,
        topics=tuple(briefing.topics),
        outlet=source.outlet if source is not None else None,
        sides=tuple(dict.fromkeys(p.side for p in briefing.participants if p.side)),
        key_points=len(briefing.key_points),
        agreements=len(briefing.agreements),
        events=len(briefing.events),
        figures=len(briefing.figures),
        participants=len(briefing.participants),
    )


#: Builds an entry's briefing when it is first asked for (from the cache, or by a full load).
Fetch = Callable[["LibraryEntry"], "Briefing | None"]


class LibraryEntry:
    """One file of a library: a valid briefing's `summary`, or the `problems` that kept it from
    loading. `briefing` is built on first use and kept."""

    __slots__ = ("_briefing", "_fetch", "_path", "_path_text", "file_id", "problems", "summary")

    def __init__(
        self,
        path: str | Path,
        summary: Summary | None = None,
        problems: tuple[Problem, ...] = (),
        *,
        briefing: Briefing | None = None,
        fetch: Fetch | None = None,
        file_id: int | None = None,
    ) -> None:
        self._path_text = str(path)
        self._path = path if isinstance(path, Path) else None
        self.summary = summary
        self.problems = problems
        self._briefing = briefing
        self._fetch = fetch
        #: The entry's row in the cache database, when it has one.
        self.file_id = file_id

    def __repr__(self) -> str:
        state = "valid" if self.summary is not None else f"{len(self.problems)} problems"
        return f"LibraryEntry({self._path_text!r}, {state})"

    @property
    def path(self) -> Path:
        if self._path is None:
            self._path = Path(self._path_text)
        return self._path

    @property
    def path_text(self) -> str:
        return self._path_text

    @property
    def valid(self) -> bool:
        return self.summary is not None

    @property
    def built(self) -> Briefing | None:
        """The briefing if it is built already (None: not yet, or the file did not load)."""
        return self._briefing

    @property
    def briefing(self) -> Briefing | None:
        """The whole briefing (None if the file did not load). Built from the cache the first time;
        if that fails (the file changed since it was listed), the file's problems replace it."""
        if self._briefing is None and self.summary is not None and self._fetch is not None:
            fetch, self._fetch = self._fetch, None
            self._briefing = fetch(self)
            if self._briefing is None:
                self.summary = None
        return self._briefing


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A participant and the briefing they appear in."""

    participant: Participant
    entry: LibraryEntry


def participants_of(people: Sequence[PersonRef]) -> list[Participant]:
    return [ref.participant for ref in people]


def newest_first(entries: Sequence[LibraryEntry]) -> list[LibraryEntry]:
    """Newest briefing first (ties keep file order), then the files that failed to load."""
    valid = [e for e in entries if e.summary is not None]
    invalid = [e for e in entries if e.summary is None]
    valid.sort(key=lambda e: e.summary.date if e.summary else dt.date.min, reverse=True)
    return valid + invalid


@dataclass(frozen=True, slots=True)
class Progress:
    """How far opening a library has come, and the entries this step added."""

    loaded: int
    total: int
    new: tuple[LibraryEntry, ...]

    def __str__(self) -> str:
        return f"loaded {self.loaded:,} of {self.total:,}"

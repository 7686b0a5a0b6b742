"""The briefing/1 format as plain frozen dataclasses: what a loaded briefing is.

Nothing here checks anything: `validate` makes these from what the YAML says, with every check of
the format written once, `schema` says the same to editors, and `data` turns them into plain data
and back. Everything is frozen: a loaded briefing is what the file says, and nothing in the UI may
change it. Cheap to import (no pydantic, no PyYAML): the first frame does not wait for it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal, Self

FORMAT_VERSION = 1
#: Scalars a figure's value may be.
FigureValue = int | float | str


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """Where the briefing was distilled from."""

    outlet: str | None = None
    url: str | None = None
    #: UTF-8 text of the source, relative to the briefing's folder.
    file: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyPoint:
    text: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Agreement:
    title: str
    kind: str | None = None
    status: str | None = None
    parties: tuple[str, ...] = ()
    period: str | None = None
    summary: str | None = None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    name: str
    summary: str | None = None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    label: str
    value: FigureValue | None = None
    unit: str | None = None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Participant:
    name: str | None = None
    role: str | None = None
    organization: str | None = None
    side: str | None = None
    aliases: tuple[str, ...] = ()
    #: Names of events attended.
    present_at: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    notes: str | None = None
    #: The person's Wikidata id, e.g. Q1234: appearances with one id are one person.
    wikidata: str | None = None

    @property
    def label(self) -> str:
        """What to call this participant in a list: the name, or the role for unnamed officials."""
        return self.name or self.role or ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Briefing:
    """A briefing/1 document."""

    #: Format version; must be 1.
    briefing: Literal[1] | None = None
    #: Defaults to the file name without extension.
    id: str | None = None
    headline: str
    subheadline: str | None = None
    #: The event's date.
    date: dt.date
    published: dt.date | None = None
    location: str | None = None
    source: Source | None = None
    summary: str | None = None
    topics: tuple[str, ...] = ()
    key_points: tuple[KeyPoint, ...]
    agreements: tuple[Agreement, ...] = ()
    events: tuple[Event, ...] = ()
    figures: tuple[Figure, ...] = ()
    participants: tuple[Participant, ...]

    # Set by `attached` only (the loader and the cache), never read from the file: not part of
    # what the briefing says, so neither compared nor shown.
    _path: str | None = field(default=None, repr=False, compare=False)
    _source_text: str | None = field(default=None, repr=False, compare=False)

    def attached(self, path: str | None, source_text: str | None) -> Self:
        """This briefing as loaded from `path`, whose source file holds `source_text`."""
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_source_text", source_text)
        return self

    @property
    def path(self) -> str | None:
        """The file this briefing was loaded from."""
        return self._path

    @property
    def source_text(self) -> str | None:
        """The text of `source.file`, when the briefing has one."""
        return self._source_text

    def attendees(self, event_name: str) -> list[Participant]:
        return [p for p in self.participants if event_name in p.present_at]


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of briefing/1 (see `schema`)."""
    from briefing_tui.format import schema

    return schema.json_schema()

"""Every check of the briefing/1 format, written once: plain data in, a `Briefing` or errors out.

Each kind of item is a table of its fields (name, the kind's check from `kinds`, required or not), in
the format's order; the checks run in that order and report every error, each with its path through
the data, so `messages` can say them in plain English at their place in the file. Keys not in the
table are unknown keys (the reader already dropped `x-` keys). The same tables make the JSON Schema's
required keys (see `schema`), so the two cannot drift apart on which keys there are.
"""

from __future__ import annotations

from typing import Any

from briefing_tui.format import kinds
from briefing_tui.format.data import (
    AGREEMENT_FIELDS,
    BRIEFING_FIELDS,
    EVENT_FIELDS,
    FIGURE_FIELDS,
    KEY_POINT_FIELDS,
    PARTICIPANT_FIELDS,
    SOURCE_FIELDS,
)
from briefing_tui.format.kinds import Check, Errors, Loc, error
from briefing_tui.format.model import Agreement, Briefing, Event, Figure, KeyPoint, Participant, Source

_MISSING: Any = object()


class Invalid(ValueError):
    """Data that is no briefing; `errors` lists why (see `kinds` for their shape)."""

    def __init__(self, errors: Errors) -> None:
        super().__init__(f"{len(errors)} errors, the first: {errors[0] if errors else None}")
        self.errors = errors


class _Redo(Exception):
    """The quick pass found an error: check again, with every error at its place."""


class _Item:
    """One kind of item: its class, and each field's check and whether it is required.

    Checked with `loc` None, it is the quick pass a good file takes: no places, fields in the file's
    order, and `_Redo` at the first item with an error. With a `loc`, every error is reported at
    its place, in the format's order of the fields."""

    __slots__ = ("by_name", "checks", "cls", "names", "required")

    def __init__(
        self,
        cls: type[Any],
        names: tuple[str, ...],
        checks: dict[str, Check],
        required: tuple[str, ...] = (),
    ) -> None:
        assert tuple(checks) == names, (names, tuple(checks))
        self.cls = cls
        self.names = frozenset(names)
        self.checks = tuple(checks.items())
        self.by_name = checks
        self.required: frozenset[str] = frozenset(required)

    def check(self, data: Any, loc: Loc | None, errors: Errors) -> Any:
        """The item `data` says, or None (with errors appended) when it is not one."""
        if type(data) is not dict:
            error(errors, "model_type", loc, data)
            return None
        if loc is None:
            quick: dict[str, Any] = {}
            checks = self.by_name
            for name, value in data.items():
                check = checks.get(name)
                if check is None:
                    raise _Redo
                quick[name] = check(value, None, errors)
            if errors or not self.required.issubset(quick):
                raise _Redo
            return self.cls(**quick)
        before = len(errors)
        values: dict[str, Any] = {}
        found = 0
        for name, check in self.checks:
            value = data.get(name, _MISSING)
            if value is _MISSING:
                if name in self.required:
                    error(errors, "missing", (*loc, name), data)
                continue
            found += 1
            values[name] = check(value, (*loc, name), errors)
        if found < len(data):
            for name in data:
                if name not in self.names:
                    error(errors, "extra_forbidden", (*loc, name), data[name])
        if len(errors) > before:
            return None
        return self.cls(**values)


def _items(item: _Item, least: int = 0) -> Check:
    """A list of `item`s, a tuple once loaded, of at least `least` items."""

    def check(value: Any, loc: Loc | None, errors: Errors) -> Any:
        if type(value) is not list:
            error(errors, "tuple_type", loc, value)
            return value
        if len(value) < least:
            error(errors, "too_short", loc, value)
            return value
        one = item.check
        if loc is None:
            return tuple([one(data, None, errors) for data in value])
        return tuple([one(data, (*loc, index), errors) for index, data in enumerate(value)])

    return check


def _key_points(value: Any, loc: Loc | None, errors: Errors) -> Any:
    # A key point may be written as its text alone.
    if type(value) is list:
        value = [{"text": point} if type(point) is str else point for point in value]
    return _key_point_list(value, loc, errors)


def _source(value: Any, loc: Loc | None, errors: Errors) -> Any:
    return None if value is None else SOURCE.check(value, loc, errors)


class _ParticipantItem(_Item):
    __slots__ = ()

    def check(self, data: Any, loc: Loc | None, errors: Errors) -> Any:
        person = _Item.check(self, data, loc, errors)
        if person is not None and person.name is None and person.role is None:
            error(errors, "value_error", loc, data, "a participant needs a name or a role (or both)")
            return None
        return person


_EVIDENCE = kinds.evidence
SOURCE = _Item(
    Source,
    SOURCE_FIELDS,
    {"outlet": kinds.optional_text, "url": kinds.optional_text, "file": kinds.text_or_none},
)
KEY_POINT = _Item(KeyPoint, KEY_POINT_FIELDS, {"text": kinds.text, "evidence": _EVIDENCE}, ("text",))
AGREEMENT = _Item(
    Agreement,
    AGREEMENT_FIELDS,
    {
        "title": kinds.text,
        "kind": kinds.optional_text,
        "status": kinds.optional_text,
        "parties": kinds.texts,
        "period": kinds.optional_text,
        "summary": kinds.optional_text,
        "evidence": _EVIDENCE,
    },
    ("title",),
)
EVENT = _Item(
    Event,
    EVENT_FIELDS,
    {"name": kinds.text, "summary": kinds.optional_text, "evidence": _EVIDENCE},
    ("name",),
)
FIGURE = _Item(
    Figure,
    FIGURE_FIELDS,
    {
        "label": kinds.text,
        "value": kinds.figure_value,
        "unit": kinds.optional_text,
        "evidence": _EVIDENCE,
    },
    ("label",),
)
PARTICIPANT = _ParticipantItem(
    Participant,
    PARTICIPANT_FIELDS,
    {
        "name": kinds.text_or_none,
        "role": kinds.text_or_none,
        "organization": kinds.optional_text,
        "side": kinds.optional_text,
        "aliases": kinds.texts,
        "present_at": kinds.texts,
        "evidence": _EVIDENCE,
        "notes": kinds.optional_text,
        "wikidata": kinds.wikidata_id,
    },
)
_key_point_list = _items(KEY_POINT, least=1)
BRIEFING = _Item(
    Briefing,
    BRIEFING_FIELDS,
    {
        "briefing": kinds.version,
        "id": kinds.text_or_none,
        "headline": kinds.text,
        "subheadline": kinds.optional_text,
        "date": kinds.date,
        "published": kinds.date_or_none,
        "location": kinds.optional_text,
        "source": _source,
        "summary": kinds.optional_text,
        "topics": kinds.texts,
        "key_points": _key_points,
        "agreements": _items(AGREEMENT),
        "events": _items(EVENT),
        "figures": _items(FIGURE),
        "participants": _items(PARTICIPANT, least=1),
    },
    ("headline", "date", "key_points", "participants"),
)
#: Each kind of item by the key of its list (a source is no list, but is keyed by it too).
ITEMS = {
    "source": SOURCE,
    "key_points": KEY_POINT,
    "agreements": AGREEMENT,
    "events": EVENT,
    "figures": FIGURE,
    "participants": PARTICIPANT,
}


def validate_briefing(
    data: Any, *, path: str | None, source_text: str | None
) -> tuple[Briefing | None, Errors]:
    """The briefing `data` says, as loaded from `path` with its source's text, or None and why not."""
    errors: Errors = []
    try:
        briefing = BRIEFING.check(data, None, errors)
    except _Redo:
        errors = []
        briefing = BRIEFING.check(data, (), errors)
    if briefing is None:
        return None, errors
    return briefing.attached(path, source_text), errors


def validated(data: Any, *, path: str | None, source_text: str | None) -> Briefing:
    """The briefing `data` says; `Invalid` when it is none."""
    briefing, errors = validate_briefing(data, path=path, source_text=source_text)
    if briefing is None:
        raise Invalid(errors)
    return briefing

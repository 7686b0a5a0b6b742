"""Pydantic models of the briefing/1 format.

These models are the single source of truth for the format: the loader validates through them and
`briefing-tui schema` derives the JSON Schema from them. Everything is frozen: a loaded briefing is
what the file says, and nothing in the UI may change it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictFloat,
    StrictInt,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from briefing_tui.format.invisible import VISIBLE_PATTERN, empty_message, has_visible
from briefing_tui.format.yamltree import EXTENSION_PREFIX

FORMAT_VERSION = 1


def _schema_extras(schema: dict[str, Any]) -> None:
    # Keys starting with "x-" are allowed anywhere and ignored; the loader strips them before
    # validation, the schema must admit them so editors do not flag them.
    schema["patternProperties"] = {f"^{EXTENSION_PREFIX}": {}}


_MODEL_CONFIG = ConfigDict(
    extra="forbid",
    frozen=True,
    str_strip_whitespace=False,
    json_schema_extra=_schema_extras,
)


def _visible(value: str) -> str:
    # The pattern already refused most invisible text; this catches what it cannot express.
    if not has_visible(value):
        raise ValueError(empty_message(value))
    return value


#: Text that must say something: not empty, not only white space or other invisible characters.
Text = Annotated[
    str,
    StringConstraints(strict=True, min_length=1, pattern=VISIBLE_PATTERN),
    AfterValidator(_visible),
]
OptionalText = Annotated[str, StringConstraints(strict=True)]


#: The loader replaces these words by the text as written in the file.
DATE_AND_TIME = "a date and time"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _calendar_date(value: Any) -> Any:
    # pydantic alone would read numbers and digit strings as seconds since 1970 (`date: 0` is
    # 1970-01-01) and drop a midnight time; a briefing's date is written 2026-02-04 and nothing else.
    if isinstance(value, dt.datetime):
        raise ValueError(f"expected a date like 2026-02-04, found {DATE_AND_TIME}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(f"expected a date like 2026-02-04, found the number {value}")
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError(f"expected a date like 2026-02-04, found {value!r}")
    return value


#: A calendar date, written 2026-02-04.
Date = Annotated[dt.date, BeforeValidator(_calendar_date)]


def _version(value: Any) -> Any:
    if isinstance(value, float):
        raise ValueError(f"unsupported format version {value}: this browser reads 'briefing: 1'")
    return value


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


#: One quote or a list of quotes; always a tuple once loaded.
_TEXT_SCHEMA = {"type": "string", "minLength": 1, "pattern": VISIBLE_PATTERN}
Evidence = Annotated[
    tuple[Text, ...],
    BeforeValidator(_one_or_many),
    WithJsonSchema(
        {
            "description": "One exact quote from the source, or a list of quotes.",
            "anyOf": [_TEXT_SCHEMA, {"type": "array", "items": _TEXT_SCHEMA}],
        }
    ),
]


class _Node(BaseModel):
    model_config = _MODEL_CONFIG


class Source(_Node):
    """Where the briefing was distilled from."""

    outlet: OptionalText | None = None
    url: OptionalText | None = None
    file: Text | None = Field(
        default=None,
        description="UTF-8 text of the source, relative to the briefing's folder.",
    )


def _text_to_point(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class KeyPoint(_Node):
    text: Text
    evidence: Evidence = ()


class Agreement(_Node):
    title: Text
    kind: OptionalText | None = None
    status: OptionalText | None = None
    parties: tuple[Text, ...] = ()
    period: OptionalText | None = None
    summary: OptionalText | None = None
    evidence: Evidence = ()


class Event(_Node):
    name: Text
    summary: OptionalText | None = None
    evidence: Evidence = ()


class Figure(_Node):
    label: Text
    value: StrictInt | StrictFloat | Text | None = None
    unit: OptionalText | None = None
    evidence: Evidence = ()


_WIKIDATA = re.compile(r"Q[1-9][0-9]*")


def _wikidata_id(value: Any) -> Any:
    # Every wrong value gets this one message (a number, "q1234", a name), with the fix if there is one.
    if value is None or (isinstance(value, str) and _WIKIDATA.fullmatch(value)):
        return value
    hint = ""
    if isinstance(value, str):
        found = repr(value)
        if _WIKIDATA.fullmatch(value.strip().upper()):
            hint = f"; write {value.strip().upper()}"
    elif isinstance(value, bool):
        found = f"the boolean {str(value).lower()}"
    elif isinstance(value, int):
        found = f"the number {value}"
        hint = f"; write Q{value}" if value > 0 else ""
    else:
        found = (
            "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else repr(value)
        )
    raise ValueError(f"wikidata: expected an id like Q1234, found {found}{hint}")


#: A Wikidata item id: Q and digits, no leading zero.
WikidataId = Annotated[
    str,
    StringConstraints(strict=True, pattern=f"^{_WIKIDATA.pattern}$"),
    BeforeValidator(_wikidata_id),  # outside the constraints: it runs first, and says why
]


def _participant_schema(schema: dict[str, Any]) -> None:
    _schema_extras(schema)
    schema["anyOf"] = [{"required": ["name"]}, {"required": ["role"]}]


class Participant(_Node):
    model_config = _MODEL_CONFIG | ConfigDict(json_schema_extra=_participant_schema)

    name: Text | None = None
    role: Text | None = None
    organization: OptionalText | None = None
    side: OptionalText | None = None
    aliases: tuple[Text, ...] = ()
    present_at: tuple[Text, ...] = Field(default=(), description="Names of events attended.")
    evidence: Evidence = ()
    notes: OptionalText | None = None
    wikidata: WikidataId | None = Field(
        default=None,
        description="The person's Wikidata id, e.g. Q1234: appearances with one id are one person.",
    )

    @model_validator(mode="after")
    def _named_or_role(self) -> Participant:
        if self.name is None and self.role is None:
            raise ValueError("a participant needs a name or a role (or both)")
        return self

    @property
    def label(self) -> str:
        """What to call this participant in a list: the name, or the role for unnamed officials."""
        return self.name or self.role or ""


KeyPointItem = Annotated[KeyPoint, BeforeValidator(_text_to_point)]


class Briefing(_Node):
    """A briefing/1 document."""

    briefing: Annotated[Literal[1], BeforeValidator(_version)] | None = Field(
        default=None, description="Format version; must be 1."
    )
    id: Text | None = Field(default=None, description="Defaults to the file name without extension.")
    headline: Text
    subheadline: OptionalText | None = None
    date: Date = Field(description="The event's date.")
    published: Date | None = None
    location: OptionalText | None = None
    source: Source | None = None
    summary: OptionalText | None = None
    topics: tuple[Text, ...] = ()
    key_points: tuple[KeyPointItem, ...] = Field(min_length=1)
    agreements: tuple[Agreement, ...] = ()
    events: tuple[Event, ...] = ()
    figures: tuple[Figure, ...] = ()
    participants: tuple[Participant, ...] = Field(min_length=1)

    # Set by `loaded` only, never read from the file.
    _path: str | None = PrivateAttr(default=None)
    _source_text: str | None = PrivateAttr(default=None)

    @classmethod
    def loaded(cls, data: Any, *, path: str, source_text: str | None) -> Self:
        """Validate `data` as the briefing read from `path`, whose source file holds `source_text`.

        Raises pydantic's `ValidationError`. The loader and the cache both make briefings here."""
        briefing = cls.model_validate(data)
        briefing._path = path
        briefing._source_text = source_text
        return briefing

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
    """The JSON Schema (draft 2020-12) of briefing/1."""
    schema = Briefing.model_json_schema(mode="validation")
    # A key point may be plain text; pydantic only sees the model it is turned into.
    points = schema["properties"]["key_points"]
    points["items"] = {"anyOf": [_TEXT_SCHEMA, points["items"]]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://briefing-tui.invalid/schema/briefing-1.json",
        **schema,
        "title": "briefing/1",
    }

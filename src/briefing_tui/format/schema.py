"""The JSON Schema (draft 2020-12) of briefing/1, as `briefing-tui schema` prints it for editors.

Written out here, kind by kind, to say what `validate` checks: a property test (tests/test_schema_
agrees.py) holds the two to accepting exactly the same documents. What a schema cannot say is left to
the loader: that event names are unique and `present_at` names them, that evidence is in the source,
that a date is a real calendar date (`format: date` is only an annotation), and the rare invisible
characters above the first plane (a pattern's `\\u` escapes do not reach them).
"""

from __future__ import annotations

from typing import Any

# Not the field names of `data`: the model imports this module for `json_schema`, and `data` the
# model. tests/test_data.py holds the two to the same keys in the same order.
from briefing_tui.format.invisible import VISIBLE_PATTERN

Schema = dict[str, Any]

#: Keys starting with "x-" are allowed anywhere and ignored: editors must not flag them.
_EXTENSIONS: Schema = {"^x-": {}}


def _text() -> Schema:
    """Text that must say something."""
    return {"minLength": 1, "pattern": VISIBLE_PATTERN, "type": "string"}


def _nullable(schema: Schema) -> Schema:
    return {"anyOf": [schema, {"type": "null"}], "default": None}


def _optional_text() -> Schema:
    return _nullable({"type": "string"})


def _texts() -> Schema:
    return {"default": [], "items": _text(), "type": "array"}


def _evidence() -> Schema:
    return {
        "anyOf": [_text(), {"items": _text(), "type": "array"}],
        "default": [],
        "description": "One exact quote from the source, or a list of quotes.",
    }


def _date() -> Schema:
    return {"format": "date", "type": "string"}


def _items(name: str, least: int = 0) -> Schema:
    schema: Schema = {"default": [], "items": {"$ref": f"#/$defs/{name}"}, "type": "array"}
    if least:
        del schema["default"]
        schema["minItems"] = least
    return schema


def _title(name: str) -> str:
    return " ".join(part.capitalize() for part in name.split("_"))


def _object(
    name: str,
    properties: dict[str, Schema],
    required: tuple[str, ...] = (),
    description: str | None = None,
) -> Schema:
    titled = {}
    for key, schema in properties.items():
        if "$ref" not in str(schema.get("anyOf", [{}])[0]):
            schema = {**schema, "title": _title(key)}
        titled[key] = dict(sorted(schema.items()))
    schema = {
        "additionalProperties": False,
        "description": description,
        "patternProperties": _EXTENSIONS,
        "properties": titled,
        "required": list(required),
        "title": name,
        "type": "object",
    }
    return {key: value for key, value in schema.items() if value not in (None, [])}


def _definitions() -> dict[str, Schema]:
    agreement = _object(
        "Agreement",
        {
            "title": _text(),
            "kind": _optional_text(),
            "status": _optional_text(),
            "parties": _texts(),
            "period": _optional_text(),
            "summary": _optional_text(),
            "evidence": _evidence(),
        },
        ("title",),
    )
    event = _object(
        "Event",
        {"name": _text(), "summary": _optional_text(), "evidence": _evidence()},
        ("name",),
    )
    figure = _object(
        "Figure",
        {
            "label": _text(),
            "value": {
                "anyOf": [{"type": "integer"}, {"type": "number"}, _text(), {"type": "null"}],
                "default": None,
            },
            "unit": _optional_text(),
            "evidence": _evidence(),
        },
        ("label",),
    )
    key_point = _object("KeyPoint", {"text": _text(), "evidence": _evidence()}, ("text",))
    participant = _object(
        "Participant",
        {
            "name": _nullable(_text()),
            "role": _nullable(_text()),
            "organization": _optional_text(),
            "side": _optional_text(),
            "aliases": _texts(),
            "present_at": {**_texts(), "description": "Names of events attended."},
            "evidence": _evidence(),
            "notes": _optional_text(),
            "wikidata": {
                **_nullable({"pattern": "^Q[1-9][0-9]*$", "type": "string"}),
                "description": (
                    "The person's Wikidata id, e.g. Q1234: appearances with one id are one person."
                ),
            },
        },
    )
    # A participant needs a name or a role (or both): one of them given, and not null.
    participant = {
        "additionalProperties": False,
        "anyOf": [
            {"properties": {"name": {"type": "string"}}, "required": ["name"]},
            {"properties": {"role": {"type": "string"}}, "required": ["role"]},
        ],
        **participant,
    }
    source = _object(
        "Source",
        {
            "outlet": _optional_text(),
            "url": _optional_text(),
            "file": {
                **_nullable(_text()),
                "description": "UTF-8 text of the source, relative to the briefing's folder.",
            },
        },
        description="Where the briefing was distilled from.",
    )
    return {
        "Agreement": agreement,
        "Event": event,
        "Figure": figure,
        "KeyPoint": key_point,
        "Participant": participant,
        "Source": source,
    }


def json_schema() -> Schema:
    """The JSON Schema (draft 2020-12) of briefing/1."""
    briefing = _object(
        "briefing/1",
        {
            "briefing": {
                **_nullable({"const": 1, "type": "integer"}),
                "description": "Format version; must be 1.",
            },
            "id": {**_nullable(_text()), "description": "Defaults to the file name without extension."},
            "headline": _text(),
            "subheadline": _optional_text(),
            "date": {**_date(), "description": "The event's date."},
            "published": _nullable(_date()),
            "location": _optional_text(),
            "source": _nullable({"$ref": "#/$defs/Source"}),
            "summary": _optional_text(),
            "topics": _texts(),
            # A key point may be written as its text alone.
            "key_points": {
                "items": {"anyOf": [{"type": "string", **_text()}, {"$ref": "#/$defs/KeyPoint"}]},
                "minItems": 1,
                "type": "array",
            },
            "agreements": _items("Agreement"),
            "events": _items("Event"),
            "figures": _items("Figure"),
            "participants": _items("Participant", least=1),
        },
        ("headline", "date", "key_points", "participants"),
        description="A briefing/1 document.",
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://briefing-tui.invalid/schema/briefing-1.json",
        "$defs": _definitions(),
        **briefing,
    }

"""The format's validation errors as plain English, each at the place in the file it is about.

`validate` names a place by its path through the data (`participants.2.name`) and says what it wanted
in a validator's terms (`string_type`); a person editing YAML needs a line and column, what was found
(as YAML read it, which is not always what they meant) and how to fix it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from briefing_tui.format.data import BRIEFING_FIELDS, ITEM_FIELDS, SOURCE_FIELDS
from briefing_tui.format.invisible import empty_message
from briefing_tui.format.kinds import DATE_AND_TIME, Error, Errors
from briefing_tui.format.problems import FileContext, Problem
from briefing_tui.format.scalars import date_problem
from briefing_tui.format.suggest import Suggester
from briefing_tui.format.yamltree import Pos

#: The keys of each kind of item, by the key the items are under.
_CHILD_KEYS: dict[str, tuple[str, ...]] = {"source": SOURCE_FIELDS, **ITEM_FIELDS}
_NOUNS = {
    "key_points": "key point",
    "agreements": "agreement",
    "events": "event",
    "figures": "figure",
    "participants": "participant",
}
_KEY_ERRORS = frozenset({"missing", "extra_forbidden"})


def validation_problems(
    errors: Errors, pos: Pos, file: FileContext, skip: set[tuple[int, int]]
) -> Iterator[Problem]:
    """A problem for each of the errors, but none at a place in `skip` (already reported)."""
    seen: set[tuple[int | str, ...]] = set()
    # Per kind of item: its keys' did-you-mean, and the list of them for a key like none of them.
    keys: dict[tuple[str, ...], tuple[Suggester, str]] = {}
    # A list is not "too short" when its only items failed: that is not a problem of its own.
    failed_within = {tuple(e["loc"][:i]) for e in errors for i in range(1, len(e["loc"]))}
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "too_short" and loc in failed_within:
            continue
        if error["type"] == "extra_forbidden":
            line, column = _key_pos(pos, loc)
            model = _keys_at(loc[:-1])
            name = str(loc[-1])
            where = "a briefing" if model is BRIEFING_FIELDS else f"{_NOUNS.get(str(loc[0]), 'source')!s}"
            known = keys.get(model)
            if known is None:
                listed = f" (known keys: {', '.join(model)}; or prefix it with 'x-')"
                known = keys[model] = (Suggester(model), listed)
            hint = known[0].hint(name) or known[1]
            message, code = f"unknown key {name!r} in {where}{hint}", "unknown-key"
        else:
            # A loc may run past the file (a union's branch names): the deepest point found is the value.
            at, key, _ = _locate(pos, loc)
            line, column = at.line, at.column
            if (line, column) in skip:
                continue
            message = _message(error, at, key)
            code = _code(error["type"], key, message)
            if key == "value" and loc[0] == "figures":
                found = error.get("input")
                # Only text that says nothing fails every branch of the union.
                if isinstance(found, str):
                    message, code = empty_message(found), "empty"
                else:
                    message, code = f"expected text or a number, found {kind_of(found)}", "type"
            if error["type"] == "missing" and len(loc) > 1:
                noun = _NOUNS.get(str(loc[0]), str(loc[0]))
                message = f"{message} in this {noun}"
        # One problem per place and kind: a union reports each of its branches.
        place = (line, column, *(("key", loc[-1]) if error["type"] in _KEY_ERRORS else ("value",)))
        if place in seen:
            continue
        seen.add(place)
        yield file.problem(line, column, message, code)


def _code(error_type: str, key: int | str | None, message: str) -> str:
    """The problem's code (see `problems`) for one of the errors, told apart by its type and
    by the message made of it."""
    if error_type == "missing":
        return "missing-key"
    if error_type in {"string_too_short", "string_pattern_mismatch", "too_short"}:
        return "empty"
    if message.startswith("must not be empty"):
        return "empty"
    if error_type.startswith("date") or "date like" in message or message.startswith("impossible date"):
        return "date"
    if key == "briefing":
        return "version"
    if error_type.endswith("_type") or message.startswith(("expected", "evidence is one")):
        return "type"
    return "invalid"


def kind_of(value: Any) -> str:
    """What a value read from YAML is, in words: "a number", "a list", "text"..."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    return type(value).__name__


def _message(error: Error, pos: Pos, key: int | str | None) -> str:
    kind, value = error["type"], error.get("input")
    raw = pos.raw
    if kind == "missing":
        return f"missing required key {error['loc'][-1]!r}"
    if key == "evidence" and isinstance(value, dict):
        return f"evidence is one quote or a list of quotes, found a mapping{_colon_hint(key, value, pos)}"
    if kind in {
        "string_type",
        "model_type",
        "model_attributes_type",
        "dict_type",
        "tuple_type",
        "list_type",
        "date_type",
        "int_type",
        "float_type",
    }:
        wanted = {
            "string_type": "text",
            "tuple_type": "a list",
            "list_type": "a list",
            "date_type": "a date like 2026-02-04",
            "int_type": "a number",
            "float_type": "a number",
        }.get(kind, "a mapping (key: value)")
        found = kind_of(value)
        if isinstance(value, bool) and raw is not None:
            found = f"the boolean {str(value).lower()} (YAML reads {raw} as a boolean)"
        elif raw is not None and value is not None and not isinstance(value, str):
            found = f"{found} ({raw})"
        hint = _quote_hint(key, raw) if wanted == "text" and value is not None else ""
        if wanted == "text" and isinstance(value, dict):
            hint = _colon_hint(key, value, pos)
        if wanted == "text" and value is None:
            hint = "; write the text or remove the key"
        elif wanted == "a list" and isinstance(value, str) and isinstance(key, str):
            hint = f"; write a list, even of one item: {key}: [{value}]"
        return f"expected {wanted}, found {found}{hint}"
    if kind in {"string_too_short", "string_pattern_mismatch"}:
        return empty_message(value) if isinstance(value, str) else "must not be empty"
    if kind == "too_short":
        noun = _NOUNS.get(str(key), "item")
        return f"needs at least one {noun}"
    if kind in {"date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"}:
        why = date_problem(value) if isinstance(value, str) else None
        written = raw or (value if isinstance(value, str) else str(value))
        return why or f"expected a date like 2026-02-04, found {written!r}"
    if kind == "literal_error" and key == "briefing":
        if isinstance(value, str):
            return f"the format version is the number 1, not the text {value!r}: remove the quotes"
        return f"unsupported format version {raw or value}: this browser reads 'briefing: 1'"
    if kind == "value_error":
        message = str(error["ctx"]["error"]) if "ctx" in error else error["msg"]
        if raw is not None and message.endswith(DATE_AND_TIME):
            message = message.removesuffix(DATE_AND_TIME) + repr(raw)
        return message
    said: str = error["msg"]
    return said[:1].lower() + said[1:]


def _quote_hint(key: int | str | None, raw: str | None) -> str:
    if raw is None:
        return ""
    written = f'{key}: "{raw}"' if isinstance(key, str) else f'- "{raw}"'
    return f"; if you mean the text, quote it: {written}"


def _colon_hint(key: int | str | None, value: dict[Any, Any], pos: Pos) -> str:
    """For a mapping of one entry where text is expected: most likely text with an unquoted ': ' in
    it, which YAML read as a key and its value (the value as written: `He said: yes` is no boolean)."""
    if len(value) != 1:
        return ""
    [(first, rest)] = value.items()
    if not isinstance(rest, str):
        place = pos.child(first)
        rest = place.raw if place is not pos else None
    if not isinstance(first, str) or rest is None:
        return ""
    text = f"{first}: {rest}"
    quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    fixed = f"{key}: {quoted}" if isinstance(key, str) else f"- {quoted}"
    return f"; if it is text holding ': ', quote it: {fixed}"


def _keys_at(loc: tuple[int | str, ...]) -> tuple[str, ...]:
    return _CHILD_KEYS.get(str(loc[0]), BRIEFING_FIELDS) if loc else BRIEFING_FIELDS


# -- positions -------------------------------------------------------------------------------------


def _locate(pos: Pos, loc: tuple[int | str, ...]) -> tuple[Pos, int | str | None, bool]:
    """The deepest position `loc` reaches, the last key reached, and whether all of `loc` was found."""
    last: int | str | None = None
    for part in loc:
        children = pos.children
        if isinstance(children, dict) and isinstance(part, str) and part in children:
            pos, last = children[part][2], part
        elif isinstance(children, list) and isinstance(part, int) and 0 <= part < len(children):
            pos, last = children[part], part
        else:
            return pos, last, False
    return pos, last, True


def _key_pos(pos: Pos, loc: tuple[int | str, ...]) -> tuple[int, int]:
    """Where the key that ends `loc` is written, for problems with the key itself."""
    parent, _, _ = _locate(pos, loc[:-1])
    key = loc[-1] if loc else None
    if isinstance(parent.children, dict) and isinstance(key, str) and key in parent.children:
        line, column, _ = parent.children[key]
        return line, column
    return parent.line, parent.column

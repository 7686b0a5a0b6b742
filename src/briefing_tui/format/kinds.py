"""The scalar kinds of briefing/1 (text that says something, a calendar date, a Wikidata id...),
each a check written once: it returns the value as the model holds it, or appends an error.

An error is a dict shaped as `messages` reads it: `type` (what kind of check failed, named as the
format's first validator, pydantic, named them, so the messages and codes stay as they were), `loc`
(the path through the data), `input` (the value found) and, for errors that say why themselves,
`ctx["error"]` (the message). `schema` says the same as these checks in JSON Schema terms.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from briefing_tui.format.invisible import has_visible

#: Where a value is: its path through the data; None in the quick pass, which reports no places.
Loc = tuple[int | str, ...]
Error = dict[str, Any]
Errors = list[Error]
#: A kind's check: the value, where it is, and the list to report to; the value as the model holds it.
Check = Callable[[Any, Loc | None, Errors], Any]

#: The loader replaces these words by the text as written in the file.
DATE_AND_TIME = "a date and time"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
WIKIDATA = re.compile(r"Q[1-9][0-9]*")


def error(errors: Errors, kind: str, loc: Loc | None, value: Any, message: str | None = None) -> None:
    found: Error = {"type": kind, "loc": loc, "input": value, "msg": message or kind}
    if message is not None:
        found["ctx"] = {"error": message}
    errors.append(found)


def text(value: Any, loc: Loc | None, errors: Errors) -> Any:
    """Text that must say something: not empty, not only white space or invisible characters."""
    if type(value) is str:
        if "!" <= value[:1] <= "~" or has_visible(value):
            return value
        error(errors, "string_too_short" if not value else "string_pattern_mismatch", loc, value)
        return value
    error(errors, "string_type", loc, value)
    return value


def optional_text(value: Any, loc: Loc | None, errors: Errors) -> Any:
    """Any text, or nothing."""
    if value is None or type(value) is str:
        return value
    error(errors, "string_type", loc, value)
    return value


def text_or_none(value: Any, loc: Loc | None, errors: Errors) -> Any:
    return None if value is None else text(value, loc, errors)


def date(value: Any, loc: Loc | None, errors: Errors) -> Any:
    """A calendar date, written 2026-02-04 and nothing else (not a number, not a time)."""
    if type(value) is dt.date:
        return value
    if isinstance(value, dt.datetime):
        message = f"expected a date like 2026-02-04, found {DATE_AND_TIME}"
    elif isinstance(value, int | float) and not isinstance(value, bool):
        message = f"expected a date like 2026-02-04, found the number {value}"
    elif isinstance(value, str):
        if not ISO_DATE.fullmatch(value):
            message = f"expected a date like 2026-02-04, found {value!r}"
        else:
            try:
                if value.isascii():  # \d also matches other scripts' digits, which no date has
                    return dt.date(int(value[:4]), int(value[5:7]), int(value[8:]))
            except ValueError:
                pass
            error(errors, "date_from_datetime_parsing", loc, value)
            return value
    else:
        error(errors, "date_type", loc, value)
        return value
    error(errors, "value_error", loc, value, message)
    return value


def date_or_none(value: Any, loc: Loc | None, errors: Errors) -> Any:
    return None if value is None else date(value, loc, errors)


def version(value: Any, loc: Loc | None, errors: Errors) -> Any:
    """The format version: 1, or left out."""
    if value is None or (value == 1 and type(value) is int):
        return value
    if isinstance(value, float):
        message = f"unsupported format version {value}: this browser reads 'briefing: 1'"
        error(errors, "value_error", loc, value, message)
    else:
        error(errors, "literal_error", loc, value)
    return value


def texts(value: Any, loc: Loc | None, errors: Errors) -> Any:
    """A list of text that says something; a tuple once loaded."""
    if type(value) is not list:
        error(errors, "tuple_type", loc, value)
        return value
    if loc is None:
        return tuple([text(item, None, errors) for item in value])
    return tuple([text(item, (*loc, index), errors) for index, item in enumerate(value)])


def evidence(value: Any, loc: Loc | None, errors: Errors) -> Any:
    """One quote or a list of quotes; always a tuple once loaded."""
    if type(value) is str:
        return (text(value, None if loc is None else (*loc, 0), errors),)
    return texts(value, loc, errors)


def wikidata_id(value: Any, loc: Loc | None, errors: Errors) -> Any:
    """A Wikidata item id: Q and digits, no leading zero; every wrong value gets one message."""
    if value is None or (isinstance(value, str) and WIKIDATA.fullmatch(value)):
        return value
    hint = ""
    if isinstance(value, str):
        found = repr(value)
        if WIKIDATA.fullmatch(value.strip().upper()):
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
    error(errors, "value_error", loc, value, f"wikidata: expected an id like Q1234, found {found}{hint}")
    return value


def figure_value(value: Any, loc: Loc | None, errors: Errors) -> Any:
    """A number (not a boolean) or text that says something, or nothing."""
    kind = type(value)
    if value is None or kind is int or kind is float:
        return value
    if kind is str and ("!" <= value[:1] <= "~" or has_visible(value)):
        return value
    # `messages` words every failure of a figure's value itself: text that says nothing, or a kind.
    error(errors, "union_error", None if loc is None else (*loc, "int"), value)
    return value

"""A plain YAML scalar read as YAML 1.1 reads it, refused where that would change what the file says.

Quoted and block scalars are always text. A plain scalar YAML reads as a number, a date, a boolean or
null is built by PyYAML's own constructors; a number is kept only when it is written exactly as it
prints (`010`, `0x10`, `1_000`, `.inf` are refused with a hint), and a base-60 number or an impossible
date is refused, so what is shown is what the file says.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import Resolver

#: The implicit tag of a plain scalar (the stubs leave `Resolver.resolve` untyped).
_resolve: Callable[[type[yaml.Node], str, tuple[bool, bool]], str] = Resolver().resolve
_CONSTRUCTOR = SafeConstructor()
_CORE = "tag:yaml.org,2002:"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
#: About the 4300 decimal digits Python converts to text; larger numbers cannot even be shown.
_MAX_INT_BITS = 14_000
_MAX_INT_CHARS = 4300
_IMPLICIT: dict[str, Callable[[yaml.ScalarNode], Any]] = {
    "tag:yaml.org,2002:null": lambda node: None,
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    "tag:yaml.org,2002:int": _CONSTRUCTOR.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCTOR.construct_yaml_float,
    "tag:yaml.org,2002:timestamp": _CONSTRUCTOR.construct_yaml_timestamp,
}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DATE_LIKE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def date_problem(text: str) -> str | None:
    """Why `text`, shaped like a date, is no real calendar date (None when it is one)."""
    match = DATE_LIKE.match(text)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if year == 0:
        return f"impossible date {text}: there is no year 0"
    if not 1 <= month <= 12:
        return f"impossible date {text}: there is no month {month}"
    try:
        dt.date(year, month, day)
    except ValueError:
        import calendar

        days = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
        return f"impossible date {text}: {_MONTHS[month - 1]} {year} has {days} days"
    return None


def read_scalar(event: yaml.ScalarEvent) -> tuple[Any, str | None, bool]:
    """The value of a scalar event, why it cannot be read (if so), and whether YAML read it as
    something other than text (then the text as written is worth keeping for messages)."""
    value = event.value
    if event.style or not event.implicit[0]:  # quoted or block scalars are always text
        return value, None, False
    tag = _resolve(yaml.ScalarNode, value, (True, False))
    build = _IMPLICIT.get(tag)
    if build is None:
        return value, None, False
    if tag == _INT and len(value) > _MAX_INT_CHARS:
        return value, _too_long(value), True
    if ":" in value and (tag == _INT or tag == _FLOAT):
        why = f'YAML 1.1 reads {value} as a base-60 number; quote it if it is text or a time: "{value}"'
        return value, why, True
    try:
        result = build(yaml.ScalarNode(tag, value))
    except (ValueError, OverflowError, ConstructorError) as exc:
        if tag.endswith("timestamp"):
            return value, date_problem(value) or f"impossible date or time {value!r}", True
        if tag == _INT and "digits" in str(exc):
            return value, _too_long(value), True
        return value, f"cannot read {value!r}: {exc}", True
    if tag == _INT and result.bit_length() > _MAX_INT_BITS:  # 0x/0b numbers escape int()'s digit limit
        return value, _too_long(value), True
    if tag == _INT or tag == _FLOAT:
        form = _number_form(value, result)
        if form:
            return value, form, True
    return result, None, True


def _number_form(raw: str, number: int | float) -> str | None:
    """Why a number is refused: it is shown as `str(number)`, which must be what the file says.

    YAML 1.1 reads 010 as 8, 0x10 as 16, 1_000 as 1000 and 1.0e+400 as infinity: showing those would
    change what the file says, and guessing the text meant would change what YAML says."""
    quote = f'quote it to keep it as text: "{raw}"'
    if isinstance(number, float) and math.isnan(number):
        return f"YAML 1.1 reads {raw} as 'not a number'; {quote}"
    if isinstance(number, float) and math.isinf(number):
        what = "infinity" if number > 0 else "minus infinity"
        if not raw.lstrip("+-").startswith("."):
            what += " (it is too large for a number)"
        return f"YAML 1.1 reads {raw} as {what}; {quote}"
    shown = str(number)
    if shown == raw:
        return None
    body = raw.lstrip("+-").lower()
    kind = ""
    if isinstance(number, int):
        if body.startswith("0x"):
            kind = "hexadecimal "
        elif body.startswith("0b"):
            kind = "binary "
        elif body.startswith("0") and len(body) > 1:
            kind = "octal "
    if _resolve(yaml.ScalarNode, shown, (True, False)) not in (_INT, _FLOAT):
        # 1e-05: Python's way of writing it, which YAML 1.1 reads as text.
        return f"YAML 1.1 reads {raw} as the number {shown}, which would not show as written; {quote}"
    return f"YAML 1.1 reads {raw} as the {kind}number {shown}; write {shown}, or {quote}"


def as_written(tag: str) -> str:
    return "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag


def _too_long(value: str) -> str:
    return f"integer too long to read ({len(value)} characters); quote it if it is text"

"""A strict, position-keeping YAML reader for hand-written briefing files.

PyYAML's own loaders are too lax for files people must trust: they keep the last of two duplicate keys,
expand alias bombs, honour tags and merge keys. This module walks libyaml's *event* stream instead and
builds plain Python values itself, so that

* anchors, aliases, merge keys and every explicit tag are refused before anything is built or run;
* duplicate keys, nesting depth and key types are checked with the position of the offending text;
* every value keeps its line and column (in a parallel `Pos` tree), so later validation errors can
  point at the exact place in the file.

Parsing is iterative (no recursion), so hostile nesting cannot exhaust the stack.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import Resolver

try:  # libyaml is much faster; the pure-Python parser gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64

#: C0 controls but tab, LF and CR; DEL; C1 controls; bidi embeddings/overrides and isolates.
FORBIDDEN_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_C0_NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "BACKSPACE",
    0x0B: "VERTICAL TAB",
    0x0C: "FORM FEED",
    0x1B: "ESC",
    0x7F: "DEL",
}
_BIDI_NAMES = {
    0x202A: "LEFT-TO-RIGHT EMBEDDING",
    0x202B: "RIGHT-TO-LEFT EMBEDDING",
    0x202C: "POP DIRECTIONAL FORMATTING",
    0x202D: "LEFT-TO-RIGHT OVERRIDE",
    0x202E: "RIGHT-TO-LEFT OVERRIDE",
    0x2066: "LEFT-TO-RIGHT ISOLATE",
    0x2067: "RIGHT-TO-LEFT ISOLATE",
    0x2068: "FIRST STRONG ISOLATE",
    0x2069: "POP DIRECTIONAL ISOLATE",
}


def describe_forbidden(char: str) -> str:
    """A message for a character FORBIDDEN_CHARS matched."""
    code = ord(char)
    if code in _BIDI_NAMES:
        return (
            f"bidirectional control U+{code:04X} ({_BIDI_NAMES[code]}) is not allowed: it makes text "
            "display in a different order from what the file says; delete it"
        )
    name = _C0_NAMES.get(code, "C1 control" if code >= 0x80 else "control character")
    return f"control character U+{code:04X} ({name}) is not allowed in a briefing; delete it"


@dataclass(slots=True)
class Pos:
    """Where a value starts (1-based), and where its children start."""

    line: int
    column: int
    #: dict key -> (key line, key column, value Pos) for mappings; list of Pos for sequences.
    children: dict[str, tuple[int, int, Pos]] | list[Pos] | None = None
    #: The text as written, for plain scalars YAML did not read as text (`NO`, `1e3`, `~`).
    raw: str | None = None


@dataclass(slots=True)
class TreeProblem:
    line: int | None
    column: int | None
    message: str


class TreeError(Exception):
    """The stream could not be read at all; `problems` says why and where."""

    def __init__(self, problems: list[TreeProblem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


@dataclass(slots=True)
class _Frame:
    value: dict[str, Any] | list[Any]
    pos: Pos
    ignored: bool  # inside the value of an x- key: parsed and checked for safety, then dropped
    key: str | None = None
    key_pos: tuple[int, int] = (0, 0)
    awaiting_key: bool = True
    drop_value: bool = False
    seen: dict[str, int] = field(default_factory=dict)


_RESOLVER = Resolver()
_CONSTRUCTOR = SafeConstructor()
_STR = "tag:yaml.org,2002:str"
_IMPLICIT = {
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
_DATE_LIKE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def date_problem(text: str) -> str | None:
    """Why `text`, shaped like a date, is no real calendar date (None when it is one)."""
    match = _DATE_LIKE.match(text)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        return f"impossible date {text}: there is no month {month}"
    try:
        dt.date(year, month, day)
    except ValueError:
        import calendar

        days = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
        return f"impossible date {text}: {_MONTHS[month - 1]} {year} has {days} days"
    return None


def _scalar(event: yaml.ScalarEvent, pos: Pos) -> tuple[Any, str | None]:
    """The value of a scalar event and, if it cannot be read, why."""
    value = event.value
    if event.style or not event.implicit[0]:  # quoted or block scalars are always text
        return value, None
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
    build = _IMPLICIT.get(tag)
    if build is None:
        return value, None
    pos.raw = value
    try:
        return build(yaml.ScalarNode(tag, value)), None
    except (ValueError, OverflowError, ConstructorError) as exc:
        if tag.endswith("timestamp"):
            return value, date_problem(value) or f"impossible date or time {value!r}"
        if tag.endswith("int") and "digits" in str(exc):
            return value, (
                f"integer too long to read ({len(value)} characters); quote it if it is text"
            )
        return value, f"cannot read {value!r}: {exc}"


def _events(text: str) -> Iterator[yaml.Event]:
    loader = _Loader(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    finally:
        loader.dispose()


def _syntax_problem(exc: yaml.YAMLError) -> TreeProblem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"YAML syntax error: {problem}"
    if context:
        message += f" ({context})"
    if mark is None:
        return TreeProblem(None, None, message)
    return TreeProblem(mark.line + 1, mark.column + 1, message)


def read_tree(text: str, problems: list[TreeProblem]) -> tuple[Any, Pos]:
    """Parse one YAML document into plain values and their positions.

    Problems that still leave a usable tree (duplicate keys, anchors, bad scalars) are appended to
    `problems`; a stream that cannot be read raises `TreeError`.
    """
    stack: list[_Frame] = []
    root: Any = None
    root_pos = Pos(1, 1)
    documents = 0

    def fail(event: yaml.Event, message: str) -> None:
        problems.append(
            TreeProblem(event.start_mark.line + 1, event.start_mark.column + 1, message)
        )

    def ignored() -> bool:
        """Is the next value inside an x- value (or a dropped duplicate), so no schema applies?"""
        if not stack:
            return False
        top = stack[-1]
        return top.ignored or (
            isinstance(top.value, dict) and not top.awaiting_key and top.drop_value
        )

    def take_key(frame: _Frame, key: Any, pos: Pos) -> None:
        def fail(message: str) -> None:
            problems.append(TreeProblem(pos.line, pos.column, message))

        frame.awaiting_key = False
        frame.drop_value = False
        if not isinstance(key, str):
            fail("a key must be plain text, not a list or mapping")
            frame.key, frame.drop_value = None, True
            return
        frame.key, frame.key_pos = key, (pos.line, pos.column)
        first = frame.seen.get(key)
        if first is not None:
            fail(f"duplicate key {key!r}: the first is on line {first}; keep only one")
            frame.drop_value = True
            return
        frame.seen[key] = pos.line
        if key == "<<":
            fail("merge keys (<<) are not allowed; write the keys out")
            frame.drop_value = True
        elif key.startswith("x-"):
            frame.drop_value = True

    def attach(value: Any, pos: Pos) -> None:
        nonlocal root, root_pos
        if not stack:
            root, root_pos = value, pos
            return
        frame = stack[-1]
        if isinstance(frame.value, list):
            frame.value.append(value)
            frame.pos.children.append(pos)  # type: ignore[union-attr]
        elif frame.awaiting_key:
            take_key(frame, value, pos)
        else:
            frame.awaiting_key = True
            if not frame.drop_value:
                frame.value[frame.key] = value  # type: ignore[index]
                frame.pos.children[frame.key] = (*frame.key_pos, pos)  # type: ignore[index]

    try:
        for event in _events(text):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    fail(event, "a briefing file holds one YAML document; this is a second one")
                    break
                continue
            if isinstance(event, yaml.AliasEvent):
                fail(event, f"aliases (*{event.anchor}) are not allowed; write the value out")
                attach(None, _pos(event))
                continue
            if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
                fail(event, f"anchors (&{event.anchor}) are not allowed; write the value out")
            tag = getattr(event, "tag", None)
            if isinstance(event, yaml.NodeEvent) and tag is not None:
                fail(event, f"tags ({tag}) are not allowed in a briefing; remove the tag")
            if isinstance(event, yaml.ScalarEvent):
                pos = _pos(event)
                if stack and isinstance(stack[-1].value, dict) and stack[-1].awaiting_key:
                    value: Any = event.value  # keys are always text
                else:
                    value, why = _scalar(event, pos)
                    if why and not ignored():
                        fail(event, why)
                if isinstance(value, str):
                    bad = FORBIDDEN_CHARS.search(value)
                    if bad:
                        fail(event, describe_forbidden(bad.group()))
                attach(value, pos)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    fail(event, f"nesting deeper than {MAX_DEPTH} levels is not allowed")
                    raise TreeError(problems)
                pos = _pos(event)
                if isinstance(event, yaml.MappingStartEvent):
                    pos.children = {}
                    stack.append(_Frame({}, pos, ignored()))
                else:
                    pos.children = []
                    stack.append(_Frame([], pos, ignored()))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                frame = stack.pop()
                attach(frame.value, frame.pos)
    except yaml.YAMLError as exc:
        problems.append(_syntax_problem(exc))
        raise TreeError(problems) from None
    if documents == 0:
        raise TreeError([*problems, TreeProblem(None, None, "the file holds no YAML document")])
    return root, root_pos


def _pos(event: yaml.Event) -> Pos:
    return Pos(event.start_mark.line + 1, event.start_mark.column + 1)

"""A strict, position-keeping YAML reader for hand-written briefing files.

PyYAML's own loaders are too lax for files people must trust: they keep the last of two duplicate keys,
expand alias bombs, honour tags and merge keys. This module walks libyaml's *event* stream instead and
builds plain Python values itself, so that

* anchors, aliases, merge keys and every explicit tag are refused before anything is built or run;
* duplicate keys, nesting depth and key types are checked with the position of the offending text;
* every value keeps its line and column (in a parallel `Pos` tree), so later validation errors can
  point at the exact place in the file;
* a number is kept only when it is written exactly as it prints (`010`, `0x10`, `1_000`, `.inf` are
  refused with a hint), so what is shown is what the file says.

Parsing is iterative (no recursion), so hostile nesting cannot exhaust the stack.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import Resolver

try:  # libyaml is much faster; the pure-Python parser gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
#: Keys with this prefix are allowed in any mapping and ignored, with all they hold.
EXTENSION_PREFIX = "x-"

#: C0 controls but tab, LF and CR; DEL; C1 controls; bidi embeddings/overrides and isolates.
UNSAFE_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: In a briefing also the Unicode line and paragraph separators: invisible in editors, yet libyaml counts
#: them as line breaks, so every position after one would be off; and the noncharacters U+FFFE and
#: U+FFFF, which libyaml refuses without a line and column.
FORBIDDEN_CHARS = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]"
)

_C0_NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "BACKSPACE",
    0x0B: "VERTICAL TAB",
    0x0C: "FORM FEED",
    0x1B: "ESC",
    0x7F: "DEL",
}
_SEPARATOR_NAMES = {0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR"}
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
    if code in (0xFFFE, 0xFFFF):
        return f"U+{code:04X} is not a character (a Unicode noncharacter) and YAML refuses it; delete it"
    if code in _SEPARATOR_NAMES:
        return (
            f"U+{code:04X} ({_SEPARATOR_NAMES[code]}) is not allowed: it is invisible and YAML counts it "
            "as a line break; use a plain newline"
        )
    name = _C0_NAMES.get(code, "C1 control" if code >= 0x80 else "control character")
    return f"control character U+{code:04X} ({name}) is not allowed in a briefing; delete it"


class Pos:
    """Where a value starts (1-based), and where its children start."""

    __slots__ = ("children", "column", "line", "raw")

    def __init__(self, line: int, column: int, children: Any = None) -> None:
        self.line = line
        self.column = column
        #: key -> (key line, key column, value Pos) for mappings; a list of Pos for sequences.
        self.children: dict[str, tuple[int, int, Pos]] | list[Pos] | None = children
        #: The text as written, for plain scalars YAML did not read as text (`NO`, `1e3`, `~`).
        self.raw: str | None = None

    def child(self, key: str | int) -> Pos:
        """Where the value under a mapping key or at a list index starts; this position if none."""
        children = self.children
        if isinstance(children, dict) and isinstance(key, str) and key in children:
            return children[key][2]
        if isinstance(children, list) and isinstance(key, int) and key < len(children):
            return children[key]
        return self


def items_at(data: dict[str, Any], pos: Pos, key: str) -> Iterator[tuple[Any, Pos]]:
    """The items of the list under `key` in `data` (at `pos`), each with its position."""
    values = data.get(key)
    if not isinstance(values, list):
        return
    children = pos.children.get(key) if isinstance(pos.children, dict) else None
    item_pos = children[2].children if children else None
    for index, value in enumerate(values):
        if isinstance(item_pos, list) and index < len(item_pos):
            yield value, item_pos[index]


@dataclass(slots=True)
class TreeProblem:
    line: int | None
    column: int | None
    message: str
    #: What kind of problem it is: see `problems.Problem.code`.
    code: str = "syntax"


class TreeError(Exception):
    """The stream could not be read at all; `problems` says why and where."""

    def __init__(self, problems: list[TreeProblem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


class _Frame:
    """An open mapping or sequence while its events stream in."""

    __slots__ = (
        "awaiting_key",
        "children",
        "drop_value",
        "ignored",
        "is_map",
        "key",
        "key_pos",
        "pos",
        "seen",
        "value",
    )

    def __init__(self, value: dict[str, Any] | list[Any], pos: Pos, ignored: bool) -> None:
        # A dict or a list, and the children of `pos` to match: `is_map` tells which, more cheaply
        # than isinstance for every value, so the types cannot be narrowed.
        self.value: Any = value
        self.children: Any = pos.children
        self.pos = pos
        self.is_map = isinstance(value, dict)
        # Inside the value of an x- key (or a dropped duplicate): parsed and checked for safety,
        # but no schema applies and nothing is kept.
        self.ignored = ignored
        self.key: str | None = None
        self.key_pos: tuple[int, int] = (0, 0)
        self.awaiting_key = True
        self.drop_value = False
        self.seen: dict[str, int] = {}


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
_DATE_LIKE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def date_problem(text: str) -> str | None:
    """Why `text`, shaped like a date, is no real calendar date (None when it is one)."""
    match = _DATE_LIKE.match(text)
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


def _scalar(event: yaml.ScalarEvent, pos: Pos) -> tuple[Any, str | None]:
    """The value of a scalar event and, if it cannot be read, why."""
    value = event.value
    if event.style or not event.implicit[0]:  # quoted or block scalars are always text
        return value, None
    tag = _resolve(yaml.ScalarNode, value, (True, False))
    build = _IMPLICIT.get(tag)
    if build is None:
        return value, None
    pos.raw = value
    if tag == _INT and len(value) > _MAX_INT_CHARS:
        return value, _too_long(value)
    if ":" in value and (tag == _INT or tag == _FLOAT):
        return value, (
            f'YAML 1.1 reads {value} as a base-60 number; quote it if it is text or a time: "{value}"'
        )
    try:
        result = build(yaml.ScalarNode(tag, value))
    except (ValueError, OverflowError, ConstructorError) as exc:
        if tag.endswith("timestamp"):
            return value, date_problem(value) or f"impossible date or time {value!r}"
        if tag == _INT and "digits" in str(exc):
            return value, _too_long(value)
        return value, f"cannot read {value!r}: {exc}"
    if tag == _INT and result.bit_length() > _MAX_INT_BITS:  # 0x/0b numbers escape int()'s digit limit
        return value, _too_long(value)
    if tag == _INT or tag == _FLOAT:
        why = _number_form(value, result)
        if why:
            return value, why
    return result, None


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


def _as_written(tag: str) -> str:
    return "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag


def _too_long(value: str) -> str:
    return f"integer too long to read ({len(value)} characters); quote it if it is text"


def _events(text: str) -> Iterator[yaml.Event]:
    loader = _Loader(text)
    get_event = loader.get_event
    try:
        while True:
            event = get_event()
            if event is None:
                return
            yield event
            if type(event) is yaml.StreamEndEvent:
                return
    finally:
        loader.dispose()


def _syntax_problem(exc: yaml.YAMLError, text: str) -> TreeProblem:
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader_problem(exc, text)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    if mark is not None:
        better = _explained(problem, getattr(exc, "context_mark", None), mark, text)
        if better is not None:
            return better
    message = f"YAML syntax error: {problem}"
    if context:
        message += f" ({context})"
    if mark is None:
        return TreeProblem(None, None, message)
    return TreeProblem(mark.line + 1, mark.column + 1, message)


#: libyaml's limit on the length of a key written without `?`.
_MAX_SIMPLE_KEY = 1024
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _line(text: str, number: int) -> str:
    """Line `number` (0-based) of `text`, counted the way YAML counts lines."""
    start = 0
    for index, match in enumerate(_LINE_BREAK.finditer(text)):
        if index == number:
            return text[start : match.start()]
        start = match.end()
    return text[start:]


def _explained(problem: str, context_mark: Any, mark: Any, text: str) -> TreeProblem | None:
    """libyaml's message where it does not say what to fix, in words that do; None elsewhere."""
    line = _line(text, mark.line)
    at = mark.column
    if line[at : at + 1] == "\t":
        if not line[:at].strip(" \t"):
            return TreeProblem(mark.line + 1, at + 1, "tabs cannot indent YAML; use spaces")
        return TreeProblem(mark.line + 1, at + 1, "YAML does not allow a tab here; use a space")
    if problem.startswith("mapping values are not allowed"):
        return TreeProblem(mark.line + 1, at + 1, _colon_in_value(line, at))
    if problem == "could not find expected ':'" and context_mark is not None:
        key_line = _line(text, context_mark.line)
        colon = key_line.find(":", context_mark.column)
        if colon - context_mark.column > _MAX_SIMPLE_KEY:
            return TreeProblem(
                context_mark.line + 1,
                context_mark.column + 1,
                f"this key is {colon - context_mark.column:,} characters long: YAML limits a plain "
                f"key to {_MAX_SIMPLE_KEY:,} characters; shorten it",
            )
    return None


def _colon_in_value(line: str, colon: int) -> str:
    """A ': ' after a key's ': ' on one line: the value needs quotes, which the message shows."""
    key_end = line.find(": ", 0, colon)
    key, value = line[: max(key_end, 0)].strip(), line[key_end + 2 :].strip()
    while key.startswith("- "):
        key = key[2:].lstrip()
    if key_end < 0 or not key or not value or value[0] in "\"'[{":
        return (
            "YAML syntax error: a ': ' here starts a mapping; if it is part of a value, quote the "
            "value, and if it ends a key, line the key up with the keys beside it"
        )
    if len(value) > 80:
        value = value[:60] + "…"
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"a ': ' inside a value starts a mapping in YAML; quote the value: {key}: {quoted}"


def _reader_problem(exc: yaml.reader.ReaderError, text: str) -> TreeProblem:
    """A character libyaml will not read, at its line and column (libyaml counts bytes)."""
    before = text.encode("utf-8")[: exc.position].decode("utf-8", "ignore")
    breaks = list(_LINE_BREAK.finditer(before))
    column = len(before) - (breaks[-1].end() if breaks else 0) + 1
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    message = f"YAML cannot read U+{code:04X} ({exc.reason}); delete it"
    return TreeProblem(len(breaks) + 1, column, message, "control-character")


def read_tree(text: str, problems: list[TreeProblem]) -> tuple[Any, Pos]:
    """Parse one YAML document into plain values and their positions.

    Problems that still leave a usable tree (duplicate keys, anchors, bad scalars) are appended to
    `problems`; a stream that cannot be read raises `TreeError`. The loop is written flat, with
    type dispatch instead of helper calls, because it runs once per YAML event.
    """
    stack: list[_Frame] = []
    top: _Frame | None = None
    root: Any = None
    root_pos = Pos(1, 1)
    documents = 0
    forbidden = FORBIDDEN_CHARS.search
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    map_start, seq_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)

    def fail(line: int, column: int, message: str, code: str) -> None:
        problems.append(TreeProblem(line, column, message, code))

    # Dispatched on its exact type, which is faster than isinstance but lets mypy narrow nothing.
    event: Any
    try:
        for event in _events(text):
            kind = type(event)
            if kind is scalar_event or kind is map_start or kind is seq_start or kind is alias_event:
                mark = event.start_mark
                pos = Pos(mark.line + 1, mark.column + 1)
                if event.anchor is not None:
                    if kind is alias_event:
                        fail(
                            pos.line,
                            pos.column,
                            f"aliases (*{event.anchor}) are not allowed; write the value out",
                            "alias",
                        )
                    else:
                        fail(
                            pos.line,
                            pos.column,
                            f"anchors (&{event.anchor}) are not allowed; write the value out",
                            "anchor",
                        )
                if kind is not alias_event and event.tag is not None:
                    fail(
                        pos.line,
                        pos.column,
                        f"tags ({_as_written(event.tag)}) are not allowed in a briefing; remove the tag",
                        "tag",
                    )
                ignored = top is not None and (
                    top.ignored or (top.is_map and not top.awaiting_key and top.drop_value)
                )
                if kind is scalar_event:
                    if top is not None and top.is_map and top.awaiting_key:
                        value: Any = event.value  # keys are always text
                    else:
                        value, why = _scalar(event, pos)
                        if why and not ignored:
                            fail(pos.line, pos.column, why, "date" if _DATE_LIKE.match(value) else "number")
                    if type(value) is str:
                        bad = forbidden(value)
                        if bad:
                            fail(pos.line, pos.column, describe_forbidden(bad.group()), "control-character")
                elif kind is alias_event:
                    value = None
                else:
                    if len(stack) >= MAX_DEPTH:
                        fail(
                            pos.line,
                            pos.column,
                            f"nesting deeper than {MAX_DEPTH} levels is not allowed",
                            "depth",
                        )
                        raise TreeError(problems)
                    if kind is map_start:
                        pos.children = {}
                        top = _Frame({}, pos, ignored)
                    else:
                        pos.children = []
                        top = _Frame([], pos, ignored)
                    stack.append(top)
                    continue
            elif kind in ends:
                done = stack.pop()
                value, pos = done.value, done.pos
                top = stack[-1] if stack else None
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    fail(
                        mark.line + 1,
                        mark.column + 1,
                        "a briefing file holds one YAML document; this is a second one",
                        "syntax",
                    )
                    break
                continue
            else:
                continue

            # Attach the finished value to its parent.
            if top is None:
                root, root_pos = value, pos
            elif not top.is_map:
                top.value.append(value)
                top.children.append(pos)
            elif top.awaiting_key:
                top.awaiting_key = False
                top.drop_value = False
                if type(value) is not str:
                    fail(pos.line, pos.column, "a key must be plain text, not a list or mapping", "key-type")
                    top.key, top.drop_value = None, True
                    continue
                top.key, top.key_pos = value, (pos.line, pos.column)
                first = top.seen.get(value)
                if first is not None:
                    fail(
                        pos.line,
                        pos.column,
                        f"duplicate key {value!r}: the first is on line {first}; keep only one",
                        "duplicate-key",
                    )
                    top.drop_value = True
                    continue
                top.seen[value] = pos.line
                if value == "<<":
                    fail(
                        pos.line,
                        pos.column,
                        "merge keys (<<) are not allowed; write the keys out",
                        "merge-key",
                    )
                    top.drop_value = True
                elif value.startswith(EXTENSION_PREFIX):
                    top.drop_value = True
            else:
                top.awaiting_key = True
                if not top.drop_value:
                    top.value[top.key] = value
                    top.children[top.key] = (*top.key_pos, pos)
    except yaml.YAMLError as exc:
        problems.append(_syntax_problem(exc, text))
        raise TreeError(problems) from None
    if documents == 0:
        raise TreeError([*problems, TreeProblem(None, None, "the file holds no YAML document")])
    return root, root_pos
